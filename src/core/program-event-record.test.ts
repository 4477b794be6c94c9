import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PROGRAM_EVENT_ACTIONS,
  PROGRAM_EVENT_ACTORS,
  PROGRAM_EVENT_REASONS,
  PROGRAM_EVENT_RECORD_VERSION,
  storedReasons,
  upgradedSentence,
} from './program-event-record.js';
import { reason } from './program-engine.js';
import { programText } from './program-words.js';
import { eventIn } from './i18n/review-texts.js';

test('a version-1 row is upgraded on reading: a fixed sentence gets its id, one with figures is kept as written', () => {
  assert.equal(PROGRAM_EVENT_RECORD_VERSION, 2);
  // A row as version 1 stored it: a bare array, English only.
  const stored = JSON.parse(
    '[{"rule":"all-met","text":"You did your sessions and your pain stayed within the rules for a week, so the next stage starts.","refs":["46"]},' +
      '{"rule":"morning-pain-rise","text":"Your daily pain rose more than 2 points above your usual level (about 3.5/10). That is a real change, so the plan steps back.","refs":["39","5"]},' +
      '{"rule":"clinician-adjustment","text":"Dr Ruiz set your program to stage 3 (Longer holds): Going well.","refs":[]}]',
  );
  const read = PROGRAM_EVENT_REASONS.parse(stored);
  assert.deepEqual(read, [
    {
      rule: 'all-met',
      text: 'You did your sessions and your pain stayed within the rules for a week, so the next stage starts.',
      said: { id: 'progress.all-met', params: {} },
      refs: ['46'],
    },
    {
      rule: 'morning-pain-rise',
      text: 'Your daily pain rose more than 2 points above your usual level (about 3.5/10). That is a real change, so the plan steps back.',
      said: {
        id: 'older-english',
        params: {
          english:
            'Your daily pain rose more than 2 points above your usual level (about 3.5/10). That is a real change, so the plan steps back.',
        },
      },
      refs: ['39', '5'],
    },
    {
      rule: 'clinician-adjustment',
      text: 'Dr Ruiz set your program to stage 3 (Longer holds): Going well.',
      said: {
        id: 'older-english',
        params: { english: 'Dr Ruiz set your program to stage 3 (Longer holds): Going well.' },
      },
      refs: [],
    },
  ]);
  // On a Spanish screen: the fixed sentence in Spanish, the others quoted and said to be English.
  assert.deepEqual(
    eventIn({ reasons: read }, 'es').reasons.map((r) => r.text),
    [
      'Hiciste tus sesiones y tu dolor se mantuvo dentro de las reglas durante una semana, así que empieza la siguiente etapa.',
      '«Your daily pain rose more than 2 points above your usual level (about 3.5/10). That is a real change, so the plan steps back.» (en inglés)',
      '«Dr Ruiz set your program to stage 3 (Longer holds): Going well.» (en inglés)',
    ],
  );
  // A fixed sentence of a review's reminder and of the safety screen too; an older wording is not matched.
  assert.deepEqual(upgradedSentence('Safety check clear: the program starts at stage 1.'), {
    id: 'start.screen-clear',
    params: {},
  });
  assert.deepEqual(upgradedSentence('Safety check clear: the program starts.'), {
    id: 'older-english',
    params: { english: 'Safety check clear: the program starts.' },
  });
});

test('version 2 stores the id and figures only, and reads back with the English made from them', () => {
  const reasons = [
    reason('morning-pain-rise', programText('regress.morning-pain-rise', { points: 2, baseline: 3.4667 }), ['39', '5']),
  ];
  const json = JSON.stringify(storedReasons(reasons));
  assert.equal(
    json,
    '{"version":2,"reasons":[{"rule":"morning-pain-rise","said":{"id":"regress.morning-pain-rise","params":{"points":2,"baseline":3.4667}},"refs":["39","5"]}]}',
  );
  assert.deepEqual(PROGRAM_EVENT_REASONS.parse(JSON.parse(json)), [
    {
      rule: 'morning-pain-rise',
      text: 'Your daily pain rose more than 2 points above your usual level (about 3.5/10). That is a real change, so the plan steps back.',
      said: { id: 'regress.morning-pain-rise', params: { points: 2, baseline: 3.4667 } },
      refs: ['39', '5'],
    },
  ]);
});

test('a version-2 reason with an unknown id or without a figure its words need is refused, not shown half', () => {
  const row = (said: unknown) => ({ version: 2, reasons: [{ rule: 'x', said, refs: [] }] });
  assert.equal(PROGRAM_EVENT_REASONS.safeParse(row({ id: 'no.such-id', params: {} })).success, false);
  assert.equal(PROGRAM_EVENT_REASONS.safeParse(row({ id: 'rescreen.interval', params: {} })).success, false);
  assert.equal(PROGRAM_EVENT_REASONS.safeParse(row({ id: 'rescreen.interval', params: { days: 28 } })).success, true);
  assert.equal(PROGRAM_EVENT_REASONS.safeParse({ version: 3, reasons: [] }).success, false);
});

test('a stored reason without its references or with a number for a reference is refused, not read as empty', () => {
  assert.equal(PROGRAM_EVENT_REASONS.safeParse([{ rule: 'x', text: 'y' }]).success, false);
  assert.equal(PROGRAM_EVENT_REASONS.safeParse([{ rule: 'x', text: 'y', refs: [5] }]).success, false);
});

test('the actions and actors are the six and three the table has held since migration 0001', () => {
  assert.deepEqual([...PROGRAM_EVENT_ACTIONS].sort(), ['hold', 'progress', 'regress', 'resume', 'start', 'stop']);
  assert.deepEqual([...PROGRAM_EVENT_ACTORS].sort(), ['clinician', 'engine', 'person']);
});

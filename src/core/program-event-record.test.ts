import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PROGRAM_EVENT_ACTIONS,
  PROGRAM_EVENT_ACTORS,
  PROGRAM_EVENT_REASONS,
  PROGRAM_EVENT_RECORD_VERSION,
} from './program-event-record.js';

test('stored reasons of version 1 read back as written', () => {
  assert.equal(PROGRAM_EVENT_RECORD_VERSION, 1);
  const stored = JSON.parse(
    '[{"rule":"red-flag:cauda-equina","text":"Safety answer suggests a nerve problem.","refs":[]},{"rule":"adherence","text":"5 of 7 sessions.","refs":["5","39"]}]',
  );
  assert.deepEqual(PROGRAM_EVENT_REASONS.parse(stored), [
    { rule: 'red-flag:cauda-equina', text: 'Safety answer suggests a nerve problem.', refs: [] },
    { rule: 'adherence', text: '5 of 7 sessions.', refs: ['5', '39'] },
  ]);
});

test('a stored reason without its references or with a number for a reference is refused, not read as empty', () => {
  assert.equal(PROGRAM_EVENT_REASONS.safeParse([{ rule: 'x', text: 'y' }]).success, false);
  assert.equal(PROGRAM_EVENT_REASONS.safeParse([{ rule: 'x', text: 'y', refs: [5] }]).success, false);
});

test('the actions and actors are the six and three the table has held since migration 0001', () => {
  assert.deepEqual([...PROGRAM_EVENT_ACTIONS].sort(), ['hold', 'progress', 'regress', 'resume', 'start', 'stop']);
  assert.deepEqual([...PROGRAM_EVENT_ACTORS].sort(), ['clinician', 'engine', 'person']);
});

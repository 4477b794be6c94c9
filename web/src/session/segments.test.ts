/**
 * The guided session's timeline and tally (web/src/session/segments.ts), checked in Node without a browser.
 * Expected counts and durations are worked out by hand from the stage doses in src/core/stages.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { todayPlan, type PlanItem } from '../../../src/core/plan.js';
import { buildSegments, sessionItems, tallyItems, type SegmentOutcome } from './segments.js';
import { i18n } from '../i18n/i18n.js';
import { NEW_PERSON_WALKING } from '../../../test/helpers/walking-target-fixture.js';

// The segments' words in English (the catalogue's source language); only their timing is checked here.
const en = i18n.getFixedT('en');

const walking = NEW_PERSON_WALKING;
function drills(stage: number): PlanItem[] {
  const plan = todayPlan({ screen: { status: 'clear', exclusions: [], precautions: [] }, stage, walking });
  assert.equal(plan.status, 'active');
  return sessionItems(plan.status === 'active' ? plan.items : []);
}

test('stage 2: ball roll per foot, then 2 sets of 10 five-second holds with a minute of rest between sets', () => {
  const items = drills(2);
  assert.deepEqual(
    items.map((i) => i.exercise),
    ['ball-roll', 'pinky-toe-lift'],
  ); // the walk is not in the session
  const segs = buildSegments(items, en);
  const roll = segs.filter((s) => s.item === 0);
  // get ready 5 s, left 120 s, change feet 5 s, right 120 s
  assert.deepEqual(
    roll.map((s) => [s.kind, s.seconds, s.foot]),
    [
      ['ready', 5, 'left'],
      ['work', 120, 'left'],
      ['switch', 5, 'right'],
      ['work', 120, 'right'],
    ],
  );
  const toe = segs.filter((s) => s.item === 1);
  const count = (k: string) => toe.filter((s) => s.kind === k).length;
  assert.equal(count('work'), 20); // 2 sets x 10 reps
  assert.equal(count('relax'), 18); // between reps, 9 per set
  assert.equal(count('rest'), 1); // between the 2 sets
  assert.equal(count('ready'), 1);
  assert.equal(
    toe.reduce((t, s) => t + s.seconds, 0),
    5 + 20 * 5 + 18 * 3 + 60,
  );
  // The rest sits after the 10th hold of set 1.
  const restAt = toe.findIndex((s) => s.kind === 'rest');
  assert.deepEqual(
    [toe[restAt - 1]!.set, toe[restAt - 1]!.rep, toe[restAt + 1]!.set, toe[restAt + 1]!.rep],
    [1, 10, 2, 1],
  );
});

test('tally: everything done; one hold skipped in set 2; the roll stopped halfway', () => {
  const items = drills(2);
  const segs = buildSegments(items, en);
  const full: SegmentOutcome[] = segs.map((s) => ({ done: true, seconds: s.seconds }));
  assert.deepEqual(tallyItems(items, segs, full), [
    { exercise: 'ball-roll', position: 'sitting', completed: true, setsDone: 1, repsDone: 0, secondsDone: 240 },
    { exercise: 'pinky-toe-lift', position: 'sitting', completed: true, setsDone: 2, repsDone: 20, secondsDone: 100 },
  ]);

  const skipped = [...full];
  const fifthOfSet2 = segs.findIndex((s) => s.item === 1 && s.kind === 'work' && s.set === 2 && s.rep === 5);
  skipped[fifthOfSet2] = { done: false, seconds: 2 };
  const rightRoll = segs.findIndex((s) => s.item === 0 && s.kind === 'work' && s.foot === 'right');
  skipped[rightRoll] = { done: false, seconds: 60 };
  assert.deepEqual(tallyItems(items, segs, skipped), [
    { exercise: 'ball-roll', position: 'sitting', completed: false, setsDone: 0, repsDone: 0, secondsDone: 180 },
    { exercise: 'pinky-toe-lift', position: 'sitting', completed: false, setsDone: 1, repsDone: 19, secondsDone: 97 },
  ]);

  // Nothing done at all (session ended at once): nothing completed, nothing counted.
  assert.deepEqual(
    tallyItems(items, segs, []).map((i) => [i.completed, i.setsDone, i.repsDone, i.secondsDone]),
    [
      [false, 0, 0, 0],
      [false, 0, 0, 0],
    ],
  );
});

test('stage 5: single-leg holds run for each foot, and a set counts once both feet did it', () => {
  const items = drills(5);
  const toe = items.findIndex((i) => i.exercise === 'pinky-toe-lift');
  const segs = buildSegments(items, en).filter((s) => s.item === toe);
  assert.equal(segs.filter((s) => s.kind === 'work' && s.foot === 'left').length, 20);
  assert.equal(segs.filter((s) => s.kind === 'work' && s.foot === 'right').length, 20);
  assert.equal(segs.filter((s) => s.kind === 'switch').length, 1);
  const all = buildSegments(items, en);
  const tally = tallyItems(
    items,
    all,
    all.map((s) => ({ done: true, seconds: s.seconds })),
  );
  assert.deepEqual(tally[toe], {
    exercise: 'pinky-toe-lift',
    position: 'single-leg',
    completed: true,
    setsDone: 2,
    repsDone: 40,
    secondsDone: 200,
  });
});

test('the segments speak the language of the t they are given (the cues are read out in it)', () => {
  const items = drills(2);
  const first = (t: typeof en) => {
    const s = buildSegments(items, t)[0]!;
    return [s.title, s.detail, s.cue];
  };
  const name = items[0]!.name;
  assert.deepEqual(first(en), [
    'Get ready',
    'Ball under your left foot',
    `${name}. Put the ball under your left foot.`,
  ]);
  assert.deepEqual(first(i18n.getFixedT('es')), [
    'Prepárate',
    'Pelota bajo el pie izquierdo',
    `${name}. Pon la pelota bajo el pie izquierdo.`,
  ]);
  const rest = buildSegments(items, i18n.getFixedT('es')).find((s) => s.kind === 'rest')!;
  assert.equal(rest.detail, 'Serie 1 de 2 hecha. Siguiente: serie 2');
});

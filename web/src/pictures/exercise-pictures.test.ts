/**
 * The exercise pictures' catalogue (web/src/pictures/picture-catalogue.ts) and their pace in a guided session
 * (picture-motion.ts), checked in Node without a browser. Every exercise in the library and every position the
 * library or a stage uses must have a picture with a start, an end and a description, so an exercise or a
 * progression added without one fails here. Paces are worked out by hand from the doses in DOMAIN.md §3 3.15 and
 * §4 4.6 as src/core/stages.ts sets them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXERCISES, type ExerciseId, type Position } from '../../../src/core/exercises.js';
import { todayPlan } from '../../../src/core/plan.js';
import { STAGES } from '../../../src/core/stages.js';
import { framesOf, pictureFor, PICTURES } from './picture-catalogue.js';
import { motionFor, ROLL_PASS_SECONDS } from './picture-motion.js';
import { buildSegments, sessionItems } from '../session/segments.js';
import { i18n } from '../i18n/i18n.js';
import { NEW_PERSON_WALKING } from '../../../test/helpers/walking-target-fixture.js';

// English, the catalogue's source language: the segments' words (only their timing is checked here) and the
// pictures' words, which the catalogue holds as keys of the pictures namespace.
const en = i18n.getFixedT('en');
const pic = i18n.getFixedT('en', 'pictures');

/** Every (exercise, position) the program can show: the library's steps and the stages' prescriptions. */
function catalogue(): { exercise: ExerciseId; position: Position }[] {
  const seen = new Map<string, { exercise: ExerciseId; position: Position }>();
  for (const ex of Object.values(EXERCISES)) {
    for (const position of Object.keys(ex.steps) as Position[])
      seen.set(`${ex.id}/${position}`, { exercise: ex.id, position });
  }
  for (const stage of STAGES) {
    for (const p of stage.prescriptions)
      seen.set(`${p.exercise}/${p.position}`, { exercise: p.exercise, position: p.position });
  }
  return [...seen.values()];
}

test('the catalogue is what the program defines: walk; ball roll sitting and standing; pinky-toe lift sitting, standing and on one leg', () => {
  assert.deepEqual(
    catalogue()
      .map((c) => `${c.exercise}/${c.position}`)
      .sort(),
    [
      'ball-roll/sitting',
      'ball-roll/standing',
      'pinky-toe-lift/single-leg',
      'pinky-toe-lift/sitting',
      'pinky-toe-lift/standing',
      'walk/walking',
    ],
  );
});

test('every exercise and progression has a picture with a start, an end, captions and a description', () => {
  for (const { exercise, position } of catalogue()) {
    const where = `${exercise}/${position}`;
    const p = pictureFor(exercise, position);
    assert.ok(p, `${where} has no picture (web/src/pictures/picture-catalogue.ts)`);
    assert.ok(p.start.pose && p.end.pose, `${where}: a start and an end position`);
    assert.notEqual(p.start.pose, p.end.pose, `${where}: the end differs from the start`);
    const poses = framesOf(p).map((f) => f.pose);
    assert.equal(new Set(poses).size, poses.length, `${where}: no position twice`);
    for (const f of framesOf(p))
      assert.ok(pic(f.caption).length > 5 && pic(f.caption) !== f.caption, `${where}: frame ${f.pose} has a caption`);
    assert.ok(
      pic(p.title).toLowerCase().includes(EXERCISES[exercise].name.toLowerCase()),
      `${where}: the accessible name names the exercise`,
    );
    assert.ok(pic(p.description).length > 60, `${where}: a description in words`);
    if (exercise !== 'walk')
      assert.ok(p.posture && pic(p.postureText) !== p.postureText, `${where}: the body position is drawn and named`);
    // Every word of the picture exists in each language (a key the catalogue lacks would be shown as the key).
    for (const lng of ['en', 'es']) {
      for (const key of [p.title, p.description, p.postureText, ...framesOf(p).map((f) => f.caption)]) {
        assert.ok(i18n.exists(key, { ns: 'pictures', lng }), `${where}: pictures:${key} in ${lng}`);
      }
    }
    // The shared close-up text is nested into the description ($t(…)), not left as a marker.
    assert.doesNotMatch(i18n.getFixedT('es', 'pictures')(p.description), /\$t\(/, `${where}: nesting resolved`);
  }
});

test('no picture for something the program does not have, and none twice', () => {
  const keys = PICTURES.map((p) => `${p.exercise}/${p.position}`);
  assert.equal(new Set(keys).size, keys.length);
  const known = new Set(catalogue().map((c) => `${c.exercise}/${c.position}`));
  for (const k of keys) assert.ok(known.has(k), `${k} is not in the program`);
});

test('each picture shows where it matters: the toes from the front for the toe lift, the sole on the ball from the side for the roll', () => {
  for (const p of PICTURES) {
    if (p.exercise === 'pinky-toe-lift') {
      assert.equal(p.view, 'toes-front');
      assert.deepEqual([p.start.pose, p.end.pose], ['toes-down', 'little-toe-up']);
      assert.match(pic(p.description), /big toe .*stays down .*little toe lifts/);
    }
    if (p.exercise === 'ball-roll') {
      assert.equal(p.view, 'sole-side');
      assert.deepEqual(
        framesOf(p).map((f) => f.pose),
        ['heel', 'arch', 'forefoot'],
      );
      assert.match(pic(p.description), /5 out of 10/); // DOMAIN.md §3 3.15: discomfort at most about 5/10
    }
  }
  // The text asks for a gentle press sitting and a little more weight standing; the pictures say the same.
  const weightOf = (position: 'sitting' | 'standing') => {
    const p = pictureFor('ball-roll', position);
    return p?.view === 'sole-side' ? p.weight : undefined;
  };
  assert.equal(weightOf('sitting'), 'gentle');
  assert.equal(weightOf('standing'), 'more');
});

const walking = NEW_PERSON_WALKING;

test('in a stage-2 session the picture keeps the dose: a 5 s lift and hold, a 3 s lowering, 2 min of rolling per foot in 10 s rolls', () => {
  const plan = todayPlan({ screen: { status: 'clear', exclusions: [], precautions: [] }, stage: 2, walking });
  assert.equal(plan.status, 'active');
  const items = sessionItems(plan.status === 'active' ? plan.items : []);
  const segs = buildSegments(items, en);
  const kindOf = (i: number) => items[i]!.dose.kind as 'timed' | 'holds';
  const motions = segs.map((s) => ({ s, m: motionFor(s, kindOf(s.item), 1) }));
  // Ball roll, stage 2: 2 min per foot (DOMAIN.md §3 3.15 says 1-2 min) = 120 s = 12 rolls of 10 s.
  const roll = motions.find(({ s }) => s.item === 0 && s.kind === 'work')!.m;
  assert.deepEqual(roll, { animation: 'roll', seconds: 10, iterations: 12 });
  assert.equal(roll.seconds * roll.iterations, 120);
  // Pinky-toe lift, stage 2: 5 s holds (DOMAIN.md §4 4.6: holds of 5-10 s); lowered over the 3 s between holds.
  const toe = motions.filter(({ s }) => s.item === 1);
  assert.deepEqual(toe.find(({ s }) => s.kind === 'work')!.m, { animation: 'lift-hold', seconds: 5, iterations: 1 });
  assert.deepEqual(toe.find(({ s }) => s.kind === 'relax')!.m, { animation: 'lower', seconds: 3, iterations: 1 });
  // Getting ready, the rest between sets and changing feet: the picture stands still in its start position.
  for (const { s, m } of motions)
    if (s.kind === 'ready' || s.kind === 'rest' || s.kind === 'switch') assert.equal(m.animation, null);
  // Every second of a work segment is drawn: the lift holds for the whole hold, the rolls fill the foot's time.
  for (const { s, m } of motions) if (s.kind === 'work') assert.equal(m.seconds * m.iterations, s.seconds);
});

test('stage 3: a 10 s hold is a 10 s lift and hold; a sped-up test clock speeds the picture up by the same factor; a clinician’s roll time that is not whole rolls is still filled', () => {
  const hold = motionFor({ kind: 'work', seconds: 10 }, 'holds', 1);
  assert.deepEqual(hold, { animation: 'lift-hold', seconds: 10, iterations: 1 });
  assert.deepEqual(motionFor({ kind: 'work', seconds: 10 }, 'holds', 50), {
    animation: 'lift-hold',
    seconds: 0.2,
    iterations: 1,
  });
  // A clinician's dose that is not a whole number of rolls still fills the foot's time exactly.
  const m = motionFor({ kind: 'work', seconds: 75 }, 'timed', 1);
  assert.equal(m.seconds, ROLL_PASS_SECONDS);
  assert.equal(m.seconds * m.iterations, 75);
});

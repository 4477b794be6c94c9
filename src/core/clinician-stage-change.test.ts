import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clinicianStageChange, closedProgramReason, stageChangeProblem } from './clinician-stage-change.js';
import { describeOverrides } from './program-words.js';
import type { Program } from './program-record.js';

const today = '2026-12-07';
const open: Program = {
  stage: 2,
  stageStartedOn: '2026-11-30',
  startedOn: '2026-11-20',
  status: 'active',
  decidedOn: today,
  doseOverrides: { 'ball-roll': { secondsPerFoot: 90 } },
};
const by = { reason: 'Ready for more.', clinicianName: 'Dr Ada' };

test('a clinician may change only a started program that no safety answer has paused', () => {
  assert.match(closedProgramReason(null)!, /has not started the program/);
  assert.match(closedProgramReason({ ...open, status: 'stopped' })!, /paused after a safety answer/);
  assert.equal(closedProgramReason(open), null);
});

test('a stage outside 1-5 or a dose beyond the limits (holds up to 10 s, 15 reps) is refused at its field', () => {
  assert.deepEqual(stageChangeProblem({ ...by, stage: 0 }), {
    message: 'stage must be from 1 to 5',
    field: 'stage',
    text: { id: 'stage.range', params: { first: 1, last: 5 } },
  });
  assert.deepEqual(stageChangeProblem({ ...by, stage: 6 })?.field, 'stage');
  const tooLong = stageChangeProblem({ ...by, stage: 3, doses: { 'pinky-toe-lift': { holdSeconds: 11 } } });
  assert.equal(tooLong?.field, 'doses.pinky-toe-lift');
  assert.match(tooLong!.message, /holds up to 10 s, 15 reps/);
  assert.equal(
    stageChangeProblem({ ...by, stage: 3, doses: { 'pinky-toe-lift': { holdSeconds: 8, reps: 12 } } }),
    null,
  );
  assert.equal(stageChangeProblem({ ...by, stage: 3, doses: null }), null);
});

test("the change: up, down or the same stage, doses kept, replaced or cleared, the reason in the clinician's words", () => {
  const rows = [
    {
      name: 'up a stage, doses kept',
      input: { ...by, stage: 3 },
      stage: 3,
      started: today,
      action: 'progress',
      doses: open.doseOverrides,
      said: 'unchanged',
      text: 'Dr Ada set your program to stage 3 (Longer holds): Ready for more.',
    },
    {
      name: 'down a stage, doses cleared',
      input: { ...by, stage: 1, doses: null },
      stage: 1,
      started: today,
      action: 'regress',
      doses: null,
      said: 'stage',
      text: 'Dr Ada set your program to stage 1 (Start): Ready for more. Doses are back to the stage’s own.',
    },
    {
      name: 'same stage, new doses: a hold, the stage keeps its start',
      input: { ...by, stage: 2, doses: { 'pinky-toe-lift': { holdSeconds: 8, reps: 12 } } },
      stage: 2,
      started: '2026-11-30',
      action: 'hold',
      doses: { 'pinky-toe-lift': { holdSeconds: 8, reps: 12 } },
      said: { 'pinky-toe-lift': { holdSeconds: 8, reps: 12 } },
      text: 'Dr Ada set your program to stage 2 (Wake up the toes): Ready for more. New doses: Pinky-toe lift: hold 8 s, 12 reps.',
    },
  ] as const;
  for (const r of rows) {
    const { program, event } = clinicianStageChange(open, r.input, today);
    assert.deepEqual(program, { ...open, stage: r.stage, stageStartedOn: r.started, doseOverrides: r.doses }, r.name);
    assert.deepEqual(
      event,
      {
        onDate: today,
        action: r.action,
        fromStage: 2,
        toStage: r.stage,
        actor: 'clinician',
        reasons: [
          {
            rule: 'clinician-adjustment',
            text: r.text,
            said: {
              id: 'clinician.stage',
              params: { clinician: 'Dr Ada', stage: r.stage, reason: 'Ready for more.', doses: r.said },
            },
            refs: [],
          },
        ],
      },
      r.name,
    );
  }
});

test("doses in the patient's words", () => {
  assert.equal(
    describeOverrides({ 'ball-roll': { secondsPerFoot: 90, timesPerDay: 1 }, 'pinky-toe-lift': {} }),
    'Ball roll under the sole: 90 s per foot, once a day',
  );
});

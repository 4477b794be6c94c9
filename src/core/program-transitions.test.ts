import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Program } from './program-record.js';
import { afterReview, afterScreen, RESUME_NEEDS_CLINICIAN } from './program-transitions.js';
import type { ScreenResult } from './red-flags.js';
import { reason, type Reason } from './program-engine.js';
import { programText } from './program-words.js';

const today = '2026-12-07';
const clear: ScreenResult = { status: 'clear', exclusions: [], precautions: [] };
const stop: ScreenResult = {
  status: 'stop',
  urgency: 'emergency',
  advice: 'Get emergency care now: go to an emergency department or call your local emergency number.',
  flags: [{ id: 'ce-bladder', concern: 'pressure on the nerves at the bottom of the spine', urgency: 'emergency' }],
  exclusions: [],
  precautions: [],
};
const running: Program = {
  stage: 3,
  stageStartedOn: '2026-11-20',
  startedOn: '2026-11-01',
  status: 'active',
  decidedOn: '2026-12-06',
};
const stopped: Program = { ...running, status: 'stopped' };
// The flag's concern and the advice of the screen's urgency (red-flags.ts), kept by id and urgency.
const stopReasons: Reason[] = [
  {
    rule: 'red-flag:ce-bladder',
    text: 'Safety answer suggests pressure on the nerves at the bottom of the spine. Get emergency care now: go to an emergency department or call your local emergency number.',
    said: { id: 'stop.red-flag-answer', params: { flag: 'ce-bladder', urgency: 'emergency' } },
    refs: [],
  },
];

test('a safety screen: start, stop, resume only after a clinician, or nothing', () => {
  const rows: {
    name: string;
    prev: Program | null;
    result: ScreenResult;
    cleared: boolean;
    want: ReturnType<typeof afterScreen>;
  }[] = [
    {
      name: 'first screen clear: starts at stage 1 today',
      prev: null,
      result: clear,
      cleared: false,
      want: {
        program: { stage: 1, stageStartedOn: today, startedOn: today, status: 'active', decidedOn: null },
        event: {
          onDate: today,
          action: 'start',
          fromStage: null,
          toStage: 1,
          actor: 'person',
          reasons: [
            {
              rule: 'screen-clear',
              text: 'Safety check clear: the program starts at stage 1.',
              said: { id: 'start.screen-clear', params: {} },
              refs: [],
            },
          ],
        },
      },
    },
    {
      name: 'first screen with a red flag: made stopped at stage 1',
      prev: null,
      result: stop,
      cleared: false,
      want: {
        program: { stage: 1, stageStartedOn: today, startedOn: today, status: 'stopped', decidedOn: null },
        event: { onDate: today, action: 'stop', fromStage: null, toStage: null, actor: 'person', reasons: stopReasons },
      },
    },
    {
      name: 'a red flag while running: stopped, stage and its start kept',
      prev: running,
      result: stop,
      cleared: false,
      want: {
        program: { ...running, status: 'stopped' },
        event: { onDate: today, action: 'stop', fromStage: 3, toStage: null, actor: 'person', reasons: stopReasons },
      },
    },
    {
      name: 'a red flag while stopped: stays stopped, the new answer recorded',
      prev: stopped,
      result: stop,
      cleared: true,
      want: {
        program: stopped,
        event: { onDate: today, action: 'stop', fromStage: 3, toStage: null, actor: 'person', reasons: stopReasons },
      },
    },
    {
      name: 'clear while stopped, no clinician check: refused',
      prev: stopped,
      result: clear,
      cleared: false,
      want: { refused: RESUME_NEEDS_CLINICIAN },
    },
    {
      name: 'clear while stopped after a clinician check: resumes at its stage, restarted today, undecided',
      prev: stopped,
      result: clear,
      cleared: true,
      want: {
        program: { ...running, stageStartedOn: today, decidedOn: null },
        event: {
          onDate: today,
          action: 'resume',
          fromStage: 3,
          toStage: 3,
          actor: 'person',
          reasons: [
            {
              rule: 'clinician-cleared',
              text: 'A clinician has checked you and the safety check is clear again.',
              said: { id: 'resume.clinician-cleared', params: {} },
              refs: [],
            },
          ],
        },
      },
    },
    {
      name: 'clear while running: nothing changes',
      prev: running,
      result: clear,
      cleared: false,
      want: { program: running, event: null },
    },
  ];
  for (const r of rows) assert.deepEqual(afterScreen(r.prev, r.result, r.cleared, today), r.want, r.name);
});

test("applying the day's review: one stage within 1 to 5, else only the day marked decided; nothing when there is nothing to apply", () => {
  const why = [reason('all-met', programText('progress.all-met'), ['46'])];
  const at = (stage: number): Program => ({ ...running, stage });
  const rows: {
    name: string;
    prev: Program | null;
    action: 'progress' | 'hold' | 'regress' | 'stop';
    want: ReturnType<typeof afterReview>;
  }[] = [
    {
      name: 'progress from 2',
      prev: at(2),
      action: 'progress',
      want: {
        program: { ...at(3), stageStartedOn: today, decidedOn: today },
        event: { onDate: today, action: 'progress', fromStage: 2, toStage: 3, actor: 'engine', reasons: why },
      },
    },
    {
      name: 'regress from 3',
      prev: at(3),
      action: 'regress',
      want: {
        program: { ...at(2), stageStartedOn: today, decidedOn: today },
        event: { onDate: today, action: 'regress', fromStage: 3, toStage: 2, actor: 'engine', reasons: why },
      },
    },
    {
      name: 'progress at the last stage (5)',
      prev: at(5),
      action: 'progress',
      want: { program: { ...at(5), decidedOn: today }, event: null },
    },
    {
      name: 'regress at the first stage',
      prev: at(1),
      action: 'regress',
      want: { program: { ...at(1), decidedOn: today }, event: null },
    },
    { name: 'hold', prev: at(3), action: 'hold', want: { program: { ...at(3), decidedOn: today }, event: null } },
    {
      name: 'stop (the screen stops a program, not the review)',
      prev: at(3),
      action: 'stop',
      want: { program: { ...at(3), decidedOn: today }, event: null },
    },
    { name: 'no program', prev: null, action: 'progress', want: null },
    { name: 'a stopped program', prev: { ...at(2), status: 'stopped' }, action: 'progress', want: null },
    { name: 'already decided today', prev: { ...at(2), decidedOn: today }, action: 'progress', want: null },
  ];
  for (const r of rows)
    assert.deepEqual(afterReview(r.prev, { action: r.action, reasons: why }, today), r.want, r.name);
});

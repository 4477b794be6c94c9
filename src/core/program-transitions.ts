/**
 * How the program changes, as pure functions: what a safety screen does to it (start it, stop it, resume it once a
 * clinician has checked the person) and what applying the day's review does (one stage up or down, or the day
 * marked as decided). Each returns the next program and the event to record, or says why the change is refused;
 * the program service reads the program, calls these and writes both in one transaction.
 * Rules: DOMAIN.md §6 (any red flag stops; resume only after a clinician's check) and §8 (the engine's decision).
 */
import type { ProgramReview } from './program-review.js';
import type { ProgramEvent } from './program-event-record.js';
import type { Program } from './program-record.js';
import type { ScreenResult } from './red-flags.js';
import { FIRST_STAGE, LAST_STAGE } from './stages.js';
import { reason } from './program-engine.js';
import { programText } from './program-words.js';

/** An event to record with the change (its id and time are the store's and the clock's). */
export type NewProgramEvent = Omit<ProgramEvent, 'id' | 'at'>;
export interface ProgramChange {
  program: Program;
  event: NewProgramEvent | null;
}

/** Why a clear screen does not restart a stopped program by itself, in the person's words. */
export const RESUME_NEEDS_CLINICIAN =
  'The program was paused by a safety answer. Restart it only after a clinician has checked you: tick that a clinician has checked you and answer the questions again.';

/**
 * The program after a safety screen. A "stop" result stops it (or creates it stopped); a clear one starts it at the
 * first stage, or resumes a stopped one at its stage only when a clinician has checked the person; a clear screen
 * of a running program changes nothing.
 */
export function afterScreen(
  prev: Program | null,
  result: ScreenResult,
  clinicianCleared: boolean,
  today: string,
): ProgramChange | { refused: string } {
  if (result.status === 'stop') {
    return {
      program: prev
        ? { ...prev, status: 'stopped' }
        : { stage: FIRST_STAGE, stageStartedOn: today, startedOn: today, status: 'stopped', decidedOn: null },
      event: {
        onDate: today,
        action: 'stop',
        fromStage: prev?.stage ?? null,
        toStage: null,
        actor: 'person',
        reasons: result.flags.map((f) =>
          reason(`red-flag:${f.id}`, programText('stop.red-flag-answer', { flag: f.id, urgency: result.urgency })),
        ),
      },
    };
  }
  if (!prev) {
    return {
      program: { stage: FIRST_STAGE, stageStartedOn: today, startedOn: today, status: 'active', decidedOn: null },
      event: {
        onDate: today,
        action: 'start',
        fromStage: null,
        toStage: FIRST_STAGE,
        actor: 'person',
        reasons: [reason('screen-clear', programText('start.screen-clear'))],
      },
    };
  }
  if (prev.status === 'stopped') {
    if (!clinicianCleared) return { refused: RESUME_NEEDS_CLINICIAN };
    return {
      program: { ...prev, status: 'active', stageStartedOn: today, decidedOn: null },
      event: {
        onDate: today,
        action: 'resume',
        fromStage: prev.stage,
        toStage: prev.stage,
        actor: 'person',
        reasons: [reason('clinician-cleared', programText('resume.clinician-cleared'))],
      },
    };
  }
  return { program: prev, event: null };
}

/**
 * The program after applying today's review, or null when there is nothing to apply: no program, a stopped one, or
 * today's review applied already. Progress and regress move one stage within the stages there are; any other
 * decision (or a move past the first or last stage) only marks today as decided.
 */
export function afterReview(
  current: Program | null,
  decision: Pick<ProgramReview, 'action' | 'reasons'>,
  today: string,
): ProgramChange | null {
  if (!current || current.decidedOn === today || current.status !== 'active') return null;
  const decided: Program = { ...current, decidedOn: today };
  const to =
    decision.action === 'progress' && current.stage < LAST_STAGE
      ? current.stage + 1
      : decision.action === 'regress' && current.stage > FIRST_STAGE
        ? current.stage - 1
        : null;
  if (to === null) return { program: decided, event: null };
  return {
    program: { ...decided, stage: to, stageStartedOn: today },
    event: {
      onDate: today,
      action: decision.action as 'progress' | 'regress',
      fromStage: current.stage,
      toStage: to,
      actor: 'engine',
      reasons: decision.reasons,
    },
  };
}

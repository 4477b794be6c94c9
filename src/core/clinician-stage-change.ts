/**
 * A clinician's change of a patient's program, as pure functions: which programs a clinician may change (a
 * started one that no safety answer has paused), whether the stage and doses asked for are allowed (a stage that
 * exists, doses within the stage's limits, DOSE_LIMITS in stages.ts), and the program and event that result, with
 * the reason in the clinician's words. The clinician service reads the program, calls these and writes both in
 * one transaction.
 */
import { applyDoseOverride, type DoseOverrides } from './plan.js';
import type { Program } from './program-record.js';
import type { ProgramChange } from './program-transitions.js';
import { DOSE_LIMITS, FIRST_STAGE, LAST_STAGE, stageByNumber } from './stages.js';
import { validationEnglish, validationText, type ValidationText } from './validation-words.js';
import { reason } from './program-engine.js';
import { programText } from './program-words.js';

export interface StageChangeInput {
  stage: number;
  reason: string;
  clinicianName: string;
  doses?: DoseOverrides | null | undefined;
}

/** Why a clinician cannot change this program now, in their words, or null when they can. */
export function closedProgramReason(program: Program | null): string | null {
  if (!program) return 'This patient has not started the program yet (the safety questions come first).';
  if (program.status === 'stopped')
    return 'The program is paused after a safety answer: the patient restarts it by answering the safety questions again once you have checked them.';
  return null;
}

/** What is wrong with the stage or doses asked for, at its field, or null. */
export function stageChangeProblem(
  input: StageChangeInput,
): { message: string; field: string; text: ValidationText } | null {
  if (input.doses) {
    for (const p of stageByNumber(input.stage).prescriptions) {
      const o = input.doses[p.exercise];
      if (o && !applyDoseOverride(p.dose, o).adjusted && JSON.stringify(o) !== '{}') {
        const text = validationText('dose.outside-limits', {
          exercise: p.exercise,
          rollSeconds: DOSE_LIMITS.timed.secondsPerFoot,
          rollTimes: DOSE_LIMITS.timed.timesPerDay,
          holdSeconds: DOSE_LIMITS.holds.holdSeconds,
          reps: DOSE_LIMITS.holds.reps,
          sets: DOSE_LIMITS.holds.sets,
        });
        return { message: validationEnglish(text), field: `doses.${p.exercise}`, text };
      }
    }
  }
  if (input.stage < FIRST_STAGE || input.stage > LAST_STAGE) {
    const text = validationText('stage.range', { first: FIRST_STAGE, last: LAST_STAGE });
    return { message: validationEnglish(text), field: 'stage', text };
  }
  return null;
}

/**
 * The program with `stage` set, as a person reads it in their history: restarted today when the stage changes (so
 * the next progression counts from here), its start kept when it is the same; 'progress', 'regress' or 'hold'.
 * Shared by a clinician's change and a stage taken from an imported record (imported-program.ts).
 */
export function withStage(
  prev: Program,
  stage: number,
  today: string,
): { program: Program; action: 'progress' | 'regress' | 'hold' } {
  return {
    program: { ...prev, stage, stageStartedOn: stage === prev.stage ? prev.stageStartedOn : today },
    action: stage > prev.stage ? 'progress' : stage < prev.stage ? 'regress' : 'hold',
  };
}

/**
 * The program after a clinician's change of an open program (see closedProgramReason): the stage set, restarted
 * today when it changed; the doses replaced (`null` clears them, absent keeps them); an event 'progress', 'regress'
 * or 'hold' by the clinician with their reason.
 */
export function clinicianStageChange(
  prev: Program,
  input: StageChangeInput,
  today: string,
): ProgramChange & { event: NonNullable<ProgramChange['event']> } {
  const { program, action } = withStage(prev, input.stage, today);
  const doseOverrides = input.doses === undefined ? (prev.doseOverrides ?? null) : input.doses;
  return {
    program: { ...program, doseOverrides },
    event: {
      onDate: today,
      action,
      fromStage: prev.stage,
      toStage: input.stage,
      actor: 'clinician',
      reasons: [
        reason(
          'clinician-adjustment',
          programText('clinician.stage', {
            clinician: input.clinicianName,
            stage: input.stage,
            reason: input.reason,
            doses: input.doses === undefined ? 'unchanged' : input.doses === null ? 'stage' : input.doses,
          }),
        ),
      ],
    },
  };
}

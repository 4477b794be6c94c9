/**
 * What a clinician does with a patient's program: change the stage with a reason the patient sees (a program
 * event with actor 'clinician'). The patient list is patient-list-service.ts.
 */
import type { Kysely } from 'kysely';
import { DOSE_LIMITS, FIRST_STAGE, LAST_STAGE, stageByNumber } from '../core/stages.js';
import { applyDoseOverride, type DoseOverrides } from '../core/plan.js';
import { EXERCISES } from '../core/exercises.js';
import type { Database } from '../store/schema.js';
import { addProgramEvent, getProgram, upsertProgram, type Program } from '../store/repos/program.js';
import { conflictWith, invalidInput } from './service-error.js';

/**
 * Sets the patient's stage and, optionally, doses (within the stage dose limits); the reason is stored in the
 * patient's program history in the clinician's words. `doses: null` clears earlier dose changes.
 */
export async function adjustStage(db: Kysely<Database>, personId: string, input: { stage: number; reason: string; clinicianName: string; doses?: DoseOverrides | null }, today: string): Promise<Program> {
  if (input.doses) {
    for (const p of stageByNumber(input.stage).prescriptions) {
      const o = input.doses[p.exercise];
      if (o && !applyDoseOverride(p.dose, o).adjusted && JSON.stringify(o) !== '{}') {
        throw invalidInput(`doses.${p.exercise}: that dose is outside the limits for this exercise (roll up to ${DOSE_LIMITS.timed.secondsPerFoot} s per foot ${DOSE_LIMITS.timed.timesPerDay}x a day; holds up to ${DOSE_LIMITS.holds.holdSeconds} s, ${DOSE_LIMITS.holds.reps} reps, ${DOSE_LIMITS.holds.sets} sets)`, `doses.${p.exercise}`);
      }
    }
  }
  if (input.stage < FIRST_STAGE || input.stage > LAST_STAGE) throw invalidInput(`stage must be from ${FIRST_STAGE} to ${LAST_STAGE}`, 'stage');
  return db.transaction().execute(async (trx) => {
    const prev = await getProgram(trx, personId);
    assertOpenProgram(prev);
    const action = input.stage > prev.stage ? 'progress' : input.stage < prev.stage ? 'regress' : 'hold';
    const doseOverrides = input.doses === undefined ? prev.doseOverrides ?? null : input.doses;
    const program: Program = { ...prev, stage: input.stage, stageStartedOn: input.stage === prev.stage ? prev.stageStartedOn : today, doseOverrides };
    const doseText = input.doses === undefined ? '' : input.doses === null ? ' Doses are back to the stage’s own.' : ` New doses: ${describeOverrides(input.doses)}.`;
    await upsertProgram(trx, personId, program);
    await addProgramEvent(trx, personId, {
      at: new Date().toISOString(), onDate: today, action, fromStage: prev.stage, toStage: input.stage, actor: 'clinician',
      reasons: [{ rule: 'clinician-adjustment', text: `${input.clinicianName} set your program to stage ${input.stage} (${stageByNumber(input.stage).name}): ${input.reason}${doseText}`, refs: [] }],
    });
    return program;
  });
}

/** A clinician changes only a started program that no safety answer has paused; otherwise a conflict says why. */
export function assertOpenProgram(program: Program | null): asserts program is Program {
  if (!program) throw conflictWith('This patient has not started the program yet (the safety questions come first).');
  if (program.status === 'stopped') throw conflictWith('The program is paused after a safety answer: the patient restarts it by answering the safety questions again once you have checked them.');
}

const DOSE_WORDS: Record<string, (v: number) => string> = {
  secondsPerFoot: (v) => `${v} s per foot`, timesPerDay: (v) => `${v === 1 ? 'once' : `${v} times`} a day`,
  holdSeconds: (v) => `hold ${v} s`, reps: (v) => `${v} reps`, sets: (v) => `${v} sets`, restSeconds: (v) => `rest ${v} s`,
};

/** A clinician's dose changes in the patient's words, e.g. "Pinky-toe lift: hold 8 s, 12 reps". */
export function describeOverrides(doses: DoseOverrides): string {
  return Object.entries(doses).filter(([, d]) => d && Object.keys(d).length)
    .map(([ex, d]) => `${EXERCISES[ex as keyof typeof EXERCISES]?.name ?? ex}: ${Object.entries(d!).map(([k, v]) => DOSE_WORDS[k]?.(v as number) ?? `${k} ${v}`).join(', ')}`).join('; ');
}

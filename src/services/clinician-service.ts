/**
 * What a clinician does with a patient's program: change the stage with a reason the patient sees (a program
 * event with actor 'clinician'; the rules are src/core/clinician-stage-change.ts). The patient list is
 * patient-list-service.ts.
 */
import type { Kysely } from 'kysely';
import {
  clinicianStageChange,
  closedProgramReason,
  stageChangeProblem,
  type StageChangeInput,
} from '../core/clinician-stage-change.js';
import type { Database } from '../store/schema.js';
import { addProgramEvent, getProgram, upsertProgram, type Program } from '../store/repos/program.js';
import { conflictWith, invalidInput } from './service-error.js';
import { refusal } from '../core/refusal-words.js';

/**
 * Sets the patient's stage and, optionally, doses (within the stage dose limits); the reason is stored in the
 * patient's program history in the clinician's words. `doses: null` clears earlier dose changes.
 */
export async function adjustStage(
  db: Kysely<Database>,
  personId: string,
  input: StageChangeInput,
  today: string,
): Promise<Program> {
  const problem = stageChangeProblem(input);
  if (problem) throw invalidInput({ message: problem.message, text: problem.text }, problem.field);
  return db.transaction().execute(async (trx) => {
    const prev = await getProgram(trx, personId);
    assertOpenProgram(prev);
    const { program, event } = clinicianStageChange(prev, input, today);
    await upsertProgram(trx, personId, program);
    await addProgramEvent(trx, personId, { at: new Date().toISOString(), ...event });
    return program;
  });
}

/** A clinician changes only a started program that no safety answer has paused; otherwise a conflict says why. */
export function assertOpenProgram(program: Program | null): asserts program is Program {
  // closedProgramReason's English (the CLI's words) by id: not started, or paused by a safety answer.
  if (closedProgramReason(program))
    throw conflictWith(refusal(program ? 'program.paused-for-clinician' : 'program.not-started'));
}

/**
 * What a clinician does with a patient's program: change the stage with a reason the patient sees (a program
 * event with actor 'clinician'), and the one-line summaries of the patient list.
 */
import type { Kysely } from 'kysely';
import { FIRST_STAGE, LAST_STAGE, stageByNumber } from '../../core/stages.js';
import type { Database } from '../../store/schema.js';
import { addProgramEvent, getProgram, upsertProgram, type Program } from '../../store/repos/program.js';
import { badRequest, conflict } from '../problem.js';

/** Sets the patient's stage; the reason is stored in the patient's program history in the clinician's words. */
export async function adjustStage(db: Kysely<Database>, personId: string, input: { stage: number; reason: string; clinicianName: string }, today: string): Promise<Program> {
  if (input.stage < FIRST_STAGE || input.stage > LAST_STAGE) throw badRequest(`stage must be from ${FIRST_STAGE} to ${LAST_STAGE}`, 'stage');
  return db.transaction().execute(async (trx) => {
    const prev = await getProgram(trx, personId);
    if (!prev) throw conflict('This patient has not started the program yet (the safety questions come first).');
    if (prev.status === 'stopped') throw conflict('The program is paused after a safety answer: the patient restarts it by answering the safety questions again once you have checked them.');
    const action = input.stage > prev.stage ? 'progress' : input.stage < prev.stage ? 'regress' : 'hold';
    const program: Program = { ...prev, stage: input.stage, stageStartedOn: input.stage === prev.stage ? prev.stageStartedOn : today };
    await upsertProgram(trx, personId, program);
    await addProgramEvent(trx, personId, {
      at: new Date().toISOString(), onDate: today, action, fromStage: prev.stage, toStage: input.stage, actor: 'clinician',
      reasons: [{ rule: 'clinician-adjustment', text: `${input.clinicianName} set your program to stage ${input.stage} (${stageByNumber(input.stage).name}): ${input.reason}`, refs: [] }],
    });
    return program;
  });
}

/** The list line of one patient: program stage and status, last check-in and last session dates. */
export async function patientSummary(db: Kysely<Database>, personId: string) {
  const program = await getProgram(db, personId);
  const lastCheckin = await db.selectFrom('checkins').select('date').where('person_id', '=', personId).orderBy('date', 'desc').limit(1).executeTakeFirst();
  const lastSession = await db.selectFrom('sessions').select('date').where('person_id', '=', personId).orderBy('date', 'desc').limit(1).executeTakeFirst();
  return {
    program: program ? { stage: program.stage, status: program.status, stageStartedOn: program.stageStartedOn } : null,
    lastCheckinDate: lastCheckin?.date ?? null,
    lastSessionDate: lastSession?.date ?? null,
  };
}

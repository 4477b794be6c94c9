/**
 * A clinician sets, caps or removes a patient's walking target (src/core/walking-override.ts). The patient reads the
 * figure, the reason and who set it on Today, and each change stays in their program history (Progress, the
 * clinician's patient page, the report) with the reason; the guard has already checked the care link and audits
 * the call.
 */
import type { Kysely } from 'kysely';
import { newWalkingOverride, type WalkingOverride, type WalkingOverrideInput } from '../core/walking-override.js';
import type { Database } from '../store/schema.js';
import { reason } from '../core/program-engine.js';
import { programText, type ProgramText } from '../core/program-words.js';
import { addProgramEvent, getProgram, setWalkingOverride, type Program } from '../store/repos/program.js';
import { assertOpenProgram } from './clinician-service.js';

/** Stores the clinician's target or cap (replacing an earlier one) in their name, dated `today`. */
export async function setWalkingTarget(
  db: Kysely<Database>,
  personId: string,
  input: WalkingOverrideInput,
  clinicianName: string,
  today: string,
): Promise<WalkingOverride> {
  return db.transaction().execute(async (trx) => {
    const program = await getProgram(trx, personId);
    assertOpenProgram(program);
    const o = newWalkingOverride(input, clinicianName, today);
    await setWalkingOverride(trx, personId, o);
    const said = programText('clinician.walking-set', {
      clinician: clinicianName,
      kind: o.kind,
      steps: o.steps ?? null,
      minutes: o.minutes ?? null,
      reason: o.reason,
    });
    await addWalkingEvent(trx, personId, program, today, said);
    return o;
  });
}

/** Removes the clinician's target or cap: the target comes from the person's own days again. */
export async function removeWalkingTarget(
  db: Kysely<Database>,
  personId: string,
  clinicianName: string,
  today: string,
): Promise<{ removed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const program = await getProgram(trx, personId);
    if (!program?.walkingOverride) return { removed: false };
    await setWalkingOverride(trx, personId, null);
    const { kind, setOn } = program.walkingOverride;
    await addWalkingEvent(
      trx,
      personId,
      program,
      today,
      programText('clinician.walking-removed', { clinician: clinicianName, kind, setOn }),
    );
    return { removed: true };
  });
}

/**
 * The change in the program history. The stage stays, so it is a 'hold' at the current stage by the clinician, as
 * a dose change without a stage change is (clinician-service.ts); the rule names what changed.
 */
async function addWalkingEvent(
  db: Parameters<typeof addProgramEvent>[0],
  personId: string,
  program: Program,
  today: string,
  said: ProgramText,
): Promise<void> {
  await addProgramEvent(db, personId, {
    at: new Date().toISOString(),
    onDate: today,
    action: 'hold',
    fromStage: program.stage,
    toStage: program.stage,
    actor: 'clinician',
    reasons: [reason('clinician-walking-target', said)],
  });
}

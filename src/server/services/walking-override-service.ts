/**
 * A clinician sets, caps or removes a patient's walking target (src/core/walking-override.ts). The patient reads the
 * figure, the reason and who set it on Today; the guard has already checked the care link and audits the call.
 */
import type { Kysely } from 'kysely';
import { newWalkingOverride, type WalkingOverride, type WalkingOverrideInput } from '../../core/walking-override.js';
import type { Database } from '../../store/schema.js';
import { getProgram, setWalkingOverride } from '../../store/repos/program.js';
import { assertOpenProgram } from './clinician-service.js';

/** Stores the clinician's target or cap (replacing an earlier one) in their name, dated `today`. */
export async function setWalkingTarget(db: Kysely<Database>, personId: string, input: WalkingOverrideInput, clinicianName: string, today: string): Promise<WalkingOverride> {
  return db.transaction().execute(async (trx) => {
    assertOpenProgram(await getProgram(trx, personId));
    const o = newWalkingOverride(input, clinicianName, today);
    await setWalkingOverride(trx, personId, o);
    return o;
  });
}

/** Removes the clinician's target or cap: the target comes from the person's own days again. */
export async function removeWalkingTarget(db: Kysely<Database>, personId: string): Promise<{ removed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const program = await getProgram(trx, personId);
    if (!program?.walkingOverride) return { removed: false };
    await setWalkingOverride(trx, personId, null);
    return { removed: true };
  });
}

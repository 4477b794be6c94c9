/**
 * More patients for a clinician, written through the store as the app writes them (accounts, accepted invitations,
 * the safety check, check-ins and sessions: each write keeps the patient list's figures), so a browser test sees a
 * clinic's list without signing 60 people up through the screens.
 */
import { addDays } from '../../src/core/dates.js';
import { submitScreen } from '../../src/services/program-service.js';
import type { Store } from '../../src/store/db.js';
import { createAccount } from '../../src/store/repos/accounts.js';
import { acceptInvitation, createInvitation } from '../../src/store/repos/care-links.js';
import { insertCheckin } from '../../src/store/repos/checkins.js';
import { saveSession } from '../../src/store/repos/sessions.js';
import { allNo } from './answers.js';
import { localAt } from './seed.js';

export interface SeededPatients {
  total: number;
  needingAttention: number;
}

/**
 * `count` patients ("Patient 01" ..., patientN@seed.example) a month into the program. Every fourth has done nothing
 * since the start (no check-in for 7 days and adherence under 50%: needs attention); the others checked in today
 * and did a full session on each of the last 7 days.
 */
export async function seedClinicPatients(
  store: Store,
  clinicianEmail: string,
  today: string,
  count = 60,
): Promise<SeededPatients> {
  const db = store.db;
  const clinician = await db
    .selectFrom('accounts')
    .select(['id', 'clinic_id'])
    .where('email', '=', clinicianEmail)
    .executeTakeFirstOrThrow();
  let needingAttention = 0;
  for (let i = 1; i <= count; i++) {
    const account = await createAccount(db, {
      email: `patient${i}@seed.example`,
      displayName: `Patient ${String(i).padStart(2, '0')}`,
      role: 'patient',
      passwordHash: 'no sign-in',
    });
    const personId = account!.personId!;
    const tokenHash = `seeded-invitation-${i}`;
    await createInvitation(db, {
      clinicId: clinician.clinic_id!,
      clinicianAccountId: clinician.id,
      tokenHash,
      label: null,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    if (!(await acceptInvitation(db, tokenHash, personId))) throw new Error(`seeded invitation ${i} was not accepted`);
    await submitScreen(db, personId, { answers: allNo() }, addDays(today, -30));
    if (i % 4 === 0) {
      needingAttention++;
      continue;
    }
    await insertCheckin(db, personId, { at: localAt(today, 8), context: 'daily', back: 2, regions: [] });
    for (let d = 0; d < 7; d++) {
      const day = addDays(today, -d);
      await saveSession(db, personId, 1, {
        clientId: `seeded-${i}-${d}`,
        startedAt: localAt(day, 18),
        completedAt: localAt(day, 19),
        items: [
          { exercise: 'ball-roll', position: 'sitting', completed: true, setsDone: 1, repsDone: 0, secondsDone: 120 },
        ],
      });
    }
  }
  return { total: count, needingAttention };
}

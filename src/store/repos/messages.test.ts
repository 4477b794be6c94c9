/**
 * The messages repository on SQLite and PostgreSQL: a thread read returns the latest THREAD_LIMIT messages oldest
 * first and marks only the other side's as read; a clinician's threads are only with the patients named active,
 * most recent first, with their unread counts; a patient's threads list the clinicians of active links only.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES, freshStore } from '../../../test/helpers/databases.js';
import { makeAccount } from '../../../test/helpers/test-clinic.js';
import type { Store } from '../db.js';
import { acceptInvitation, createInvitation, revokeLink } from './care-links.js';
import { createClinic } from './clinics.js';
import { addMessage, clinicianThreads, openThread, patientThreads, THREAD_LIMIT } from './messages.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 8, 0) + minute * 60_000).toISOString();

for (const kind of DATABASES) {
  describe(`Messages repository on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await freshStore(kind));
    });
    after(async () => {
      await cleanup();
    });

    test('threads, limits, read marks and active links', async () => {
      const db = store.db;
      const clinic = (await createClinic(db, 'Clinic M'))!;
      const dr = await makeAccount(store, {
        email: 'dr.m@example.org',
        role: 'clinician',
        clinicId: clinic.id,
        displayName: 'Dr M',
      });
      const ann = await makeAccount(store, { email: 'ann@example.org', role: 'patient', displayName: 'Ann' });
      const bo = await makeAccount(store, { email: 'bo@example.org', role: 'patient', displayName: 'Bo' });
      const links: Record<string, string> = {};
      for (const p of [ann, bo]) {
        const link = await createInvitation(db, {
          clinicId: clinic.id,
          clinicianAccountId: dr.id,
          tokenHash: `t-${p.email}`,
          label: null,
          expiresAt: at(60 * 24),
        });
        await acceptInvitation(db, `t-${p.email}`, p.personId!);
        links[p.email] = link.id;
      }
      const annThread = { personId: ann.personId!, clinicianAccountId: dr.id };
      const boThread = { personId: bo.personId!, clinicianAccountId: dr.id };
      // Ann: 3 from the clinician then THREAD_LIMIT from her (minutes 0..). Bo: one from him, later than all of Ann's.
      for (let i = 0; i < 3; i++) await addMessage(db, annThread, { from: 'clinician', text: `c${i}`, sentAt: at(i) });
      for (let i = 0; i < THREAD_LIMIT; i++)
        await addMessage(db, annThread, { from: 'patient', text: `p${i}`, sentAt: at(10 + i) });
      await addMessage(db, boThread, { from: 'patient', text: 'hello', sentAt: at(1000) });

      assert.deepEqual(
        (await patientThreads(db, ann.personId!)).map((t) => [t.clinicianName, t.clinicName, t.unread, t.lastAt]),
        [['Dr M', 'Clinic M', 3, at(10 + THREAD_LIMIT - 1)]],
      );
      const active = [ann.personId!, bo.personId!];
      assert.deepEqual(
        (await clinicianThreads(db, dr.id, active)).map((t) => [t.displayName, t.unread]),
        [
          ['Bo', 1],
          ['Ann', THREAD_LIMIT],
        ],
        'most recent first, unread from the patient',
      );

      // The patient opens it: the latest 200 of 203, oldest first (c0..c2 are left out), the clinician's marked read, hers not.
      const read = await openThread(db, annThread, 'patient', at(2000));
      assert.equal(read.length, THREAD_LIMIT);
      assert.equal(read[0]!.text, 'p0');
      assert.equal(read.at(-1)!.text, `p${THREAD_LIMIT - 1}`);
      assert.equal((await patientThreads(db, ann.personId!))[0]!.unread, 0);
      assert.equal(
        (await clinicianThreads(db, dr.id, active)).find((t) => t.displayName === 'Ann')!.unread,
        THREAD_LIMIT,
        'her own stay unread for the clinician',
      );

      // Only the patients named active, and only active links for the patient.
      assert.deepEqual(
        (await clinicianThreads(db, dr.id, [ann.personId!])).map((t) => t.displayName),
        ['Ann'],
      );
      assert.deepEqual(await clinicianThreads(db, dr.id, []), []);
      assert.equal(await revokeLink(db, bo.personId!, links['bo@example.org']!), true);
      assert.deepEqual(await patientThreads(db, bo.personId!), []);
    });
  });
}

/**
 * The audit log records what really happened to each access of a person's data: a write that was refused (by the
 * guard's CSRF check, by validation) is 'refused', not 'write'; a clinician's attempt on someone who is not their
 * patient (answered 404) is recorded for that person as 'refused'; a read that was answered is 'read'. On SQLite and
 * PostgreSQL.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES } from '../../../test/helpers/databases.js';
import { listAudit } from '../../store/repos/audit.js';
import { clinicApi } from '../../../test/helpers/test-clinic.js';

for (const kind of DATABASES) {
  describe(`Audit outcomes on ${kind}`, () => {
    const world = clinicApi(kind);

    const entries = async (personId: string) =>
      (await listAudit(world.store.db, personId))
        .map((e) => `${e.actorRole} ${e.method} ${e.route} ${e.action}`)
        .sort();

    test("a patient's refused writes are recorded as refused, the accepted one as a write", async () => {
      const me = world.accounts.otherPatient.personId!;
      const checkin = { at: '2026-12-06T09:00:00+01:00', context: 'daily', back: 4 };
      assert.equal(
        (await world.as('otherPatient', { method: 'POST', url: '/api/checkins', payload: { ...checkin, back: 11 } }))
          .statusCode,
        400,
      );
      assert.equal(
        (await world.as('otherPatient', { method: 'POST', url: '/api/checkins', payload: checkin, csrf: false }))
          .statusCode,
        403,
      );
      assert.equal(
        (await world.as('otherPatient', { method: 'POST', url: '/api/checkins', payload: checkin })).statusCode,
        201,
      );
      assert.deepEqual(await entries(me), [
        'patient POST /api/checkins refused',
        'patient POST /api/checkins refused',
        'patient POST /api/checkins write',
      ]);
    });

    test("a clinician's 404 for someone who is not their patient is recorded for that person as refused; answered reads as read", async () => {
      const pat = world.accounts.patient.personId!;
      const before = (await entries(pat)).length;
      assert.equal(
        (await world.as('clinicianOtherClinic', { method: 'GET', url: `/api/patients/${pat}/today` })).statusCode,
        404,
      );
      assert.equal(
        (await world.as('clinicAdmin', { method: 'GET', url: `/api/patients/${pat}/checkins` })).statusCode,
        404,
      );
      assert.equal(
        (await world.as('clinicianOfClinic', { method: 'GET', url: `/api/patients/${pat}/checkins` })).statusCode,
        200,
      );
      // A write the handler's validation refuses is not a write.
      assert.equal(
        (await world.as('clinicianOfClinic', { method: 'PUT', url: `/api/patients/${pat}/program`, payload: {} }))
          .statusCode,
        400,
      );
      const all = await listAudit(world.store.db, pat);
      assert.equal(all.length, before + 4);
      const latest = all
        .slice(0, 4)
        .map(
          (e) =>
            `${e.actorAccountId === world.accounts.clinicianOtherClinic.id ? 'Dr B' : e.actorAccountId === world.accounts.clinicAdmin.id ? 'Admin A' : 'Dr A'} ${e.method} ${e.route} ${e.action}`,
        )
        .sort();
      assert.deepEqual(latest, [
        'Admin A GET /api/patients/:personId/checkins refused',
        'Dr A GET /api/patients/:personId/checkins read',
        'Dr A PUT /api/patients/:personId/program refused',
        'Dr B GET /api/patients/:personId/today refused',
      ]);
    });
  });
}

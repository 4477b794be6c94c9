/**
 * A clinician changes a patient's doses through PUT /api/patients/:personId/program: the body is checked with the
 * program record's own validator (DoseOverridesRecord, src/core/program-record.ts) and the stage's limits
 * (DOSE_LIMITS, src/core/stages.ts: holds up to 10 s and 15 reps, DOMAIN.md), each refusal at its field; an accepted
 * change is what the patient's plan shows. On SQLite and PostgreSQL.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allNo } from '../../e2e/helpers/answers.js';
import { DATABASES } from '../../test/helpers/databases.js';
import { clinicApi } from '../../test/helpers/test-clinic.js';

for (const kind of DATABASES) {
  describe(`A clinician's doses over HTTP on ${kind}`, () => {
    const world = clinicApi(kind);
    let pid: string;
    before(async () => {
      pid = world.accounts.patient.personId!;
      const screened = await world.as('patient', {
        method: 'POST',
        url: '/api/screen?date=2026-11-02',
        payload: { answers: allNo(), birthYear: 1970 },
      });
      assert.equal(screened.statusCode, 201, screened.body);
    });
    const change = (doses: unknown) =>
      world.as('clinicianOfClinic', {
        method: 'PUT',
        url: `/api/patients/${pid}/program?date=2026-11-03`,
        payload: { stage: 3, reason: 'Ready for longer holds.', doses },
      });

    test('doses no program could hold are refused at their field, and nothing changes', async () => {
      // A roll of 5 s per foot (the floor is 10 s), a dose for an exercise that has none to change, and a hold of
      // 11 s (stage limit 10 s).
      const cases: [unknown, RegExp][] = [
        [{ 'ball-roll': { secondsPerFoot: 5 } }, /(^|\.)doses\.ball-roll\.secondsPerFoot$/],
        [{ walk: { minutes: 10 } }, /(^|\.)doses$/],
        [{ 'pinky-toe-lift': { holdSeconds: 11 } }, /(^|\.)doses\.pinky-toe-lift$/],
      ];
      for (const [doses, field] of cases) {
        const res = await change(doses);
        assert.equal(res.statusCode, 400, JSON.stringify(doses));
        assert.match(String(res.json().error.field), field, `${JSON.stringify(doses)}: ${res.body}`);
      }
      const row = await world.store.db
        .selectFrom('programs')
        .select(['stage', 'dose_overrides'])
        .where('person_id', '=', pid)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { stage: 1, dose_overrides: null });
    });

    test("an accepted change is stored as sent and is the dose in the patient's plan", async () => {
      const res = await change({ 'pinky-toe-lift': { holdSeconds: 8, reps: 12 } });
      assert.equal(res.statusCode, 200, res.body);
      const row = await world.store.db
        .selectFrom('programs')
        .select(['stage', 'dose_overrides'])
        .where('person_id', '=', pid)
        .executeTakeFirstOrThrow();
      assert.equal(row.stage, 3);
      assert.deepEqual(JSON.parse(row.dose_overrides!), { 'pinky-toe-lift': { holdSeconds: 8, reps: 12 } });
      const plan = (await world.as('patient', { method: 'GET', url: '/api/today?date=2026-11-03' })).json().plan;
      const lift = plan.items.find((i: { exercise: string }) => i.exercise === 'pinky-toe-lift');
      assert.deepEqual([lift.dose.holdSeconds, lift.dose.reps], [8, 12]);
    });
  });
}

/**
 * Remote-monitoring figures over HTTP on both databases (issue 15). The patient's program starts on 1 Oct 2026;
 * check-ins on 1-16 Oct (16 days), steps typed by hand on 20 Oct (not device data: not counted), a FHIR file of
 * steps on 31 Oct and 2 Nov, a check-in on 2 Nov (the same day as imported steps: one day). The clinician logs 20
 * minutes on 10 Oct and 15 on 3 Nov. On 5 Nov, worked out by hand: period 1 (1-30 Oct) has 16 days with data, reached,
 * 20 minutes; period 2 (31 Oct-29 Nov), 6 days in, has 2 days with data and 15 minutes; the patient list shows period 2.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import type { MonitoringPeriod } from '../core/remote-monitoring.js';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import { clinicApi } from '../../test/helpers/test-clinic.js';
import { pdfText, row } from '../../test/helpers/pdf-text.js';
import { parseBackup, restoreBackup } from '../store/backup.js';
import { insertMonitoringMinutes } from '../store/repos/monitoring.js';
import { ensureLocalPerson } from '../store/repos/people.js';

const allNo = () => Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
const steps = (date: string, value: number) =>
  JSON.stringify({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '41950-7' }] },
    effectiveDateTime: date,
    valueQuantity: { value, system: 'http://unitsofmeasure.org', code: '/d' },
  });

for (const kind of DATABASES) {
  describe(`Remote-monitoring figures on ${kind}`, () => {
    const world = clinicApi(kind);
    let pid: string;
    before(async () => {
      pid = world.accounts.patient.personId!;
      const ok = async (
        method: 'POST' | 'PUT',
        url: string,
        payload: object | Buffer,
        headers?: Record<string, string>,
      ) => {
        const res = await world.as('patient', { method, url, payload, ...(headers ? { headers } : {}) });
        assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
        return res;
      };
      await ok('POST', '/api/screen?date=2026-10-01', { answers: allNo(), birthYear: 1970 });
      for (let d = 1; d <= 16; d++)
        await ok('POST', '/api/checkins', {
          at: `2026-10-${String(d).padStart(2, '0')}T08:00:00+00:00`,
          context: 'daily',
          back: 3,
        });
      await ok('PUT', '/api/walking/manual', { date: '2026-10-20', steps: 3000 });
      await ok('POST', '/api/checkins', { at: '2026-11-02T19:00:00+00:00', context: 'daily', back: 2 });
      const upload = await ok(
        'POST',
        '/api/imports?name=steps.ndjson',
        Buffer.from(`${steps('2026-10-31', 4000)}\n${steps('2026-11-02', 5000)}\n`),
        { 'content-type': 'application/octet-stream' },
      );
      const { jobId } = upload.json() as { jobId: string };
      for (let i = 0; i < 200; i++) {
        const job = (await world.as('patient', { method: 'GET', url: `/api/jobs/${jobId}` })).json() as {
          status: string;
          result: { added: number };
        };
        if (job.status === 'done') {
          assert.equal(job.result.added, 2);
          break;
        }
        assert.notEqual(job.status, 'failed');
        await new Promise((r) => setTimeout(r, 25));
      }
    });

    const log = (payload: object) =>
      world.as('clinicianOfClinic', { method: 'POST', url: `/api/patients/${pid}/monitoring-minutes`, payload });

    test('The clinician logs minutes; a bad entry is refused naming its field', async () => {
      const first = await log({ date: '2026-10-10', minutes: 20, note: 'Reviewed the first two weeks' });
      assert.equal(first.statusCode, 201, first.body);
      assert.deepEqual([first.json().minutes, first.json().loggedBy], [20, 'Dr A']);
      assert.equal((await log({ date: '2026-11-03', minutes: 15 })).statusCode, 201);
      const bad = await log({ date: '2026-11-03', minutes: 0 });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /minutes/);
    });

    test('The periods on 5 Nov: 16 days (reached) and 20 minutes, then 2 days of 6 and 15 minutes', async () => {
      const res = await world.as('clinicianOfClinic', {
        method: 'GET',
        url: `/api/patients/${pid}/monitoring?date=2026-11-05`,
      });
      assert.equal(res.statusCode, 200, res.body);
      const m = res.json() as {
        rule: unknown;
        startedOn: string;
        periods: MonitoringPeriod[];
        entries: { minutes: number; loggedBy: string }[];
      };
      assert.deepEqual(m.rule, { periodDays: 30, minDays: 16 });
      assert.equal(m.startedOn, '2026-10-01');
      assert.deepEqual(
        m.periods.map((p) => [p.start, p.end, p.daysElapsed, p.daysWithData, p.reached, p.minutes]),
        [
          ['2026-10-01', '2026-10-30', 30, 16, true, 20],
          ['2026-10-31', '2026-11-29', 6, 2, false, 15],
        ],
      );
      assert.deepEqual(
        m.entries.map((e) => [e.minutes, e.loggedBy]),
        [
          [20, 'Dr A'],
          [15, 'Dr A'],
        ],
      );
    });

    test('The patient list shows the current period with the same figures', async () => {
      const res = await world.as('clinicianOfClinic', { method: 'GET', url: '/api/patients?date=2026-11-05' });
      assert.equal(res.statusCode, 200, res.body);
      const line = (
        res.json() as { patients: { personId: string; monitoring: MonitoringPeriod | null }[] }
      ).patients.find((p) => p.personId === pid)!;
      assert.deepEqual(
        line.monitoring && [
          line.monitoring.start,
          line.monitoring.daysWithData,
          line.monitoring.daysElapsed,
          line.monitoring.daysNeeded,
          line.monitoring.minutes,
        ],
        ['2026-10-31', 2, 6, 14, 15],
      );
    });

    test('The clinician report (PDF) lists both periods with the same figures, and says Footing does not bill', async () => {
      const res = await world.as('clinicianOfClinic', {
        method: 'GET',
        url: `/api/patients/${pid}/report?date=2026-11-05`,
      });
      assert.equal(res.statusCode, 200);
      const text = pdfText(res.rawPayload);
      assert.match(text, /Remote monitoring/);
      // Period, days so far, days with data, 16 days, minutes logged.
      assert.match(text, row('1 Oct 2026 to 30 Oct 2026', '30', '16', 'reached', '20'));
      assert.match(text, row('31 Oct 2026 to 29 Nov 2026', '6', '2', '14 more needed', '15'));
      assert.match(text.replace(/\s+/g, ' '), /Footing does not bill\./);
    });

    // After the figures above: these change the entries.
    test("A clinician corrects and removes the entries they logged; another clinician's entry is not theirs to change (404)", async () => {
      const url = `/api/patients/${pid}/monitoring-minutes`;
      const figures = async () =>
        (
          await world.as('clinicianOfClinic', { method: 'GET', url: `/api/patients/${pid}/monitoring?date=2026-11-05` })
        ).json() as {
          periods: MonitoringPeriod[];
          entries: {
            id: string;
            date: string;
            minutes: number;
            note: string | null;
            loggedBy: string;
            mine: boolean;
          }[];
        };
      const [tenOct, thirdNov] = (await figures()).entries;
      const put = await world.as('clinicianOfClinic', {
        method: 'PUT',
        url: `${url}/${tenOct!.id}`,
        payload: { date: '2026-10-12', minutes: 25, note: 'Reviewed the first two weeks; call' },
      });
      assert.equal(put.statusCode, 200, put.body);
      assert.deepEqual(
        [put.json().date, put.json().minutes, put.json().note, put.json().loggedBy],
        ['2026-10-12', 25, 'Reviewed the first two weeks; call', 'Dr A'],
      );
      assert.equal(
        (await world.as('clinicianOfClinic', { method: 'DELETE', url: `${url}/${thirdNov!.id}` })).statusCode,
        204,
      );
      // Period 1 now holds 25 minutes, period 2 none.
      assert.deepEqual(
        (await figures()).periods.map((p) => p.minutes),
        [25, 0],
      );
      const bad = await world.as('clinicianOfClinic', {
        method: 'PUT',
        url: `${url}/${tenOct!.id}`,
        payload: { date: '2026-10-12', minutes: 600 },
      });
      assert.equal(bad.statusCode, 400);
      // An entry the clinic's admin logged (written to the store: the admin does not use the patient page).
      const admins = await insertMonitoringMinutes(
        world.store.db,
        pid,
        { id: world.accounts.clinicAdmin.id, displayName: 'Admin A' },
        { date: '2026-10-20', minutes: 10, note: null },
        '2026-10-20T12:00:00.000Z',
      );
      for (const [method, id] of [
        ['PUT', admins.id],
        ['DELETE', admins.id],
        ['DELETE', 'no-such-entry'],
      ] as const) {
        const res = await world.as('clinicianOfClinic', {
          method,
          url: `${url}/${id}`,
          ...(method === 'PUT' ? { payload: { date: '2026-10-21', minutes: 1 } } : {}),
        });
        assert.deepEqual([res.statusCode, res.json().error.code], [404, 'not_found'], `${method} ${id}`);
      }
      assert.deepEqual(
        (await figures()).entries.map((e) => [e.date, e.minutes, e.loggedBy, e.mine]),
        [
          ['2026-10-12', 25, 'Dr A', true],
          ['2026-10-20', 10, 'Admin A', false],
        ],
      );
      assert.equal(
        (await world.as('clinicianOtherClinic', { method: 'DELETE', url: `${url}/${tenOct!.id}` })).statusCode,
        404,
        'another clinic',
      );
    });

    test("The logged minutes are in the patient's backup with who logged them, restored once where that clinician has an account, left out elsewhere", async () => {
      const exported = await world.as('patient', { method: 'GET', url: '/api/export' });
      assert.equal(exported.statusCode, 200);
      const backup = exported.json() as { monitoringMinutes: Record<string, unknown>[] };
      assert.deepEqual(
        backup.monitoringMinutes.map((m) => [m.date, m.minutes, m.note, m.clinician_name, m.account_id]),
        [
          ['2026-10-12', 25, 'Reviewed the first two weeks; call', 'Dr A', world.accounts.clinicianOfClinic.id],
          ['2026-10-20', 10, null, 'Admin A', world.accounts.clinicAdmin.id],
        ],
      );
      const restore = async () =>
        (
          await world.as('patient', {
            method: 'POST',
            url: '/api/import-backup',
            headers: { 'content-type': 'application/json' },
            payload: exported.body,
          })
        ).json().restored as { monitoringMinutes: number; monitoringMinutesLeftOut: number };
      await world.store.db.deleteFrom('monitoring_minutes').where('person_id', '=', pid).execute();
      const first = await restore();
      const second = await restore();
      assert.deepEqual(
        [
          first.monitoringMinutes,
          first.monitoringMinutesLeftOut,
          second.monitoringMinutes,
          second.monitoringMinutesLeftOut,
        ],
        [2, 0, 0, 0],
        'both back, then nothing more',
      );
      const after = (
        await world.as('clinicianOfClinic', { method: 'GET', url: `/api/patients/${pid}/monitoring?date=2026-11-05` })
      ).json() as { periods: MonitoringPeriod[] };
      assert.deepEqual(
        after.periods.map((p) => p.minutes),
        [35, 0],
        '25 + 10 in period 1, as before the loss',
      );
      // Into a one-person install: no clinician account, both left out, counted.
      const parsed = parseBackup(exported.body);
      assert.ok('backup' in parsed);
      const other = await freshStore(kind);
      try {
        const me = await ensureLocalPerson(other.store.db);
        const counts = await restoreBackup(other.store.db, me.id, parsed.backup);
        assert.deepEqual([counts.monitoringMinutes, counts.monitoringMinutesLeftOut], [0, 2]);
      } finally {
        await other.cleanup();
      }
    });
  });
}

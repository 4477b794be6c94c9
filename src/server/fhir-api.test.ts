/**
 * The FHIR R4 export over HTTP on both databases (issue 15): a patient's record seeded through the API (a safety
 * check, 3 days of steps typed by hand, 2 check-ins, a saved gait analysis) comes back as a Bundle of type
 * collection, to the patient (GET /api/export/fhir) and to their clinician (GET /api/patients/:personId/fhir), with
 * the numbers worked out by hand below, and every resource passes medplum's R4 validation with zero errors.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import type { FhirBundle, FhirResource } from '../core/fhir/patient-bundle.js';
import { GAIT_METRICS_SYSTEM } from '../core/fhir/gait-metric-codes.js';
import { exportFhirBundle } from '../services/fhir-export-service.js';
import { DATABASES } from '../../test/helpers/databases.js';
import { fhirErrors } from '../../test/helpers/fhir-validator.js';
import { type Identity, clinicApi } from '../../test/helpers/test-clinic.js';
import { sharedData } from '../../test/helpers/shared-data.js';
import { seedStepsAndCheckin } from '../../test/helpers/fhir-seed.js';

/** The shared Fitbit study file: person 1503960366 has 31 days from 12 Apr 2016 (13,162 steps on the first); the last, 12 May, has 0 steps. */
const FITBIT = sharedData('fitbit/dailyActivity_merged.csv');
const FITBIT_ID = '1503960366';

const allNo = () => Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
/** The program starts on Mon 2 Nov 2026; the export is made that day. */
const START = '2026-11-02';
const GAIT_ANALYSIS = {
  video: 'walk-side.mp4',
  fps: 30,
  frames: 300,
  view: 'side',
  direction: 'left-to-right',
  setting: 'overground',
  mode: 'walk',
  events: { left: { heel_strike: [0.5, 1.6], toe_off: [1.1] }, right: { heel_strike: [1.05], toe_off: [0.55, 1.65] } },
  metrics: {
    cadence_spm: { value: 104, confidence: 0.8, n: 8 },
    step_length_m: { value: 0.66, confidence: 0.7, n: 8 },
    pelvic_drop_deg: { value: null, confidence: 0, reason: 'needs a view from the front or back' },
  },
  warnings: [],
  tracks: [],
  track_id: null,
};

const codeOf = (o: FhirResource) => (o.code as { coding: { system: string; code: string }[] }).coding[0]!;

for (const kind of DATABASES) {
  describe(`The FHIR export over HTTP on ${kind}`, () => {
    const world = clinicApi(kind);
    before(async () => {
      const seed = async (method: 'POST' | 'PUT', url: string, payload: object) => {
        const res = await world.as('patient', { method, url, payload });
        assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      };
      await seed('POST', `/api/screen?date=${START}`, { answers: allNo(), birthYear: 1970 });
      await seedStepsAndCheckin(seed);
      await seed('POST', '/api/checkins', {
        at: '2026-11-02T09:30:00+01:00',
        context: 'daily',
        back: 3,
        regions: [{ region: 'heel', side: 'left', intensity: 4, view: 'back' }],
      });
      await seed('POST', '/api/gait-analyses', {
        recordedAt: '2026-11-02T10:00:00+01:00',
        sourceName: 'walk-side.mp4',
        analysis: GAIT_ANALYSIS,
      });
    });

    const exportAs = async (who: Identity, url: string): Promise<FhirBundle> => {
      const res = await world.as(who, { method: 'GET', url });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^application\/fhir\+json/);
      return res.json() as FhirBundle;
    };
    const withoutTimestamp = ({ timestamp: _t, ...rest }: FhirBundle) => rest;

    test("Given 3 days of steps and 2 check-ins, the patient's bundle holds them with the numbers worked out by hand", async () => {
      const bundle = await exportAs('patient', `/api/export/fhir?date=${START}`);
      assert.equal(bundle.resourceType, 'Bundle');
      assert.equal(bundle.type, 'collection');
      const resources = bundle.entry.map((e) => e.resource);
      const patient = resources.find((r) => r.resourceType === 'Patient')!;
      assert.equal(patient.id, world.accounts.patient.personId);
      assert.equal(patient.birthDate, '1970');
      const obs = resources.filter((r) => r.resourceType === 'Observation');
      // Steps: the three days typed by hand, in UCUM /d.
      const steps = obs.filter((o) => codeOf(o).code === '41950-7');
      assert.deepEqual(
        steps.map((o) => [o.effectiveDateTime, (o.valueQuantity as { value: number }).value]),
        [
          ['2026-10-30', 4000],
          ['2026-10-31', 5000],
          ['2026-11-01', 6000],
        ],
      );
      // Pain: back 5 and neck 2 on 1 Nov; back 3 and the left heel 4 on 2 Nov (the heel coded as the foot).
      const pain = obs.filter((o) => codeOf(o).code === '72514-3');
      assert.deepEqual(
        pain.map((o) => [
          o.effectiveDateTime,
          o.valueInteger,
          (o.bodySite as { coding: { code: string }[] }).coding[0]!.code,
          (o.bodySite as { text: string }).text,
        ]),
        [
          ['2026-11-01T08:00:00+00:00', 5, '77568009', 'Back'],
          ['2026-11-01T08:00:00+00:00', 2, '45048000', 'Neck'],
          ['2026-11-02T09:30:00+01:00', 3, '77568009', 'Back'],
          ['2026-11-02T09:30:00+01:00', 4, '56459004', 'Left heel'],
        ],
      );
      // Gait: cadence and step length (pelvic drop was not measurable from the side), in Footing's code system.
      const gait = obs.filter((o) => codeOf(o).system === GAIT_METRICS_SYSTEM);
      assert.deepEqual(
        gait.map((o) => [
          codeOf(o).code,
          (o.valueQuantity as { value: number; code: string }).value,
          (o.valueQuantity as { code: string }).code,
        ]),
        [
          ['cadence_spm', 104, '/min'],
          ['step_length_m', 0.66, 'm'],
        ],
      );
      assert.equal(resources.filter((r) => r.resourceType === 'CodeSystem').length, 1);
      // Goal: the walking target on 2 Nov is the mean of 30 Oct-1 Nov: (4000 + 5000 + 6000) / 3 = 5000 steps a day.
      const goal = resources.find((r) => r.resourceType === 'Goal')!;
      assert.deepEqual((goal.target as { detailQuantity: unknown }[])[0]!.detailQuantity, {
        value: 5000,
        unit: 'steps/day',
        system: 'http://unitsofmeasure.org',
        code: '/d',
      });
      // CarePlan: stage 1, walking and the ball roll, active since 2 Nov.
      const plan = resources.find((r) => r.resourceType === 'CarePlan')!;
      assert.deepEqual(
        [plan.status, (plan.period as { start: string }).start, (plan.activity as unknown[]).length],
        ['active', START, 2],
      );
      // Provenance: the steps typed by the patient, the check-ins, the video analysis.
      const prov = resources.filter((r) => r.resourceType === 'Provenance');
      assert.deepEqual(
        prov.map((p) => (p.target as unknown[]).length),
        [3, 4, 2],
      );
      assert.equal(prov[1]!.recorded, '2026-11-02T09:30:00+01:00');
    });

    test("Every resource of the bundle passes medplum's R4 validation with zero errors", async () => {
      const bundle = await exportAs('patient', `/api/export/fhir?date=${START}`);
      for (const { resource } of bundle.entry)
        assert.deepEqual(fhirErrors(resource), [], `${resource.resourceType}/${resource.id}`);
      assert.deepEqual(fhirErrors(bundle as unknown as Record<string, unknown>), []);
    });

    test('The clinician of the patient gets the same bundle; an export made again is the same but for its timestamp', async () => {
      const own = await exportAs('patient', `/api/export/fhir?date=${START}`);
      const theirs = await exportAs(
        'clinicianOfClinic',
        `/api/patients/${world.accounts.patient.personId}/fhir?date=${START}`,
      );
      assert.deepEqual(withoutTimestamp(theirs), withoutTimestamp(own));
      assert.match(own.timestamp!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
      const other = await world.as('clinicianOtherClinic', {
        method: 'GET',
        url: `/api/patients/${world.accounts.patient.personId}/fhir`,
      });
      assert.equal(other.statusCode, 404);
      const otherPatient = await exportAs('otherPatient', '/api/export/fhir');
      assert.deepEqual(
        otherPatient.entry.map((e) => e.resource.resourceType),
        ['Patient'],
        'the other patient gets their own (empty) record',
      );
    });
    test('The streamed answer is the same bytes as the whole bundle stringified, to the patient and to their clinician', async () => {
      for (const [who, url] of [
        ['patient', `/api/export/fhir?date=${START}`],
        ['clinicianOfClinic', `/api/patients/${world.accounts.patient.personId}/fhir?date=${START}`],
      ] as const) {
        const res = await world.as(who, { method: 'GET', url });
        const { timestamp } = res.json() as FhirBundle;
        // The bundle built whole from the same store, with the answer's own timestamp (the only part that changes).
        const whole = await exportFhirBundle(world.store.db, world.accounts.patient.personId!, {
          today: START,
          exportedAt: timestamp!,
        });
        assert.equal(res.body, JSON.stringify(whole), who);
        assert.ok(whole.entry.length >= 10, `${whole.entry.length} entries`);
      }
    });

    test('Given a Fitbit file imported, its days come with a Provenance naming the device and the file', async () => {
      const res = await world.as('patient', {
        method: 'POST',
        url: `/api/imports?name=dailyActivity_merged.csv&fitbitId=${FITBIT_ID}`,
        payload: readFileSync(FITBIT),
        headers: { 'content-type': 'application/octet-stream' },
      });
      assert.equal(res.statusCode, 202, res.body);
      let status = '';
      for (let i = 0; i < 400 && status !== 'done' && status !== 'failed'; i++) {
        status = (await world.as('patient', { method: 'GET', url: `/api/jobs/${res.json().jobId}` })).json().status;
        if (status !== 'done') await new Promise((r) => setTimeout(r, 25));
      }
      assert.equal(status, 'done');
      const bundle = await exportAs('patient', `/api/export/fhir?date=${START}`);
      const resources = bundle.entry.map((e) => e.resource);
      // The CSV by hand: 31 rows for this person, 30 with steps (12 May has TotalSteps 0); 12 Apr 2016 has 13162.
      const steps = resources.filter((r) => r.resourceType === 'Observation' && codeOf(r).code === '41950-7');
      assert.equal(steps.length, 30 + 3);
      assert.equal(
        steps.find((o) => o.effectiveDateTime === '2016-05-12'),
        undefined,
        'a day of 0 steps is no observation',
      );
      assert.deepEqual(steps.find((o) => o.effectiveDateTime === '2016-04-12')!.valueQuantity, {
        value: 13162,
        unit: 'steps/day',
        system: 'http://unitsofmeasure.org',
        code: '/d',
      });
      const fitbit = resources.find(
        (r) => r.resourceType === 'Provenance' && JSON.stringify(r.agent).includes(FITBIT_ID),
      )!;
      assert.equal((fitbit.target as unknown[]).length, 30);
      assert.deepEqual((fitbit.agent as { type: { coding: { code: string }[] } }[])[0]!.type.coding[0]!.code, 'device');
      assert.match(
        JSON.stringify(fitbit.entity),
        /dailyActivity_merged\.csv \(fitbit-csv file imported \d{4}-\d{2}-\d{2}\)/,
      );
      for (const { resource } of bundle.entry)
        assert.deepEqual(fhirErrors(resource), [], `${resource.resourceType}/${resource.id}`);
    });
  });
}

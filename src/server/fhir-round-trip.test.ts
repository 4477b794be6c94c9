/**
 * The round trip of issue 15, with every kind of data the export carries: a patient's record (steps from a device's
 * file and typed by hand, pain check-ins with body-map areas, a screening result, outcome scores free and copyrighted,
 * the program at stage 2 with a clinician's walking target, two saved gait analyses) is exported as a FHIR Bundle,
 * imported into a fresh database (after that person's own safety answers, taking the program), and exported again.
 * Every resource is the same, compared whole, but for what differs by design:
 * - resource ids: derived from each database's own stored ids, so resources are compared by their place among their
 *   type, every reference renamed the same way (test/helpers/fhir-compare.ts);
 * - the Patient's `identifier`: each database's own person id;
 * - `Bundle.timestamp` (when each export was made; Footing writes no `meta`).
 * The steps' Provenance is among the equal resources: the file's Provenance said which device and file (or the
 * patient's own hand) each day came from, and the receiving database names the same (docs/clinic.md, "Round trip").
 * Every resource of both bundles passes @medplum/core's validateResource (test/helpers/fhir-validator.ts). Both
 * databases.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { FhirBundle, FhirResource } from '../core/fhir/patient-bundle.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import { fhirErrors } from '../../test/helpers/fhir-validator.js';
import { uploadAndFollow } from '../../test/helpers/import-upload.js';
import { byPlace } from '../../test/helpers/fhir-compare.js';
import { buildApp } from './app.js';
import { ensureLocalPerson } from '../store/repos/people.js';
import { adjustStage } from '../services/clinician-service.js';
import { setWalkingTarget } from '../services/walking-override-service.js';
import { navicularDropBody, psfsBody } from '../../test/helpers/assessment-bodies.js';

const allNo = () => Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
const DAY = '2026-11-02';
/** A Fitbit daily CSV (the device's file): 7,000 and 8,000 steps on 28 and 29 Oct 2026. */
const FITBIT_CSV = 'Id,ActivityDate,TotalSteps\n1503960366,10/28/2026,7000\n1503960366,10/29/2026,8000\n';
const analysis = (
  view: 'side' | 'front',
  metrics: Record<string, { value: number | null; confidence: number; n?: number; reason?: string }>,
) => ({
  video: `walk-${view}.mp4`,
  fps: 30,
  frames: 300,
  view,
  direction: view === 'side' ? 'left-to-right' : 'toward',
  setting: 'overground',
  mode: 'walk',
  events: { left: { heel_strike: [0.5, 1.6], toe_off: [1.1] }, right: { heel_strike: [1.05], toe_off: [0.55, 1.65] } },
  metrics,
  warnings: [],
  tracks: [],
  track_id: null,
});

const exportOf = async (app: FastifyInstance): Promise<FhirBundle> => {
  const res = await app.inject({ method: 'GET', url: `/api/export/fhir?date=${DAY}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as FhirBundle;
};

for (const kind of DATABASES) {
  describe(`The FHIR round trip with every kind of data on ${kind}`, () => {
    let source: FastifyInstance;
    let target: FastifyInstance;
    const cleanups: (() => Promise<void>)[] = [];
    let first: FhirBundle;
    let second: FhirBundle;
    let job: { status: string; result: Record<string, unknown> };
    before(async () => {
      const stores = [];
      for (let i = 0; i < 2; i++) {
        const f = await freshStore(kind);
        cleanups.push(f.cleanup);
        stores.push(f.store);
      }
      source = await buildApp({ store: stores[0]!, webRoot: null });
      target = await buildApp({ store: stores[1]!, webRoot: null });
      const seed = async (method: 'POST' | 'PUT', url: string, payload: object) => {
        const res = await source.inject({ method, url, payload });
        assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      };
      await seed('POST', `/api/screen?date=${DAY}`, { answers: allNo(), birthYear: 1970 });
      const device = await uploadAndFollow(source, 'daily.csv', Buffer.from(FITBIT_CSV));
      assert.equal(device.status, 'done', JSON.stringify(device.result));
      // Typed by hand: a day of its own, and a day the watch counted too (its total is the watch's, the larger).
      for (const [date, steps] of [
        ['2026-10-29', 3000],
        ['2026-10-30', 4000],
      ] as const)
        await seed('PUT', '/api/walking/manual', { date, steps });
      await seed('POST', '/api/checkins', { at: '2026-11-01T08:00:00+00:00', context: 'daily', back: 5, neck: 2 });
      await seed('POST', '/api/checkins', {
        at: '2026-11-02T09:30:00+01:00',
        context: 'daily',
        foot: 3,
        regions: [{ region: 'heel', side: 'left', intensity: 4, view: 'back' }],
      });
      await seed('POST', '/api/assessment/screening', navicularDropBody('2026-11-02T10:00:00+00:00'));
      await seed('POST', '/api/assessment/outcomes', psfsBody('2026-11-02T10:05:00Z'));
      await seed('POST', '/api/assessment/outcomes', {
        measure: 'odi',
        input: { totalPercent: 28 },
        recordedAt: '2026-11-02T10:10:00Z',
        recordedBy: 'Dr Ada Okafor',
      });
      // Two analyses: the patient's side view (a metric not measurable is not exported), a clinician's front view.
      await seed('POST', '/api/gait-analyses', {
        recordedAt: '2026-11-02T10:20:00+01:00',
        sourceName: 'walk side.mp4',
        analysis: analysis('side', {
          cadence_spm: { value: 104.5, confidence: 0.8, n: 8 },
          step_length_m: { value: 0.66, confidence: 0.7, n: 8 },
          knee_flexion_initial_contact_deg: { value: -2.5, confidence: 0.6 },
          pelvic_drop_deg: { value: null, confidence: 0, reason: 'needs a view from the front or back' },
        }),
      });
      await seed('POST', '/api/gait-analyses', {
        recordedAt: '2026-11-02T11:00:00Z',
        recordedBy: 'Dr Ada Okafor',
        sourceName: 'front.mov',
        analysis: analysis('front', {
          pelvic_drop_deg: { value: 4.2, confidence: 0.9, n: 6 },
          stance_pct: { value: 61, confidence: 0.85, n: 6 },
        }),
      });
      const me = await ensureLocalPerson(stores[0]!.db);
      await adjustStage(
        stores[0]!.db,
        me.id,
        { stage: 2, reason: 'Walks without pain now.', clinicianName: 'Dr Ada Okafor' },
        DAY,
      );
      await setWalkingTarget(
        stores[0]!.db,
        me.id,
        { kind: 'target', steps: 5500, reason: 'A little more each week, on the flat.' },
        'Dr Ada Okafor',
        DAY,
      );
      first = await exportOf(source);

      // The fresh database: the person answers the safety questions, then imports the file taking the program.
      const screen = await target.inject({
        method: 'POST',
        url: `/api/screen?date=${DAY}`,
        payload: { answers: allNo(), birthYear: 1970 },
      });
      assert.ok(screen.statusCode < 300, screen.body);
      job = await uploadAndFollow(
        target,
        'record.fhir.json',
        Buffer.from(JSON.stringify(first, null, 2)),
        `&program=adopt&date=${DAY}`,
      );
      second = await exportOf(target);
    });
    after(async () => {
      await source.close();
      await target.close();
      for (const c of cleanups) await c();
    });

    test('The first export holds every kind of data: counted by type from what was seeded', () => {
      const count = (type: string) => first.entry.filter((e) => e.resource.resourceType === type).length;
      // Steps: 28, 29, 30 Oct = 3; pain: back + neck, foot + left heel = 4; screening 1; outcomes 2 (PSFS, ODI);
      // gait: side 3 measured (pelvic drop not measurable) + front 2 = 5 Observations: 15.
      assert.equal(count('Observation'), 3 + 4 + 1 + 2 + 5);
      // Provenance: the watch's days, the hand-typed days, the check-ins, 2 analyses, assessments by the patient and by the clinician.
      assert.equal(count('Provenance'), 7);
      assert.deepEqual(
        ['Patient', 'CarePlan', 'Goal', 'QuestionnaireResponse', 'Questionnaire', 'CodeSystem'].map(count),
        [1, 1, 1, 1, 1, 3],
      );
    });

    test('The import takes everything: 3 step days, 2 check-ins, 3 assessment entries, 2 gait analyses, the stage and target; only definitions are left out', () => {
      assert.equal(job.status, 'done', JSON.stringify(job.result));
      const r = job.result;
      assert.deepEqual(
        [r.added, r.checkins, r.assessments, r.gait, r.record, r.errors],
        [
          3,
          { added: 2, duplicates: 0 },
          { added: 3, duplicates: 0 },
          { added: 2, duplicates: 0 },
          { birthYear: 'same', stage: 'set', walkingTarget: 'set' },
          [],
        ],
      );
      // Left out: the 3 CodeSystems and the PSFS Questionnaire (definitions every export publishes again).
      assert.deepEqual([r.skipped, r.records], [4, first.entry.length]);
    });

    test("Exported again, every resource is the same but for ids, the Patient's identifier and the timestamp; the steps' Provenance names the same watch, file and hand", () => {
      const neutral = (b: FhirBundle) =>
        byPlace(b).map((r) => (r.resourceType === 'Patient' ? { ...r, identifier: undefined } : r));
      assert.deepEqual(neutral(second), neutral(first));
      // The steps' Provenance in both: the watch with the file it was imported from, and the patient for the hand-typed days.
      // (the steps' Provenances come first, by their agent's name; the step Observations are the first three.)
      const steps = (b: FhirBundle) =>
        byPlace(b)
          .filter((r) => r.resourceType === 'Provenance')
          .slice(0, 2);
      assert.deepEqual(
        steps(second).map((p) => p.target),
        [
          [{ reference: 'Observation/#1' }, { reference: 'Observation/#2' }],
          [{ reference: 'Observation/#0' }, { reference: 'Observation/#1' }],
        ],
      );
      assert.deepEqual(
        steps(second).map((p) => [
          (p.agent as { who: { display?: string; reference?: string } }[])[0]!.who,
          (p.entity as { what: { display: string } }[] | undefined)?.map((e) =>
            e.what.display.replace(/\d{4}-\d{2}-\d{2}\)$/, 'D)'),
          ),
        ]),
        [
          [{ reference: 'Patient/#0' }, undefined],
          [{ display: 'fitbit (Fitbit 1503960366)' }, ['daily.csv (fitbit-csv file imported D)']],
        ],
      );
      const patients = [first, second].map(
        (b) => b.entry[0]!.resource as unknown as { id: string; identifier: { value: string }[] },
      );
      assert.notEqual(
        patients[0]!.identifier[0]!.value,
        patients[1]!.identifier[0]!.value,
        'each database names its own person',
      );
    });

    test('The gait analyses stored from the file: the same time, view, video, who saved it and metrics, marked as imported from the file', async () => {
      const held = (await target.inject({ method: 'GET', url: '/api/gait-analyses' })).json() as {
        recordedAt: string;
        recordedBy: string;
        sourceName: string;
        view: string;
        hasKeypoints: boolean;
        analysis: { metrics: object; imported_from?: object };
      }[];
      assert.deepEqual(
        held.map((a) => [
          a.recordedAt,
          a.recordedBy,
          a.sourceName,
          a.view,
          a.hasKeypoints,
          a.analysis.metrics,
          a.analysis.imported_from,
        ]),
        [
          [
            '2026-11-02T10:20:00+01:00',
            'me',
            'walk side.mp4',
            'side',
            false,
            {
              cadence_spm: { value: 104.5, confidence: 0.8, n: 8 },
              knee_flexion_initial_contact_deg: { value: -2.5, confidence: 0.6 },
              step_length_m: { value: 0.66, confidence: 0.7, n: 8 },
            },
            { file: 'record.fhir.json', format: 'fhir' },
          ],
          [
            '2026-11-02T11:00:00Z',
            'Dr Ada Okafor',
            'front.mov',
            'front',
            false,
            {
              pelvic_drop_deg: { value: 4.2, confidence: 0.9, n: 6 },
              stance_pct: { value: 61, confidence: 0.85, n: 6 },
            },
            { file: 'record.fhir.json', format: 'fhir' },
          ],
        ],
      );
    });

    test('Every resource of both exports passes validateResource with the R4 definitions', () => {
      for (const b of [first, second])
        for (const { resource } of b.entry)
          assert.deepEqual(fhirErrors(resource as FhirResource), [], `${resource.resourceType}/${resource.id}`);
    });

    test('The same file again adds nothing (gait analyses too), and the export is unchanged; back into the database it came from, no step day, check-in or analysis is stored twice', async () => {
      const again = await uploadAndFollow(
        target,
        'record.fhir.json',
        Buffer.from(JSON.stringify(first)),
        `&program=adopt&date=${DAY}`,
      );
      assert.deepEqual(
        [again.result.status, again.result.added, again.result.gait, again.result.assessments],
        ['nothing-new', 0, { added: 0, duplicates: 2 }, { added: 0, duplicates: 3 }],
      );
      assert.deepEqual(byPlace(await exportOf(target)), byPlace(second));
      // Back into the database it came from: its own analyses and its own step days are already there. Each day's
      // Provenance names streams this record holds on that day (the watch on 28 and 29 Oct, the hand on 29 and 30), so
      // none is stored again: the days keep their totals (7,000; 8,000, the watch's, the larger; 4,000).
      const daily = async () =>
        (
          (await source.inject({ method: 'GET', url: '/api/walking/daily?from=2026-10-01&to=2026-11-30' })).json() as {
            date: string;
            steps: number;
          }[]
        ).map((d) => [d.date, d.steps]);
      const before = await daily();
      assert.deepEqual(before, [
        ['2026-10-28', 7000],
        ['2026-10-29', 8000],
        ['2026-10-30', 4000],
      ]);
      const home = await uploadAndFollow(source, 'record.fhir.json', Buffer.from(JSON.stringify(first)));
      assert.deepEqual(
        [
          home.result.status,
          home.result.samples,
          home.result.added,
          home.result.duplicates,
          home.result.checkins,
          home.result.assessments,
          home.result.gait,
        ],
        ['nothing-new', 3, 0, 3, { added: 0, duplicates: 2 }, { added: 0, duplicates: 3 }, { added: 0, duplicates: 2 }],
        JSON.stringify({ ...home.result, days: undefined }),
      );
      assert.equal(
        ((await source.inject({ method: 'GET', url: '/api/checkins' })).json() as unknown[]).length,
        2,
        'the check-ins are not stored twice',
      );
      assert.deepEqual(await daily(), before);
    });
  });
}

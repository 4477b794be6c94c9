/**
 * FHIR import through the import route on both databases, and the round trip (issue 15): a record seeded through the
 * API (steps typed by hand, check-ins with back, neck and foot scores and body-map areas, a screening result, a PSFS
 * with its answers and an ODI score) is exported as a FHIR Bundle, uploaded to a fresh database like any walking
 * file, and exported again: every Observation, QuestionnaireResponse, Questionnaire, CodeSystem and Provenance is
 * the same resource (ids aside: they are derived from each database's own stored ids, so they are compared by place). The
 * report's totals are what was stored; importing the same file again adds nothing; a bad assessment entry is
 * refused with its place and field.
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
import { seedStepsAndCheckin } from '../../test/helpers/fhir-seed.js';

const allNo = () => Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));

const LOINC_STEPS = '41950-7';
const LOINC_PAIN = '72514-3';
const codeOf = (r: FhirResource) => (r.code as { coding?: { code: string }[] } | undefined)?.coding?.[0]?.code;
/** The step and pain Observations of a bundle, without their ids and with the patient's reference made neutral. */
function imported(bundle: FhirBundle): unknown[] {
  const pid = bundle.entry[0]!.resource.id;
  return bundle.entry
    .map((e) => e.resource)
    .filter((r) => r.resourceType === 'Observation' && [LOINC_STEPS, LOINC_PAIN].includes(codeOf(r) ?? ''))
    .map(
      (r) => JSON.parse(JSON.stringify({ ...r, id: undefined }).replaceAll(`Patient/${pid}`, 'Patient/P')) as unknown,
    );
}

for (const kind of DATABASES) {
  describe(`FHIR import and round trip on ${kind}`, () => {
    let source: FastifyInstance;
    let target: FastifyInstance;
    const cleanups: (() => Promise<void>)[] = [];
    let exported: FhirBundle;
    let sourceStore: Awaited<ReturnType<typeof freshStore>>['store'];
    before(async () => {
      for (const which of ['source', 'target'] as const) {
        const f = await freshStore(kind);
        cleanups.push(f.cleanup);
        const app = await buildApp({ store: f.store, webRoot: null });
        if (which === 'source') {
          source = app;
          sourceStore = f.store;
        } else target = app;
      }
      const seed = async (method: 'POST' | 'PUT', url: string, payload: object) => {
        const res = await source.inject({ method, url, payload });
        assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      };
      await seed('POST', '/api/screen?date=2026-11-02', { answers: allNo(), birthYear: 1970 });
      await seedStepsAndCheckin(seed);
      await seed('POST', '/api/checkins', {
        at: '2026-11-02T09:30:00+01:00',
        context: 'daily',
        foot: 3,
        regions: [
          { region: 'heel', side: 'left', intensity: 4, view: 'back' },
          { region: 'knee', side: 'right', intensity: 2, view: 'front' },
        ],
      });
      // The rest of what the export carries: a screening result and two outcome scores (PSFS, free: with its
      // QuestionnaireResponse; ODI, copyrighted: its score only). The import reads these back too.
      await seed('POST', '/api/assessment/screening', navicularDropBody('2026-11-02T10:00:00+00:00'));
      await seed('POST', '/api/assessment/outcomes', psfsBody('2026-11-02T10:05:00Z'));
      await seed('POST', '/api/assessment/outcomes', {
        measure: 'odi',
        input: { totalPercent: 28 },
        recordedAt: '2026-11-02T10:10:00Z',
        recordedBy: 'me',
      });
      // A clinician's changes the CarePlan and Goal carry: stage 2, and a walking target of 5,500 steps with a reason.
      const me = await ensureLocalPerson(sourceStore.db);
      await adjustStage(
        sourceStore.db,
        me.id,
        { stage: 2, reason: 'Walks without pain now.', clinicianName: 'Dr Ada Okafor' },
        '2026-11-02',
      );
      await setWalkingTarget(
        sourceStore.db,
        me.id,
        { kind: 'target', steps: 5500, reason: 'A little more each week, on the flat.' },
        'Dr Ada Okafor',
        '2026-11-02',
      );
      const res = await source.inject({ method: 'GET', url: '/api/export/fhir?date=2026-11-02' });
      assert.equal(res.statusCode, 200, res.body);
      exported = res.json() as FhirBundle;
    });
    after(async () => {
      await source.close();
      await target.close();
      for (const c of cleanups) await c();
    });

    test('Taking the program from a file is refused before the person has a program of their own (the safety questions come first)', async () => {
      const res = await target.inject({
        method: 'POST',
        url: '/api/imports?name=record.fhir.json&program=adopt',
        payload: Buffer.from(JSON.stringify(exported)),
        headers: { 'content-type': 'application/octet-stream' },
      });
      assert.equal(res.statusCode, 409, res.body);
      assert.match(res.body, /safety questions come first/);
      const badDate = await target.inject({
        method: 'POST',
        url: '/api/imports?name=record.fhir.json&date=2%20Nov',
        payload: Buffer.from('{}'),
        headers: { 'content-type': 'application/octet-stream' },
      });
      // A date the page could not have sent is refused at its field, before the upload is read.
      assert.deepEqual(
        [badDate.statusCode, badDate.json().error],
        [400, { code: 'bad_request', message: 'date must be a calendar date like 2026-11-25', field: 'date' }],
        badDate.body,
      );
      assert.equal(
        ((await target.inject({ method: 'GET', url: '/api/imports' })).json() as unknown[]).length,
        0,
        'no import was made',
      );
    });

    test('The exported Bundle uploaded to a fresh database: 3 step days, 2 check-ins and 3 assessment entries stored, the report equal to what is stored', async () => {
      const job = await uploadAndFollow(target, 'record.fhir.json', Buffer.from(JSON.stringify(exported, null, 2)));
      assert.equal(job.status, 'done', JSON.stringify(job.result));
      const r = job.result;
      assert.equal(r.format, 'fhir');
      // 3 step days, and pain: back 5 + neck 2, then foot 3 + left heel 4 + right knee 2 = 5 readings in 2 check-ins.
      assert.deepEqual(
        [r.status, r.samples, r.added, r.duplicates, r.checkins],
        ['imported', 3, 3, 0, { added: 2, duplicates: 0 }],
      );
      // The screening result, and the PSFS (with its answers) and the ODI scores.
      assert.deepEqual(r.assessments, { added: 3, duplicates: 0 });
      // The Patient gives its birth year (1970, from the safety check) to this record, which had none.
      assert.deepEqual(r.record, { birthYear: 'set' });
      const me = (await target.inject({ method: 'GET', url: '/api/today?date=2026-11-02' })).json() as {
        age: number | null;
      };
      assert.equal(me.age, 2026 - 1970);
      // Everything else in the bundle is left out, counted as other data: by type, worked out from what was seeded:
      // CodeSystems of screening tests and outcome measures; the PSFS Questionnaire; CarePlan; Goal (not asked
      // for) = 5 resources. The 3 Provenances (steps typed by hand, check-ins, assessments) are read, not left out.
      const types = exported.entry
        .map((e) => e.resource.resourceType)
        .sort()
        .join();
      assert.equal(
        types,
        'CarePlan,CodeSystem,CodeSystem,Goal,Observation,Observation,Observation,Observation,Observation,Observation,Observation,Observation,Observation,Observation,Observation,Patient,Provenance,Provenance,Provenance,Questionnaire,QuestionnaireResponse',
      );
      assert.deepEqual([r.records, r.skipped, r.skipped_by_reason['other-data']], [exported.entry.length, 5, 5]);
      assert.deepEqual(r.errors, []);
      const days = (
        await target.inject({ method: 'GET', url: '/api/walking/daily?from=2026-10-01&to=2026-11-30' })
      ).json() as { date: string; steps: number }[];
      assert.deepEqual(
        days.map((d) => [d.date, d.steps]),
        [
          ['2026-10-30', 4000],
          ['2026-10-31', 5000],
          ['2026-11-01', 6000],
        ],
      );
      assert.deepEqual(
        Object.entries(r.days).map(([d, t]) => [d, (t as { steps: number }).steps]),
        days.map((d) => [d.date, d.steps]),
        "the report's days are the stored days",
      );
      const checkins = (await target.inject({ method: 'GET', url: '/api/checkins' })).json() as {
        at: string;
        back: number | null;
        neck: number | null;
        foot: number | null;
        regions: { region: string; side: string; intensity: number }[];
      }[];
      assert.deepEqual(
        checkins.map((c) => [
          c.at,
          c.back,
          c.neck,
          c.foot,
          c.regions.map((m) => `${m.side} ${m.region} ${m.intensity}`).join(),
        ]),
        [
          ['2026-11-01T08:00:00+00:00', 5, 2, null, ''],
          ['2026-11-02T09:30:00+01:00', null, null, 3, 'left heel 4,right knee 2'],
        ],
      );
    });

    test('The same file again adds nothing: every sample and check-in is a duplicate, and the history says so', async () => {
      const job = await uploadAndFollow(target, 'record.fhir.json', Buffer.from(JSON.stringify(exported)));
      assert.deepEqual(
        [
          job.status,
          job.result.status,
          job.result.added,
          job.result.duplicates,
          job.result.checkins,
          job.result.assessments,
          job.result.record,
        ],
        ['done', 'nothing-new', 0, 3, { added: 0, duplicates: 2 }, { added: 0, duplicates: 3 }, { birthYear: 'same' }],
      );
      assert.equal(((await target.inject({ method: 'GET', url: '/api/checkins' })).json() as unknown[]).length, 2);
      const history = (await target.inject({ method: 'GET', url: '/api/imports' })).json() as {
        result: { status: string; checkins?: unknown; assessments?: unknown };
      }[];
      assert.deepEqual(
        history.map((h) => [h.result.status, h.result.checkins, h.result.assessments]),
        [
          ['nothing-new', { added: 0, duplicates: 2 }, { added: 0, duplicates: 3 }],
          ['imported', { added: 2, duplicates: 0 }, { added: 3, duplicates: 0 }],
        ],
      );
    });

    test("A file whose Patient was born in another year than this record's person is refused whole, at its birthDate", async () => {
      const other = structuredClone(exported);
      (other.entry[0]!.resource as { birthDate?: string }).birthDate = '1985';
      const job = await uploadAndFollow(target, 'other.fhir.json', Buffer.from(JSON.stringify(other, null, 2)));
      assert.deepEqual(
        [job.status, job.result.added, job.result.checkins, job.result.assessments, job.result.record],
        ['failed', 0, undefined, undefined, undefined],
      );
      assert.deepEqual(
        job.result.errors.map((e: { code: string; at: string; message: string }) => [
          e.code,
          e.at.replace(/:\d+:\d+ /, ':L:C '),
          e.message,
        ]),
        [
          [
            'several-people',
            'other.fhir.json:L:C (Bundle.entry[0].resource.birthDate)',
            "This file's Patient was born in 1985 and this record's person in 1970: the file is most likely someone else's; nothing was imported",
          ],
        ],
      );
    });

    test("With program=adopt, after the person's own safety check: the stage and the clinician's walking target come from the CarePlan and Goal, named in the program history", async () => {
      const screen = await target.inject({
        method: 'POST',
        url: '/api/screen?date=2026-11-02',
        payload: { answers: allNo(), birthYear: 1970 },
      });
      assert.ok(screen.statusCode < 300, screen.body);
      // The page sends the person's own date, as for every other event: the program events are dated on it.
      const job = await uploadAndFollow(
        target,
        'record.fhir.json',
        Buffer.from(JSON.stringify(exported)),
        '&program=adopt&date=2026-11-02',
      );
      assert.equal(job.status, 'done', JSON.stringify(job.result));
      // Nothing of the walking, pain or assessments is new, but the stage and the target are: the import is 'imported'.
      assert.deepEqual(
        [job.result.status, job.result.record, job.result.errors],
        ['imported', { birthYear: 'same', stage: 'set', walkingTarget: 'set' }, []],
      );
      // CarePlan and Goal are read now: 5 - 2 left out.
      assert.equal(job.result.skipped, 3);
      const today = (await target.inject({ method: 'GET', url: '/api/today?date=2026-11-02' })).json() as {
        program: { stage: number };
        walking: { steps: number; clinician: { setBy: string; reason: string; setOn: string; kind: string } };
      };
      assert.deepEqual(
        [
          today.program.stage,
          today.walking.steps,
          today.walking.clinician.kind,
          today.walking.clinician.setBy,
          today.walking.clinician.setOn,
          today.walking.clinician.reason,
        ],
        [2, 5500, 'target', 'Dr Ada Okafor', '2026-11-02', 'A little more each week, on the flat.'],
      );
      const progress = (await target.inject({ method: 'GET', url: '/api/progress?date=2026-11-02' })).json() as {
        events: {
          actor: string;
          action: string;
          toStage: number;
          onDate: string;
          reasons: { rule: string; text: string }[];
        }[];
      };
      const imported = progress.events.filter((e) => e.reasons.some((x) => x.rule.startsWith('imported-')));
      assert.deepEqual(imported.map((e) => [e.actor, e.action, e.toStage, e.reasons[0]!.rule, e.onDate]).sort(), [
        ['person', 'hold', 2, 'imported-walking-target', '2026-11-02'],
        ['person', 'progress', 2, 'imported-program', '2026-11-02'],
      ]);
      assert.ok(
        imported.every((e) => e.reasons[0]!.text.includes('record.fhir.json')),
        JSON.stringify(imported),
      );
      // The import history keeps what the file gave of the record, as the report said it (the page lists it).
      const history = (await target.inject({ method: 'GET', url: '/api/imports?limit=1' })).json() as {
        result: { record?: unknown };
      }[];
      assert.deepEqual(history[0]!.result.record, { birthYear: 'same', stage: 'set', walkingTarget: 'set' });
      // Again: everything is already as the file has it.
      const again = await uploadAndFollow(
        target,
        'record.fhir.json',
        Buffer.from(JSON.stringify(exported)),
        '&program=adopt',
      );
      assert.deepEqual(
        [again.result.status, again.result.record],
        ['nothing-new', { birthYear: 'same', stage: 'same', walkingTarget: 'same' }],
      );
    });

    test('Round trip: exported again from the fresh database, every Observation, QuestionnaireResponse, Questionnaire, CodeSystem and Provenance is the same resource, and valid', async () => {
      const res = await target.inject({ method: 'GET', url: '/api/export/fhir?date=2026-11-02' });
      const again = res.json() as FhirBundle;
      const before = imported(exported);
      assert.equal(before.length, 3 + 5);
      assert.deepEqual(imported(again), before);
      // Every type the import reads, compared whole, ids by place: 3 step days, 5 pain scores, 1 screening result,
      // 2 outcome scores (PSFS, ODI) = 11 Observations; the PSFS answers; its Questionnaire; the 2 code systems.
      const same = ['Observation', 'QuestionnaireResponse', 'Questionnaire', 'CodeSystem'];
      const mine = byPlace(exported).filter((r) => same.includes(r.resourceType));
      assert.deepEqual(
        mine.map((r) => r.resourceType).join(),
        'CodeSystem,CodeSystem,Questionnaire,Observation,Observation,Observation,Observation,Observation,Observation,Observation,Observation,Observation,Observation,Observation,QuestionnaireResponse',
      );
      assert.deepEqual(
        byPlace(again).filter((r) => same.includes(r.resourceType)),
        mine,
      );
      // The Patient, CarePlan and Goal: the same resources but for the Patient's id and its identifier (each
      // database's own person id); the CarePlan's period starts on the receiving person's own safety check (the
      // same day here). Every Provenance: the same, the steps' too (it names the patient who typed them, as the
      // file's did: docs/clinic.md, "Round trip").
      const record = ['Patient', 'CarePlan', 'Goal'];
      const noIdentifier = (r: FhirResource) => (r.resourceType === 'Patient' ? { ...r, identifier: undefined } : r);
      const sourcePatient = exported.entry[0]!.resource as unknown as { identifier: { value: string }[] };
      assert.equal(sourcePatient.identifier[0]!.value, exported.entry[0]!.resource.id);
      assert.deepEqual(
        byPlace(again)
          .filter((r) => record.includes(r.resourceType))
          .map(noIdentifier),
        byPlace(exported)
          .filter((r) => record.includes(r.resourceType))
          .map(noIdentifier),
      );
      const provenance = (b: FhirBundle) => byPlace(b).filter((r) => r.resourceType === 'Provenance');
      assert.equal(provenance(again).length, 3);
      assert.deepEqual(provenance(again), provenance(exported));
      for (const { resource } of again.entry) assert.deepEqual(fhirErrors(resource), [], `${resource.resourceType}`);
    });

    test('A bad assessment entry is refused in strict mode with its entry and field; lenient keeps the good ones', async () => {
      const bad = structuredClone(exported);
      const at = bad.entry.findIndex((e) => JSON.stringify(e.resource.code ?? '').includes('navicular-drop'));
      const screening = bad.entry[at]!.resource as unknown as { component: { valueQuantity: { value: unknown } }[] };
      screening.component[0]!.valueQuantity.value = 'twelve';
      const odi = bad.entry.findIndex((e) => JSON.stringify(e.resource.code ?? '').includes('"odi"'));
      (bad.entry[odi]!.resource as unknown as { valueQuantity: { value: number } }).valueQuantity.value = 128;
      const strict = await uploadAndFollow(
        target,
        'bad.fhir.json',
        Buffer.from(JSON.stringify(bad, null, 2)),
        '&strict=true',
      );
      assert.deepEqual([strict.status, strict.result.added], ['failed', 0]);
      assert.deepEqual(
        strict.result.errors.map((e: { at: string }) => e.at.replace(/:\d+:\d+ /, ':L:C ')),
        [`bad.fhir.json:L:C (Bundle.entry[${at}].resource.component[0])`],
      );
      const lenient = await uploadAndFollow(target, 'bad.fhir.json', Buffer.from(JSON.stringify(bad, null, 2)));
      assert.deepEqual(
        lenient.result.errors.map((e: { at: string; message: string }) => e.at.replace(/:\d+:\d+ /, ':L:C ')),
        [
          `bad.fhir.json:L:C (Bundle.entry[${at}].resource.component[0])`,
          `bad.fhir.json:L:C (Bundle.entry[${odi}].resource.valueQuantity.value)`,
        ],
      );
      // The PSFS is the one good entry, and the target has it already.
      assert.deepEqual(lenient.result.assessments, { added: 0, duplicates: 1 });
      // After both bad files the record holds what the good import stored: one screening result, two measures.
      const held = (await target.inject({ method: 'GET', url: '/api/assessment' })).json() as {
        screening?: unknown[];
        outcomes?: unknown[];
      };
      assert.deepEqual([held.screening?.length, held.outcomes?.length], [1, 2], JSON.stringify(held).slice(0, 300));
    });

    test('A broken NDJSON file in strict mode stores nothing and names the line and field', async () => {
      const obs = (v: unknown) =>
        JSON.stringify({
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: LOINC_STEPS }] },
          effectiveDateTime: '2026-12-01',
          valueQuantity: { value: v, code: '/d', system: 'http://unitsofmeasure.org' },
        });
      const job = await uploadAndFollow(
        target,
        'steps.ndjson',
        Buffer.from(`${obs(100)}\n${obs('many')}\n`),
        '&strict=true',
      );
      assert.deepEqual([job.status, job.result.added], ['failed', 0]);
      assert.deepEqual(
        job.result.errors.map((e: { at: string }) => e.at),
        ['steps.ndjson:2:1 (Observation.valueQuantity.value)'],
      );
      const days = (
        await target.inject({ method: 'GET', url: '/api/walking/daily?from=2026-12-01&to=2026-12-01' })
      ).json() as unknown[];
      assert.deepEqual(days, []);
    });
  });
}

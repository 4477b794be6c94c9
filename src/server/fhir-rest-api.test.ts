/**
 * The read-only FHIR REST API (/fhir/R4, issue 15) on both databases. A patient's record is seeded through the API:
 * a safety check (so a CarePlan and a Goal), steps typed by hand on 30 Oct (4000), 31 Oct (5000) and 1 Nov (6000),
 * and a check-in on 1 Nov at 08:00Z with back 5 and neck 2: five Observations (three steps, two pain). Searches
 * are checked against that by hand; every answer (Bundles and each entry, OperationOutcomes, the
 * CapabilityStatement) passes medplum's R4 validation with zero errors; another clinic's clinician, the clinic's
 * admin and another patient are refused with the same 404 as a resource that does not exist, on every endpoint.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import type { FhirResource } from '../core/fhir/patient-bundle.js';
import type { SearchsetBundle } from '../core/fhir/searchset.js';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import { fhirErrors } from '../../test/helpers/fhir-validator.js';
import { TEST_AUTH, type Identity, clinicApi } from '../../test/helpers/test-clinic.js';
import { buildApp } from './app.js';
import { searchsetBundle } from '../core/fhir/searchset.js';
import { exportFhirBundle } from '../services/fhir-export-service.js';
import { todayFrom } from './request-date.js';
import { seedStepsAndCheckin } from '../../test/helpers/fhir-seed.js';

const allNo = () => Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
type Json = Record<string, unknown>;
const STEPS = 'http://loinc.org|41950-7';
const PAIN = 'http://loinc.org|72514-3';

for (const kind of DATABASES) {
  describe(`The FHIR REST API on ${kind}`, () => {
    let pid: string;
    const world = clinicApi(kind);
    before(async () => {
      pid = world.accounts.patient.personId!;
      const seed = async (method: 'POST' | 'PUT', url: string, payload: object) => {
        const res = await world.as('patient', { method, url, payload });
        assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      };
      await seed('POST', '/api/screen', { answers: allNo(), birthYear: 1970 });
      await seedStepsAndCheckin(seed);
    });

    /** A FHIR answer: its status, its JSON, and that it is application/fhir+json and valid R4 (a Bundle's entries too). */
    const get = async (who: Identity, url: string) => {
      const res = await world.as(who, { method: 'GET', url });
      assert.match(
        String(res.headers['content-type']),
        /^application\/fhir\+json/,
        `${url}: ${res.headers['content-type']}`,
      );
      const body = res.json() as Json;
      assert.deepEqual(fhirErrors(body), [], `${url}: ${res.body.slice(0, 200)}`);
      for (const e of (body.entry as { resource: Json }[] | undefined) ?? [])
        assert.deepEqual(
          fhirErrors(e.resource),
          [],
          `${url}: ${String(e.resource.resourceType)}/${String(e.resource.id)}`,
        );
      return { status: res.statusCode, body };
    };
    const ok = async (who: Identity, url: string) => {
      const r = await get(who, url);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    const bundle = async (who: Identity, url: string) => (await ok(who, url)) as unknown as SearchsetBundle;
    const resourcesOf = (b: SearchsetBundle) => (b.entry ?? []).map((e) => e.resource);
    const valueOf = (o: FhirResource) => (o.valueQuantity as { value: number } | undefined)?.value ?? o.valueInteger;
    const issue = (b: Json) =>
      (b.issue as { code: string; expression?: string[]; details: { coding: { code: string }[]; text: string } }[])[0]!;

    test('metadata: an R4 CapabilityStatement, public, naming the resources and search parameters', async () => {
      const cs = await ok('anonymous', '/fhir/R4/metadata');
      assert.equal(cs.resourceType, 'CapabilityStatement');
      assert.equal(cs.fhirVersion, '4.0.1');
      const resources = (
        cs.rest as { resource: { type: string; interaction: { code: string }[]; searchParam: { name: string }[] }[] }[]
      )[0]!.resource;
      assert.deepEqual(
        resources.map((r) => r.type),
        ['Patient', 'Observation', 'CarePlan', 'Goal', 'QuestionnaireResponse'],
      );
      assert.deepEqual(
        resources.find((r) => r.type === 'Observation')!.searchParam.map((p) => p.name),
        ['patient', 'subject', 'code', 'date', '_count'],
      );
      assert.deepEqual(
        resources.find((r) => r.type === 'QuestionnaireResponse')!.searchParam.map((p) => p.name),
        ['patient', 'subject', 'authored', 'questionnaire', '_count'],
      );
      assert.ok(
        resources.every((r) => r.interaction.map((i) => i.code).join() === 'read,search-type'),
        'read-only',
      );
    });

    test('Observation search, as the patient and as their clinician: the five, in time order, worked out by hand', async () => {
      for (const who of ['patient', 'clinicianOfClinic'] as const) {
        const b = await bundle(who, `/fhir/R4/Observation?patient=${pid}`);
        assert.equal(b.type, 'searchset');
        assert.equal(b.total, 5);
        assert.deepEqual(
          resourcesOf(b)
            .slice(0, 3)
            .map((o) => [o.effectiveDateTime, valueOf(o)]),
          [
            ['2026-10-30', 4000],
            ['2026-10-31', 5000],
            ['2026-11-01', 6000],
          ],
        );
        // Back 5 and neck 2 at the same second come after the 1 Nov day, in id order.
        assert.deepEqual(resourcesOf(b).slice(3).map(valueOf).sort(), [2, 5]);
        assert.ok(
          b.entry!.every(
            (e) =>
              e.fullUrl === `http://localhost:80/fhir/R4/Observation/${e.resource.id}` && e.search.mode === 'match',
          ),
          b.entry![0]!.fullUrl,
        );
      }
      // The patient's own search needs no patient parameter.
      assert.equal((await bundle('patient', '/fhir/R4/Observation')).total, 5);
    });

    test('Date ranges and codes select what the seeded data says', async () => {
      const count = async (q: string) =>
        (await bundle('clinicianOfClinic', `/fhir/R4/Observation?patient=${pid}&${q}`)).total;
      assert.equal(await count('date=ge2026-10-31&date=le2026-11-01'), 4, '31 Oct and 1 Nov steps, both pain scores');
      assert.equal(await count('date=lt2026-11-01'), 2, 'steps on 30 and 31 Oct');
      assert.equal(await count('date=gt2026-11-01'), 0);
      assert.equal(await count('date=2026-11-01'), 3, "the day's steps and the two scores");
      assert.equal(
        await count('date=ge2026-11-01T08:00:00Z'),
        3,
        'the 1 Nov day overlaps 08:00 onwards, and the two scores',
      );
      assert.equal(await count('date=gt2026-11-01T08:00:00Z'), 1, 'only the day (it lasts until midnight)');
      assert.equal(await count(`code=${encodeURIComponent(PAIN)}`), 2);
      assert.equal(await count(`code=${encodeURIComponent(STEPS)}&date=ge2026-10-31`), 2);
      assert.equal(await count('code=41950-7,72514-3'), 5);
      const days = resourcesOf(
        await bundle(
          'clinicianOfClinic',
          `/fhir/R4/Observation?subject=Patient/${pid}&code=${encodeURIComponent(STEPS)}&date=le2026-10-31`,
        ),
      );
      assert.deepEqual(
        days.map((o) => o.effectiveDateTime),
        ['2026-10-30', '2026-10-31'],
      );
    });

    test('_count=2 pages through the five in 3 pages by next links, each Observation once', async () => {
      let url: string | null = `/fhir/R4/Observation?patient=${pid}&_count=2`;
      const seen: string[] = [];
      const sizes: number[] = [];
      while (url) {
        const b: SearchsetBundle = await bundle('clinicianOfClinic', url);
        assert.equal(b.total, 5);
        sizes.push(resourcesOf(b).length);
        seen.push(...resourcesOf(b).map((r) => r.id));
        const next = b.link.find((l) => l.relation === 'next');
        url = next ? next.url.replace(/^http:\/\/localhost:80/, '') : null;
        assert.ok(sizes.length <= 3, 'no more than 3 pages');
      }
      assert.deepEqual(sizes, [2, 2, 1]);
      assert.equal(new Set(seen).size, 5);
      const all = resourcesOf(await bundle('clinicianOfClinic', `/fhir/R4/Observation?patient=${pid}`)).map(
        (r) => r.id,
      );
      assert.deepEqual(seen, all);
    });

    test('read, CarePlan and Goal search, Patient search, and $everything', async () => {
      const patient = await ok('clinicianOfClinic', `/fhir/R4/Patient/${pid}`);
      assert.deepEqual([patient.resourceType, patient.id, patient.birthDate], ['Patient', pid, '1970']);
      assert.equal((await bundle('patient', '/fhir/R4/Patient')).total, 1);
      assert.equal((await bundle('clinicianOfClinic', `/fhir/R4/Patient?_id=${pid}`)).total, 1);
      for (const type of ['CarePlan', 'Goal']) {
        const b = await bundle('clinicianOfClinic', `/fhir/R4/${type}?patient=${pid}`);
        assert.equal(b.total, 1, type);
        const one = resourcesOf(b)[0]!;
        assert.deepEqual(await ok('clinicianOfClinic', `/fhir/R4/${type}/${one.id}`), one);
      }
      const obs = resourcesOf(await bundle('patient', '/fhir/R4/Observation?_count=1'))[0]!;
      assert.deepEqual(await ok('clinicianOfClinic', `/fhir/R4/Observation/${obs.id}`), obs);
      // $everything: the Patient, CarePlan, Goal, 5 Observations, 2 Provenance (steps by hand, check-ins) = 10.
      const everything = await bundle('clinicianOfClinic', `/fhir/R4/Patient/${pid}/$everything`);
      assert.equal(everything.total, 10);
      assert.deepEqual(
        resourcesOf(everything)
          .map((r) => r.resourceType)
          .join(),
        'Patient,CarePlan,Goal,Observation,Observation,Observation,Observation,Observation,Provenance,Provenance',
      );
      assert.deepEqual(
        everything.entry!.filter((e) => e.search.mode === 'match').map((e) => e.resource.resourceType),
        ['Patient'],
      );
    });

    test('$everything, streamed from the resources made one at a time, is byte for byte the searchset built whole from the export', async () => {
      const res = await world.as('clinicianOfClinic', { method: 'GET', url: `/fhir/R4/Patient/${pid}/$everything` });
      assert.equal(res.statusCode, 200);
      const self = (res.json() as SearchsetBundle).link[0]!.url;
      const base = self.slice(0, -`/Patient/${pid}/$everything`.length);
      const resources = (await exportFhirBundle(world.store.db, pid, { today: todayFrom(undefined) })).entry.map(
        (e) => e.resource,
      );
      const whole = searchsetBundle({
        base,
        resources,
        total: resources.length,
        self: `Patient/${pid}/$everything`,
        next: null,
        matchType: 'Patient',
      });
      assert.equal(resources.length, 10);
      assert.equal(res.body, JSON.stringify(whole));
    });

    test("Every endpoint refuses another clinic's clinician, the clinic admin and another patient with the same 404 as a missing resource; anonymous gets 401", async () => {
      const ids = Object.fromEntries(
        resourcesOf(await bundle('patient', `/fhir/R4/Patient/${pid}/$everything`)).map((r) => [r.resourceType, r.id]),
      );
      const urls = [
        `/fhir/R4/Patient/${pid}`,
        `/fhir/R4/Patient?_id=${pid}`,
        `/fhir/R4/Patient/${pid}/$everything`,
        `/fhir/R4/Observation/${ids.Observation}`,
        `/fhir/R4/Observation?patient=${pid}`,
        `/fhir/R4/CarePlan/${ids.CarePlan}`,
        `/fhir/R4/CarePlan?patient=${pid}`,
        `/fhir/R4/Goal/${ids.Goal}`,
        `/fhir/R4/Goal?subject=${pid}`,
      ];
      const missing = crypto.randomUUID();
      for (const url of urls) {
        const gone = await get(
          'clinicianOfClinic',
          url.replace(pid, missing).replace(/\/(Observation|CarePlan|Goal)\/[^/?]+$/, `/$1/${missing}`),
        );
        assert.equal(gone.status, 404, url);
        for (const who of ['clinicianOtherClinic', 'clinicAdmin', 'otherPatient'] as const) {
          const r = await get(who, url);
          assert.equal(r.status, 404, `${url} as ${who}`);
          assert.deepEqual(
            [issue(r.body).code, issue(r.body).details.coding[0]!.code],
            [issue(gone.body).code, issue(gone.body).details.coding[0]!.code],
            `${url} as ${who}: the same as a missing one`,
          );
        }
        const anon = await get('anonymous', url);
        assert.deepEqual(
          [anon.status, issue(anon.body).code, issue(anon.body).details.coding[0]!.code],
          [401, 'login', 'not_signed_in'],
          url,
        );
      }
    });

    test('Bad parameters answer 400 with an OperationOutcome naming the parameter', async () => {
      const cases: [string, string, string][] = [
        [`/fhir/R4/Observation?patient=${pid}&status=final`, 'status', 'not-supported'],
        [`/fhir/R4/Observation?patient=${pid}&date=2026-11-31`, 'date', 'invalid'],
        [`/fhir/R4/Observation?patient=${pid}&date=ne2026-11-01`, 'date', 'not-supported'],
        [`/fhir/R4/Observation?patient=${pid}&_count=0`, '_count', 'invalid'],
        [`/fhir/R4/Observation?patient=${pid}&code:text=steps`, 'code:text', 'not-supported'],
        [`/fhir/R4/Goal?patient=${pid}&_cursor=x`, '_cursor', 'invalid'],
        [`/fhir/R4/Patient/${pid}/$everything?start=2026-01-01`, 'start', 'not-supported'],
        ['/fhir/R4/metadata?foo=1', 'foo', 'not-supported'],
        ['/fhir/R4/Observation', 'patient', 'invalid'], // a clinician names the patient
      ];
      for (const [url, param, code] of cases) {
        const r = await get('clinicianOfClinic', url);
        assert.equal(r.status, 400, url);
        assert.deepEqual([issue(r.body).expression, issue(r.body).code], [[param], code], url);
        assert.ok(issue(r.body).details.text.startsWith(`${param}: `), issue(r.body).details.text);
      }
      const other = await get('patient', '/fhir/R4/Encounter');
      assert.deepEqual([other.status, issue(other.body).code], [404, 'not-supported']);
      const qrStatus = await get('patient', '/fhir/R4/QuestionnaireResponse?status=completed');
      assert.deepEqual(
        [qrStatus.status, issue(qrStatus.body).code, issue(qrStatus.body).expression],
        [400, 'not-supported', ['status']],
      );
      const qrOther = await get('patient', '/fhir/R4/QuestionnaireResponse?questionnaire=http://loinc.org/q/1');
      assert.deepEqual(
        [qrOther.status, issue(qrOther.body).code, issue(qrOther.body).expression],
        [400, 'invalid', ['questionnaire']],
      );
    });

    test("A clinician's reads are in the patient's audit log, by route pattern", async () => {
      await ok('clinicianOfClinic', `/fhir/R4/Goal?patient=${pid}`);
      const audit = (await world.as('patient', { method: 'GET', url: '/api/audit' })).json() as {
        route: string;
        action: string;
        actorRole: string;
      }[];
      const fhir = audit.filter((a) => a.route.startsWith('/fhir/R4/'));
      assert.ok(
        fhir.some((a) => a.route === '/fhir/R4/Goal' && a.action === 'read' && a.actorRole === 'clinician'),
        JSON.stringify(fhir.slice(0, 5)),
      );
      assert.ok(fhir.some((a) => a.route === '/fhir/R4/Observation/:id' && a.action === 'read'));
      assert.ok(
        fhir.some((a) => a.route === '/fhir/R4/Patient/:id' && a.action === 'refused'),
        "the other clinic's attempt",
      );
      assert.ok(
        !audit.some((a) => a.actorRole === 'patient' && a.route.startsWith('/fhir/')),
        "a patient's own reads are not audited, as elsewhere",
      );
    });

    test('Outcome measures: a QuestionnaireResponse for the PSFS (free), none for the ODI (copyrighted: its score only), searched and read by the clinician', async () => {
      const add = async (payload: object) => {
        const res = await world.as('patient', { method: 'POST', url: '/api/assessment/outcomes', payload });
        assert.equal(res.statusCode, 201, res.body);
      };
      await add({
        measure: 'psfs',
        input: {
          activities: [
            { name: 'Gardening', rating: 2 },
            { name: 'Stairs', rating: 6 },
            { name: 'Lifting', rating: 4 },
          ],
        },
        recordedAt: '2026-11-02T10:00:00Z',
        recordedBy: 'me',
      });
      await add({ measure: 'odi', input: { totalPercent: 28 }, recordedAt: '2026-11-02T10:05:00Z', recordedBy: 'me' });
      const b = await bundle('clinicianOfClinic', `/fhir/R4/QuestionnaireResponse?patient=${pid}`);
      assert.equal(b.total, 1);
      const qr = resourcesOf(b)[0]!;
      assert.equal(qr.questionnaire, 'https://footing.example/fhir/Questionnaire/psfs');
      assert.deepEqual(
        (qr.item as { item: { answer?: { valueString?: string; valueInteger?: number }[] }[] }[]).map((g) =>
          g.item.map((i) => i.answer?.[0]?.valueString ?? i.answer?.[0]?.valueInteger),
        ),
        [
          ['Gardening', 2],
          ['Stairs', 6],
          ['Lifting', 4],
        ],
      );
      assert.deepEqual(await ok('clinicianOfClinic', `/fhir/R4/QuestionnaireResponse/${qr.id}`), qr);
      // The scores: PSFS mean (2 + 6 + 4) / 3 = 4; ODI 28 %, found by its LOINC code too.
      const odi = resourcesOf(
        await bundle('clinicianOfClinic', `/fhir/R4/Observation?patient=${pid}&code=http://loinc.org|97909-6`),
      );
      assert.deepEqual(
        odi.map((o) => valueOf(o)),
        [28],
      );
      const psfs = resourcesOf(
        await bundle(
          'patient',
          '/fhir/R4/Observation?code=https://footing.example/fhir/CodeSystem/outcome-measures|psfs',
        ),
      );
      assert.deepEqual(
        psfs.map((o) => [valueOf(o), o.derivedFrom]),
        [[4, [{ reference: `QuestionnaireResponse/${qr.id}` }]]],
      );
    });

    test('Every search the CapabilityStatement declares works, and pages one resource at a time by next links to the same answer', async () => {
      // After the test above: PSFS (10:00Z) and ODI (10:05Z) on 2 Nov; here an NPRS of 3 on 3 Nov.
      assert.equal(
        (
          await world.as('patient', {
            method: 'POST',
            url: '/api/assessment/outcomes',
            payload: { measure: 'nprs', input: { value: 3 }, recordedAt: '2026-11-03T09:00:00Z', recordedBy: 'me' },
          })
        ).statusCode,
        201,
      );
      // Worked out by hand from the seeded record: 3 step days, 2 pain scores (1 Nov), the PSFS, ODI and NPRS scores;
      // QuestionnaireResponses for the two free measures only (PSFS on 2 Nov, NPRS on 3 Nov).
      const expected: Record<string, Record<string, [string, number]>> = {
        Patient: { _id: [pid, 1] },
        Observation: {
          patient: [pid, 8],
          subject: [`Patient/${pid}`, 8],
          code: ['http://loinc.org|72514-3', 2],
          date: ['ge2026-11-02', 3],
        },
        CarePlan: { patient: [pid, 1], subject: [`Patient/${pid}`, 1] },
        Goal: { patient: [pid, 1], subject: [`Patient/${pid}`, 1] },
        QuestionnaireResponse: {
          patient: [pid, 2],
          subject: [`Patient/${pid}`, 2],
          authored: ['2026-11-02', 1],
          questionnaire: ['https://footing.example/fhir/Questionnaire/nprs', 1],
        },
      };
      const cs = await ok('anonymous', '/fhir/R4/metadata');
      const declared = (cs.rest as { resource: { type: string; searchParam: { name: string }[] }[] }[])[0]!.resource;
      assert.deepEqual(
        declared.map((r) => r.type),
        Object.keys(expected),
      );
      for (const r of declared) {
        const names = r.searchParam.map((p) => p.name).filter((n) => n !== '_count');
        assert.deepEqual(names, Object.keys(expected[r.type]!), `${r.type}: every declared parameter has a case here`);
        for (const name of names) {
          const [value, total] = expected[r.type]![name]!;
          const needsPatient = name === '_id' || name === 'patient' || name === 'subject' ? '' : `patient=${pid}&`;
          const query = `${needsPatient}${name}=${encodeURIComponent(value)}`;
          const whole = await bundle('clinicianOfClinic', `/fhir/R4/${r.type}?${query}`);
          assert.equal(whole.total, total, `${r.type}?${query}`);
          assert.ok(resourcesOf(whole).every((x) => x.resourceType === r.type));
          let url: string | null = `/fhir/R4/${r.type}?${query}&_count=1`;
          const paged: string[] = [];
          while (url) {
            const page: SearchsetBundle = await bundle('clinicianOfClinic', url);
            assert.equal(page.total, total, url);
            assert.ok(resourcesOf(page).length <= 1, url);
            paged.push(...resourcesOf(page).map((x) => x.id));
            const next = page.link.find((l) => l.relation === 'next');
            url = next ? next.url.replace(/^http:\/\/localhost:80/, '') : null;
            assert.ok(paged.length <= total, `${r.type}?${query}: more pages than resources`);
          }
          assert.deepEqual(
            paged,
            resourcesOf(whole).map((x) => x.id),
            `${r.type}?${query}: the pages hold the whole answer, in order`,
          );
        }
      }
    });

    // Last: it ends the clinician's access for the tests above.
    test("Once the patient revokes the clinician's link, every read of theirs answers 404, read by id included", async () => {
      const obs = resourcesOf(await bundle('patient', '/fhir/R4/Observation?_count=1'))[0]!;
      assert.equal((await get('clinicianOfClinic', `/fhir/R4/Observation/${obs.id}`)).status, 200);
      const links = (await world.as('patient', { method: 'GET', url: '/api/care-links' })).json() as { id: string }[];
      assert.equal(links.length, 1);
      assert.equal(
        (await world.as('patient', { method: 'DELETE', url: `/api/care-links/${links[0]!.id}` })).statusCode,
        200,
      );
      for (const url of [
        `/fhir/R4/Observation/${obs.id}`,
        `/fhir/R4/Observation?patient=${pid}`,
        `/fhir/R4/Patient/${pid}`,
        `/fhir/R4/Patient/${pid}/$everything`,
      ]) {
        assert.equal((await get('clinicianOfClinic', url)).status, 404, url);
      }
      assert.equal(
        (await get('patient', `/fhir/R4/Observation/${obs.id}`)).status,
        200,
        'the patient still reads their own',
      );
    });
  });
}

test('In local mode (no accounts) the one person reads their own record without signing in', async () => {
  const { store, cleanup } = await freshStore('sqlite');
  const app = await buildApp({ store, webRoot: null, auth: TEST_AUTH });
  try {
    assert.equal(
      (
        await app.inject({
          method: 'POST',
          url: '/api/checkins',
          payload: { at: '2026-11-01T08:00:00+00:00', context: 'daily', back: 5, neck: 2 },
        })
      ).statusCode,
      201,
    );
    const res = await app.inject({ method: 'GET', url: '/fhir/R4/Observation?date=2026-11-01' });
    assert.equal(res.statusCode, 200, res.body);
    const b = res.json() as SearchsetBundle;
    assert.deepEqual([b.total, ...(b.entry ?? []).map((e) => e.resource.valueInteger).sort()], [2, 2, 5]);
    assert.deepEqual(fhirErrors(b as unknown as Json), []);
  } finally {
    await app.close();
    await cleanup();
  }
});

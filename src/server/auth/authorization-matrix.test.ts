/**
 * The authorization matrix, generated from the server's own route table: every API endpoint is called as every
 * identity (anonymous, patient, other patient, clinician of the patient's clinic with an accepted invitation,
 * clinician of another clinic, clinic admin) on SQLite and PostgreSQL, and must be allowed or refused exactly as
 * its declared access level says. A route added later is in the table automatically; a route with no level stops
 * the server (access.test.ts); a level with no rule here fails this suite.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { DATABASES, freshStore } from '../../../test/helpers/databases.js';
import { ACCESS_LEVELS, type Access } from '../access.js';
import { buildApp } from '../app.js';
import { GUARD_CODES } from './guard.js';
import type { AddressInfo } from 'node:net';
import {
  clinicApi,
  IDENTITIES,
  TEST_AUTH,
  type ClinicWorld,
  type Identity,
} from '../../../test/helpers/test-clinic.js';
import { rawRequest, type RawAnswer } from '../../../test/helpers/raw-http.js';
import { CSRF_HEADER } from './guard.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../../core/red-flags.js';
import { psfsBody } from '../../../test/helpers/assessment-bodies.js';

type Expect = 'allow' | 401 | 403 | 404;

/** The rule of each level, written from access.ts's definitions (not from the guard's code). */
const RULES: Record<Access, Record<Identity, Expect>> = {
  public: {
    anonymous: 'allow',
    patient: 'allow',
    otherPatient: 'allow',
    clinicianOfClinic: 'allow',
    clinicianOtherClinic: 'allow',
    clinicAdmin: 'allow',
  },
  self: {
    anonymous: 401,
    patient: 'allow',
    otherPatient: 'allow',
    clinicianOfClinic: 403,
    clinicianOtherClinic: 403,
    clinicAdmin: 403,
  },
  'signed-in': {
    anonymous: 401,
    patient: 'allow',
    otherPatient: 'allow',
    clinicianOfClinic: 'allow',
    clinicianOtherClinic: 'allow',
    clinicAdmin: 'allow',
  },
  clinician: {
    anonymous: 401,
    patient: 403,
    otherPatient: 403,
    clinicianOfClinic: 'allow',
    clinicianOtherClinic: 'allow',
    clinicAdmin: 'allow',
  },
  // The admin of the patient's clinic has no care link to this patient: no health data (not even whether they exist).
  'clinician-of-patient': {
    anonymous: 401,
    patient: 403,
    otherPatient: 403,
    clinicianOfClinic: 'allow',
    clinicianOtherClinic: 404,
    clinicAdmin: 404,
  },
  'clinic-admin': {
    anonymous: 401,
    patient: 403,
    otherPatient: 403,
    clinicianOfClinic: 403,
    clinicianOtherClinic: 403,
    clinicAdmin: 'allow',
  },
  // The FHIR API, called on the linked patient's resources: nobody else learns whether they exist (404).
  'patient-or-clinician': {
    anonymous: 401,
    patient: 'allow',
    otherPatient: 404,
    clinicianOfClinic: 'allow',
    clinicianOtherClinic: 404,
    clinicAdmin: 404,
  },
};

/** Ids of the linked patient's FHIR resources by type, so that a FHIR route is called on something that exists. */
type FhirIds = Record<string, string>;

/** Gives the linked patient a program, a check-in and a PSFS, and reads back the ids of their CarePlan, Goal, QuestionnaireResponse and an Observation. */
async function seedFhirRecord(world: ClinicWorld): Promise<FhirIds> {
  const answers = Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
  await world.as('patient', { method: 'POST', url: '/api/screen', payload: { answers, birthYear: 1970 } });
  await world.as('patient', {
    method: 'POST',
    url: '/api/checkins',
    payload: { at: '2026-11-01T08:00:00+00:00', context: 'daily', back: 5 },
  });
  // A PSFS (a free measure) gives a QuestionnaireResponse to read by id (issue 15).
  await world.as('patient', {
    method: 'POST',
    url: '/api/assessment/outcomes',
    payload: psfsBody('2026-11-01T09:00:00Z'),
  });
  const bundle = (await world.as('patient', { method: 'GET', url: '/api/export/fhir' })).json() as {
    entry: { resource: { resourceType: string; id: string } }[];
  };
  const ids: FhirIds = Object.fromEntries(bundle.entry.map((e) => [e.resource.resourceType, e.resource.id]).reverse());
  for (const type of ['Patient', 'Observation', 'CarePlan', 'Goal', 'QuestionnaireResponse'])
    assert.ok(ids[type], `the seeded record has a ${type}`);
  return ids;
}

/** A concrete URL for a route pattern: the linked patient for :personId, ids and tokens that name nothing. */
function concrete(url: string, personId: string, fhirIds: FhirIds = {}): string {
  if (url.startsWith('/fhir/')) {
    const type = /^\/fhir\/R4\/(\w+)/.exec(url)?.[1] ?? '';
    if (url.endsWith(':id') || url.includes(':id/'))
      url = url.replace(':id', type === 'Patient' ? personId : (fhirIds[type] ?? randomUUID()));
    else if (type !== 'metadata') url = `${url}?${type === 'Patient' ? '_id' : 'patient'}=${personId}`;
  }
  return url
    .replace(':personId', personId)
    .replace(/:(id|accountId)\b/g, randomUUID())
    .replace(':token', 'x'.repeat(43));
}

/**
 * Bodies for routes that take raw bytes rather than JSON: the gait video uploads get bytes of a video type that are
 * not a video, so an allowed call goes through the whole upload handler (type, size, ffprobe) and is answered by
 * its own 400 not_a_video, and no analysis is queued (a real video would start a pose-model job per identity).
 */
const RAW_BODIES: Record<
  string,
  { payload: Buffer; headers: Record<string, string>; allowedAnswer: { status: number; code: string } }
> = Object.fromEntries(
  ['POST /api/gait-jobs', 'POST /api/patients/:personId/gait-jobs'].map((k) => [
    k,
    {
      payload: Buffer.from('not a video\n'.repeat(20)),
      headers: { 'content-type': 'video/mp4' },
      allowedAnswer: { status: 400, code: 'not_a_video' },
    },
  ]),
);

/** The request options of a route's example call. */
function example(route: { method: string; url: string }): {
  payload?: object | Buffer;
  headers?: Record<string, string>;
} {
  const raw = RAW_BODIES[`${route.method} ${route.url}`];
  // Other bodies are empty objects: an allowed write then fails validation (400) and changes nothing.
  return raw ? { payload: raw.payload, headers: raw.headers } : route.method === 'GET' ? {} : { payload: {} };
}

/** The error code of an answer: the JSON API's error.code, or the Footing code of a FHIR OperationOutcome. */
function errorCode(body: string): unknown {
  try {
    const json = JSON.parse(body);
    return json?.resourceType === 'OperationOutcome' ? json.issue?.[0]?.details?.coding?.[0]?.code : json?.error?.code;
  } catch {
    return undefined;
  }
}

/**
 * Whether a response is a refusal (rather than a handler's own 400/404 after access was granted). A FHIR route is
 * called on resources that exist, and answers one not-found for "does not exist" and "not yours" alike (so as not to
 * tell them apart): any 401, 403 or 404 OperationOutcome there is a refusal, and an allowed call must answer 200.
 */
function refusal(res: { statusCode: number; body: string }, url = ''): number | null {
  if (![401, 403, 404].includes(res.statusCode)) return null;
  if (url.startsWith('/fhir/')) return /"resourceType":"OperationOutcome"/.test(res.body) ? res.statusCode : null;
  return (GUARD_CODES as readonly unknown[]).includes(errorCode(res.body)) ? res.statusCode : null;
}
const notAnswered = (res: { statusCode: number }, url: string) =>
  res.statusCode >= 500 || (url.startsWith('/fhir/') && res.statusCode !== 200);

test('Every access level has a rule in the matrix', () => {
  assert.deepEqual(Object.keys(RULES).sort(), [...ACCESS_LEVELS].sort());
});

for (const kind of DATABASES) {
  describe(`Authorization matrix on ${kind}`, () => {
    const world = clinicApi(kind);
    let fhirIds: FhirIds;
    before(async () => {
      fhirIds = await seedFhirRecord(world);
    });

    test('every endpoint x every identity is allowed or refused as its level declares', async () => {
      const table = world.app.accessTable;
      assert.ok(
        table.some((r) => r.access === 'clinician-of-patient') && table.some((r) => r.access === 'clinic-admin'),
        'the clinic routes are in the table',
      );
      assert.ok(
        table.some((r) => r.url === '/fhir/R4/Observation/:id' && r.access === 'patient-or-clinician'),
        'the FHIR API is in the table',
      );
      // Getting in (issue 14 item 7): a reset link is asked for and used by anyone who has it; emailing an
      // invitation is for clinicians (and the handler sends only the clinician's own pending invitation).
      for (const [method, url, level] of [
        ['GET', '/api/auth/password-reset', 'public'],
        ['POST', '/api/auth/password-reset', 'public'],
        ['GET', '/api/auth/password-reset/:token', 'public'],
        ['POST', '/api/auth/password-reset/:token', 'public'],
        ['POST', '/api/invitations/:id/email', 'clinician'],
      ]) {
        assert.ok(
          table.some((r) => r.method === method && r.url === url && r.access === level),
          `${method} ${url} is in the table as ${level}`,
        );
      }
      // Messages (issue 14): the patient's threads are their own; a clinician's list names only linked patients; a
      // thread with one patient needs the active care link. An allowed call on a clinician who is not the patient's
      // (a random account id) is answered by the handler's own 404, not the guard's. The clinician's unread total,
      // polled by the open workspace, is for clinicians only and counts only their linked patients' messages.
      const messageRoutes = table
        .filter((r) => /messages/.test(r.url))
        .map((r) => `${r.method} ${r.url} ${r.access}`)
        .sort();
      assert.deepEqual(messageRoutes, [
        'GET /api/clinician/messages clinician',
        'GET /api/clinician/messages/unread clinician',
        'GET /api/messages self',
        'GET /api/messages/:accountId self',
        'GET /api/patients/:personId/messages clinician-of-patient',
        'POST /api/messages/:accountId self',
        'POST /api/patients/:personId/messages clinician-of-patient',
      ]);
      const wrong: string[] = [];
      let calls = 0;
      for (const route of table) {
        const rule = RULES[route.access as Access];
        assert.ok(rule, `${route.method} ${route.url}: access level "${route.access}" has no rule in the matrix`);
        for (const who of IDENTITIES) {
          const url = concrete(route.url, world.accounts.patient.personId!, fhirIds);
          const res = await world.as(who, { method: route.method as 'GET', url, ...example(route) });
          calls++;
          const expected = rule[who];
          const refused = refusal(res, route.url);
          if (expected === 'allow') {
            if (refused !== null || notAnswered(res, route.url))
              wrong.push(
                `${route.method} ${route.url} as ${who}: expected allowed, got ${res.statusCode} ${res.body.slice(0, 120)}`,
              );
            const answer = RAW_BODIES[`${route.method} ${route.url}`]?.allowedAnswer;
            if (answer && (res.statusCode !== answer.status || JSON.parse(res.body)?.error?.code !== answer.code))
              wrong.push(
                `${route.method} ${route.url} as ${who}: expected the handler's ${answer.status} ${answer.code}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
              );
          } else if (refused !== expected) {
            wrong.push(
              `${route.method} ${route.url} as ${who}: expected refused ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
            );
          }
        }
      }
      assert.deepEqual(wrong, []);
      assert.equal(calls, table.length * IDENTITIES.length);
    });
  });
}

/**
 * The forms a request line's target can take for the same route (RFC 9112 §3.2). Each must be routed to the same
 * handler and meet the same access level as the plain path: an absolute-form target once reached handlers with no
 * account at all, because the guard only looked at URLs starting with /api/.
 */
const TARGET_FORMS: Record<string, (path: string) => string> = {
  'origin-form': (p) => p,
  'absolute-form': (p) => `http://footing.example${p}`,
  'absolute-form, upper-case scheme and a port': (p) => `HTTPS://Footing.Example:8443${p}`,
  'percent-encoded path': (p) => p.replace(/^\/api\//, '/%61pi/').replace(/^\/fhir\//, '/%66hir/'),
};

/** Targets that are not a path or an http(s) URL: refused before routing, whoever asks. */
const REFUSED_TARGETS = [
  '*',
  '//api/today',
  'http://footing.example//api/today',
  'ftp://footing.example/api/today',
  'http:///api/today',
  'footing.example:8080',
  'api/today',
];

const codeOf = (res: RawAnswer): unknown => errorCode(res.body);

for (const kind of DATABASES) {
  describe(`Authorization matrix over a real socket, every request-target form, on ${kind}`, () => {
    const world = clinicApi(kind);
    let fhirIds: FhirIds;
    let port: number;
    before(async () => {
      fhirIds = await seedFhirRecord(world);
      await world.app.listen({ port: 0, host: '127.0.0.1' });
      port = (world.app.server.address() as AddressInfo).port;
    });

    /** One call of a route as someone, with the path written in one form (a fresh session each time, as as() does). */
    async function call(
      who: Identity,
      method: string,
      target: string,
      route: { method: string; url: string },
    ): Promise<RawAnswer> {
      const ex = example(route);
      const headers: Record<string, string> = { ...(ex.headers ?? {}) };
      let body: string | Buffer | undefined;
      if (ex.payload !== undefined && method !== 'HEAD') {
        body = Buffer.isBuffer(ex.payload) ? ex.payload : JSON.stringify(ex.payload);
        headers['content-type'] ??= 'application/json';
      }
      if (who !== 'anonymous') {
        const s = await world.session(world.accounts[who]);
        headers.cookie = s.cookie;
        headers[CSRF_HEADER] = s.csrf;
      }
      return rawRequest(port, { method, target, headers, ...(body !== undefined ? { body } : {}) });
    }

    test('every endpoint x every identity x every target form is answered as the plain path is, by the declared level', async () => {
      const wrong: string[] = [];
      let calls = 0;
      for (const route of world.app.accessTable) {
        const rule = RULES[route.access as Access];
        const path = concrete(route.url, world.accounts.patient.personId!, fhirIds);
        for (const who of IDENTITIES) {
          const expected = rule[who];
          const methods = route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];
          for (const method of methods) {
            let plain: RawAnswer | null = null;
            for (const [form, write] of Object.entries(TARGET_FORMS)) {
              const res = await call(who, method, write(path), route);
              calls++;
              plain ??= res;
              const where = `${method} ${route.url} as ${who}, ${form}`;
              if (res.statusCode >= 500) {
                wrong.push(`${where}: ${res.statusCode} ${res.body.slice(0, 120)}`);
                continue;
              }
              // HEAD answers carry no body, so only the status can be compared; GET and writes compare the error code.
              if (method !== 'HEAD') {
                const refused = refusal(res, route.url);
                if (expected === 'allow' ? refused !== null || notAnswered(res, route.url) : refused !== expected)
                  wrong.push(
                    `${where}: expected ${expected === 'allow' ? 'allowed' : `refused ${expected}`}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
                  );
                if (codeOf(res) !== codeOf(plain))
                  wrong.push(
                    `${where}: answered ${res.statusCode} ${String(codeOf(res))}, the plain path ${plain.statusCode} ${String(codeOf(plain))}`,
                  );
              } else if (expected !== 'allow' && res.statusCode !== expected) {
                wrong.push(`${where}: expected ${expected}, got ${res.statusCode}`);
              }
              if (res.statusCode !== plain.statusCode)
                wrong.push(`${where}: status ${res.statusCode}, the plain path ${plain.statusCode}`);
            }
          }
        }
      }
      assert.deepEqual(wrong, []);
      const getRoutes = world.app.accessTable.filter((r) => r.method === 'GET').length;
      assert.equal(
        calls,
        (world.app.accessTable.length + getRoutes) * IDENTITIES.length * Object.keys(TARGET_FORMS).length,
      );
    });

    test('a target that is not a path or an http(s) URL is refused with 400 before any handler, signed in or not', async () => {
      const wrong: string[] = [];
      for (const target of REFUSED_TARGETS) {
        for (const who of ['anonymous', 'patient', 'clinicianOfClinic'] as const) {
          const res = await call(who, 'GET', target, { method: 'GET', url: '/api/today' });
          if (res.statusCode !== 400 || codeOf(res) !== 'bad_request_target')
            wrong.push(`${target} as ${who}: ${res.statusCode} ${res.body.slice(0, 120)}`);
          else if (!/request target/.test(JSON.parse(res.body).error.message))
            wrong.push(`${target}: message does not say what was wrong: ${res.body}`);
        }
      }
      assert.deepEqual(wrong, []);
    });
  });
}

describe('Authorization in local mode (no accounts)', () => {
  test('public and self routes answer without sign-in; account, clinician and admin routes are refused', async () => {
    const { store, cleanup } = await freshStore('sqlite');
    const app = await buildApp({ store, webRoot: null, auth: TEST_AUTH });
    try {
      const wrong: string[] = [];
      for (const route of app.accessTable) {
        const res = await app.inject({
          method: route.method as 'GET',
          url: concrete(route.url, randomUUID()),
          ...example(route),
        });
        const refused = refusal(res);
        const expectAllowed =
          route.access === 'public' || route.access === 'self' || route.access === 'patient-or-clinician';
        if (expectAllowed ? refused !== null || res.statusCode >= 500 : refused !== 403)
          wrong.push(`${route.method} ${route.url} (${route.access}): ${res.statusCode} ${res.body.slice(0, 100)}`);
      }
      assert.deepEqual(wrong, []);
    } finally {
      await app.close();
      await cleanup();
    }
  });
});

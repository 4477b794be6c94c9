/**
 * Accounts over HTTP on both databases: local mode until an account exists, sign-in with hashed sessions and
 * cookie attributes, lock-out, CSRF, sign-out (here and everywhere), invitations and consent (revoke ends access at
 * once), the clinician's program change the patient sees, the audit log, and deleting an account with its data.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../../core/red-flags.js';
import { DATABASES, freshStore } from '../../../test/helpers/databases.js';
import type { Store } from '../../store/db.js';
import { buildApp } from '../app.js';
import { SESSION_COOKIE } from './cookies.js';
import { CSRF_HEADER } from './guard.js';
import {
  clinicWorld,
  makeAccount,
  TEST_AUTH,
  TEST_PASSWORD,
  type ClinicWorld,
} from '../../../test/helpers/test-clinic.js';

const allNo = () => Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
const hex256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The session cookie's value and attributes from a response's Set-Cookie. */
function sessionCookie(res: { headers: Record<string, unknown> }): { value: string; attrs: string[] } | null {
  const raw = [res.headers['set-cookie']]
    .flat()
    .find((c) => typeof c === 'string' && c.startsWith(`${SESSION_COOKIE}=`)) as string | undefined;
  if (!raw) return null;
  const [pair, ...attrs] = raw.split(';').map((s) => s.trim());
  return { value: pair!.slice(SESSION_COOKIE.length + 1), attrs };
}

for (const kind of DATABASES) {
  describe(`Accounts over HTTP on ${kind}`, () => {
    let store: Store;
    let world: ClinicWorld;
    let cleanup: () => Promise<void>;
    before(async () => {
      const fresh = await freshStore(kind);
      store = fresh.store;
      cleanup = fresh.cleanup;
      // Local mode first: the same store gets accounts in the next test.
      const local = await buildApp({ store, webRoot: null, auth: TEST_AUTH });
      const mode = await local.inject({ method: 'GET', url: '/api/auth/mode' });
      assert.deepEqual(mode.json(), { mode: 'local', signedIn: false, role: null });
      assert.equal((await local.inject({ method: 'GET', url: '/api/today?date=2026-11-02' })).statusCode, 200);
      await local.close();
      world = await clinicWorld(store);
    });
    after(async () => {
      await world.app.close();
      await cleanup();
    });
    const inject = (o: InjectOptions) => world.app.inject(o);

    test('Once an account exists, health data needs a session and the mode says accounts', async () => {
      assert.equal((await inject({ method: 'GET', url: '/api/today' })).statusCode, 401);
      assert.deepEqual((await inject({ method: 'GET', url: '/api/auth/mode' })).json(), {
        mode: 'accounts',
        signedIn: false,
        role: null,
      });
    });

    test('Sign-in sets an HTTP-only SameSite=Lax cookie whose token is stored only as its hash', async () => {
      const res = await inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: ' PAT@example.org ', password: TEST_PASSWORD },
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().role, 'patient');
      const c = sessionCookie(res)!;
      assert.ok(c.value.length >= 40);
      assert.ok(c.attrs.includes('HttpOnly') && c.attrs.includes('SameSite=Lax') && c.attrs.includes('Path=/'));
      assert.ok(!c.attrs.includes('Secure'), 'plain http (local network) keeps a usable cookie');
      const rows = await store.db.selectFrom('auth_sessions').select('token_hash').execute();
      assert.ok(rows.some((r) => r.token_hash === hex256(c.value)));
      assert.ok(!rows.some((r) => r.token_hash === c.value));
      const mode = (
        await inject({ method: 'GET', url: '/api/auth/mode', headers: { cookie: `${SESSION_COOKIE}=${c.value}` } })
      ).json();
      assert.equal(mode.signedIn, true);
      assert.equal(mode.csrfToken, res.json().csrfToken);
    });

    test('Behind an https proxy the cookie is Secure', async () => {
      const app = await buildApp({ store, webRoot: null, auth: TEST_AUTH, trustProxy: true });
      try {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          headers: { 'x-forwarded-proto': 'https' },
          payload: { email: 'pat@example.org', password: TEST_PASSWORD },
        });
        assert.ok(sessionCookie(res)!.attrs.includes('Secure'));
      } finally {
        await app.close();
      }
    });

    test('A wrong password and an unknown email get the same answer; five failures lock the email for 15 minutes, known or not', async () => {
      await makeAccount(store, { email: 'lock@example.org', role: 'patient' });
      const attempt = (email: string, password = 'not the password') =>
        inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
      const known = await attempt('lock@example.org');
      const unknown = await attempt('nobody@example.org');
      assert.equal(known.statusCode, 401);
      assert.deepEqual(known.json(), unknown.json());
      for (let i = 0; i < 3; i++) {
        await attempt('lock@example.org');
        await attempt('nobody@example.org');
      }
      const fifthKnown = await attempt('lock@example.org');
      const fifthUnknown = await attempt('nobody@example.org');
      assert.equal(fifthKnown.statusCode, 429);
      assert.deepEqual(fifthKnown.json(), fifthUnknown.json());
      assert.match(fifthKnown.json().error.message, /15 minutes/);
      // Locked: even the right password is refused, and no session is made.
      const right = await attempt('lock@example.org', TEST_PASSWORD);
      assert.equal(right.statusCode, 429);
      assert.equal(sessionCookie(right), null);
      // The lock is in the database (shared by every server process): once it has passed, the right password works.
      await store.db
        .updateTable('sign_in_throttle')
        .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
        .execute();
      assert.equal((await attempt('lock@example.org', TEST_PASSWORD)).statusCode, 200);
    });

    test('Sign-in is also limited per client address, whatever the email', async () => {
      const app = await buildApp({ store, webRoot: null, auth: { ...TEST_AUTH, signInPerMinute: 3 } });
      try {
        const codes = [];
        for (const email of ['a1@example.org', 'a2@example.org', 'a3@example.org', 'a4@example.org'])
          codes.push(
            (await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: 'whatever1' } }))
              .statusCode,
          );
        assert.deepEqual(codes, [401, 401, 401, 429]);
      } finally {
        await app.close();
      }
    });

    test('An expired invitation cannot be used, by sign-up or by a signed-in patient', async () => {
      const invite = (
        await world.as('clinicianOfClinic', { method: 'POST', url: '/api/invitations', payload: {} })
      ).json();
      await store.db
        .updateTable('care_links')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', invite.id)
        .execute();
      assert.equal((await inject({ method: 'GET', url: `/api/invitations/${invite.token}` })).json().status, 'expired');
      assert.equal(
        (
          await inject({
            method: 'POST',
            url: `/api/invitations/${invite.token}/sign-up`,
            payload: { email: 'late@example.org', password: 'a good password', displayName: 'Late' },
          })
        ).statusCode,
        404,
      );
      const accept = await world.as('otherPatient', { method: 'POST', url: `/api/invitations/${invite.token}/accept` });
      assert.equal(accept.statusCode, 410);
      assert.equal(
        (
          await world.as('clinicianOfClinic', {
            method: 'GET',
            url: `/api/patients/${world.accounts.otherPatient.personId}/today`,
          })
        ).statusCode,
        404,
      );
    });

    test('A cookie-authenticated write without the CSRF token, or with a wrong one, is refused and stores nothing', async () => {
      const checkin = { at: '2026-11-02T08:00:00+01:00', context: 'daily', back: 3 };
      const none = await world.as('patient', { method: 'POST', url: '/api/checkins', payload: checkin, csrf: false });
      assert.equal(none.statusCode, 403);
      assert.equal(none.json().error.code, 'csrf_failed');
      const s = await world.session(world.accounts.patient);
      const wrong = await inject({
        method: 'POST',
        url: '/api/checkins',
        payload: checkin,
        headers: { cookie: s.cookie, [CSRF_HEADER]: `${s.csrf.slice(0, -1)}${s.csrf.endsWith('A') ? 'B' : 'A'}` },
      });
      assert.equal(wrong.statusCode, 403);
      assert.equal((await world.as('patient', { method: 'GET', url: '/api/checkins' })).json().length, 0);
      const ok = await inject({
        method: 'POST',
        url: '/api/checkins',
        payload: checkin,
        headers: { cookie: s.cookie, [CSRF_HEADER]: s.csrf },
      });
      assert.equal(ok.statusCode, 201);
      // Another session's token does not do either.
      const other = await world.session(world.accounts.patient);
      assert.equal(
        (
          await inject({
            method: 'POST',
            url: '/api/checkins',
            payload: checkin,
            headers: { cookie: s.cookie, [CSRF_HEADER]: other.csrf },
          })
        ).statusCode,
        403,
      );
    });

    test('Sign-out ends this session; sign-out everywhere ends every session of the account', async () => {
      const a = await world.session(world.accounts.otherPatient);
      const b = await world.session(world.accounts.otherPatient);
      const out = await inject({
        method: 'POST',
        url: '/api/auth/sign-out',
        headers: { cookie: a.cookie, [CSRF_HEADER]: a.csrf },
      });
      assert.equal(out.statusCode, 200);
      assert.equal(sessionCookie(out)!.value, '');
      assert.equal((await inject({ method: 'GET', url: '/api/today', headers: { cookie: a.cookie } })).statusCode, 401);
      assert.equal((await inject({ method: 'GET', url: '/api/today', headers: { cookie: b.cookie } })).statusCode, 200);
      const c = await world.session(world.accounts.otherPatient);
      const before = await store.db
        .selectFrom('auth_sessions')
        .select('token_hash')
        .where('account_id', '=', world.accounts.otherPatient.id)
        .execute();
      assert.ok(before.length >= 2);
      const all = await inject({
        method: 'POST',
        url: '/api/auth/sign-out-everywhere',
        headers: { cookie: c.cookie, [CSRF_HEADER]: c.csrf },
      });
      assert.equal(all.json().sessionsEnded, before.length);
      assert.equal(
        (
          await store.db
            .selectFrom('auth_sessions')
            .select('token_hash')
            .where('account_id', '=', world.accounts.otherPatient.id)
            .execute()
        ).length,
        0,
      );
      for (const s of [b, c])
        assert.equal(
          (await inject({ method: 'GET', url: '/api/today', headers: { cookie: s.cookie } })).statusCode,
          401,
        );
    });

    test('An expired session is refused', async () => {
      const s = await world.session(world.accounts.otherPatient);
      await store.db
        .updateTable('auth_sessions')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('token_hash', '=', hex256(s.token))
        .execute();
      assert.equal((await inject({ method: 'GET', url: '/api/today', headers: { cookie: s.cookie } })).statusCode, 401);
    });

    test('Invite, sign up from the link, the clinician reads and adjusts; revoking ends access at once; the audit log shows it', async () => {
      const invite = await world.as('clinicianOfClinic', {
        method: 'POST',
        url: '/api/invitations',
        payload: { label: 'new patient' },
      });
      assert.equal(invite.statusCode, 201);
      const token = invite.json().token as string;
      const stored = await store.db
        .selectFrom('care_links')
        .select('token_hash')
        .where('id', '=', invite.json().id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.token_hash, hex256(token));
      const info = (await inject({ method: 'GET', url: `/api/invitations/${token}` })).json();
      assert.deepEqual(
        { clinic: info.clinicName, by: info.clinicianName, status: info.status },
        { clinic: 'Clinic A', by: 'Dr A', status: 'pending' },
      );

      const signUp = await inject({
        method: 'POST',
        url: `/api/invitations/${token}/sign-up`,
        payload: { email: 'nina@example.org', password: 'a good password', displayName: 'Nina' },
      });
      assert.equal(signUp.statusCode, 201);
      const nina = {
        cookie: `${SESSION_COOKIE}=${sessionCookie(signUp)!.value}`,
        csrf: signUp.json().csrfToken as string,
      };
      const ninaPerson = (
        await store.db
          .selectFrom('accounts')
          .select('person_id')
          .where('email', '=', 'nina@example.org')
          .executeTakeFirstOrThrow()
      ).person_id!;
      // The link works once.
      assert.equal(
        (
          await inject({
            method: 'POST',
            url: `/api/invitations/${token}/sign-up`,
            payload: { email: 'x@example.org', password: 'a good password', displayName: 'X' },
          })
        ).statusCode,
        404,
      );

      const asNina = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
        inject({
          method,
          url,
          headers: { cookie: nina.cookie, [CSRF_HEADER]: nina.csrf },
          ...(payload ? { payload } : {}),
        });
      assert.equal((await asNina('POST', '/api/screen?date=2026-11-02', { answers: allNo() })).statusCode, 201);

      const list = (await world.as('clinicianOfClinic', { method: 'GET', url: '/api/patients' })).json().patients;
      assert.deepEqual(list.map((p: { displayName: string }) => p.displayName).sort(), ['Nina', 'Pat']);
      const ninaLine = list.find((p: { displayName: string }) => p.displayName === 'Nina');
      assert.deepEqual(
        [ninaLine.program.stage, ninaLine.redFlag, ninaLine.lastCheckin, ninaLine.lastSessionDate],
        [1, false, null, null],
      );
      const today = await world.as('clinicianOfClinic', {
        method: 'GET',
        url: `/api/patients/${ninaPerson}/today?date=2026-11-02`,
      });
      assert.equal(today.statusCode, 200);
      assert.equal(today.json().plan.stage.number, 1);

      const adjust = await world.as('clinicianOfClinic', {
        method: 'PUT',
        url: `/api/patients/${ninaPerson}/program?date=2026-11-03`,
        payload: { stage: 2, reason: 'Your walking is steady; add the toe lift.' },
      });
      assert.equal(adjust.statusCode, 200);
      const progress = (await asNina('GET', '/api/progress?date=2026-11-03')).json();
      assert.equal(progress.stage.number, 2);
      const last = progress.events.at(-1);
      assert.deepEqual([last.actor, last.action, last.fromStage, last.toStage], ['clinician', 'progress', 1, 2]);
      assert.match(last.reasons[0].text, /Dr A .*stage 2.*add the toe lift/);

      // Another clinic's clinician and this clinic's admin see nothing of Nina.
      assert.equal(
        (await world.as('clinicianOtherClinic', { method: 'GET', url: `/api/patients/${ninaPerson}/today` }))
          .statusCode,
        404,
      );
      assert.equal(
        (await world.as('clinicAdmin', { method: 'GET', url: `/api/patients/${ninaPerson}/checkins` })).statusCode,
        404,
      );

      const links = (await asNina('GET', '/api/care-links')).json();
      assert.equal(links.length, 1);
      assert.equal(links[0].status, 'active');
      assert.equal((await asNina('DELETE', `/api/care-links/${links[0].id}`)).statusCode, 200);
      // At once: the very next request is refused, and Nina is gone from the list.
      assert.equal(
        (await world.as('clinicianOfClinic', { method: 'GET', url: `/api/patients/${ninaPerson}/today` })).statusCode,
        404,
      );
      assert.deepEqual(
        (await world.as('clinicianOfClinic', { method: 'GET', url: '/api/patients' }))
          .json()
          .patients.map((p: { displayName: string }) => p.displayName),
        ['Pat'],
      );

      const audit = (await asNina('GET', '/api/audit')).json() as {
        route: string;
        action: string;
        actorName: string | null;
        actorRole: string;
      }[];
      const byDrA = audit.filter((e) => e.actorName === 'Dr A').map((e) => `${e.action} ${e.route}`);
      assert.ok(byDrA.includes('read /api/patients/:personId/today'));
      assert.ok(byDrA.includes('write /api/patients/:personId/program'));
      assert.ok(byDrA.includes('read /api/patients'));
      assert.ok(audit.some((e) => e.actorRole === 'patient' && e.route === '/api/screen' && e.action === 'write'));
      // Refused attempts are recorded as refused, never as a read: Dr B (another clinic) and the clinic's admin (no
      // care link) got 404, and so did Dr A once Nina had revoked the link.
      const byOthers = audit
        .filter((e) => e.actorName === 'Dr B' || e.actorName === 'Admin A')
        .map((e) => `${e.actorName} ${e.action} ${e.route}`)
        .sort();
      assert.deepEqual(byOthers, [
        'Admin A refused /api/patients/:personId/checkins',
        'Dr B refused /api/patients/:personId/today',
      ]);
      assert.equal(
        byDrA.filter((e) => e === 'refused /api/patients/:personId/today').length,
        1,
        'the read after revoking is recorded as refused',
      );
      assert.ok(
        audit.every((e) => !e.route.includes(ninaPerson)),
        'route patterns, never URLs',
      );
    });

    test('The audit log is append-only in the database itself', async () => {
      await assert.rejects(sql`UPDATE audit_log SET action = 'read'`.execute(store.db), /append-only/);
      await assert.rejects(sql`DELETE FROM audit_log`.execute(store.db), /append-only/);
    });

    test('The clinic admin adds and removes a clinician; the removed clinician is signed out at once', async () => {
      const add = await world.as('clinicAdmin', {
        method: 'POST',
        url: '/api/clinic/clinicians',
        payload: { email: 'dr.c@example.org', displayName: 'Dr C', password: 'long enough pw' },
      });
      assert.equal(add.statusCode, 201);
      const staff = (await world.as('clinicAdmin', { method: 'GET', url: '/api/clinic' }))
        .json()
        .staff.map((s: { email: string }) => s.email);
      assert.deepEqual(staff, ['admin.a@example.org', 'dr.a@example.org', 'dr.c@example.org']);
      const signIn = await inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'dr.c@example.org', password: 'long enough pw' },
      });
      const cookie = `${SESSION_COOKIE}=${sessionCookie(signIn)!.value}`;
      assert.equal((await inject({ method: 'GET', url: '/api/patients', headers: { cookie } })).statusCode, 200);
      assert.equal(
        (await world.as('clinicAdmin', { method: 'DELETE', url: `/api/clinic/clinicians/${add.json().id}` }))
          .statusCode,
        200,
      );
      assert.equal((await inject({ method: 'GET', url: '/api/patients', headers: { cookie } })).statusCode, 401);
      // Another clinic's clinician cannot be removed from here.
      assert.equal(
        (
          await world.as('clinicAdmin', {
            method: 'DELETE',
            url: `/api/clinic/clinicians/${world.accounts.clinicianOtherClinic.id}`,
          })
        ).statusCode,
        404,
      );
    });

    test('Deleting the account needs the password, then removes the person and every record of their data', async () => {
      const pat = world.accounts.patient;
      assert.equal(
        (
          await world.as('patient', {
            method: 'POST',
            url: '/api/screen?date=2026-11-02',
            payload: { answers: allNo() },
          })
        ).statusCode,
        201,
      );
      assert.equal(
        (
          await world.as('patient', {
            method: 'PUT',
            url: '/api/walking/manual',
            payload: { date: '2026-11-01', steps: 4000 },
          })
        ).statusCode,
        200,
      );
      const exported = (await world.as('patient', { method: 'GET', url: '/api/export' })).json();
      assert.equal(exported.person.id, pat.personId);
      assert.equal(exported.checkins.length, 1);
      const wrong = await world.as('patient', {
        method: 'DELETE',
        url: '/api/account',
        payload: { password: 'nope nope' },
      });
      assert.equal(wrong.statusCode, 403);
      assert.equal((await world.as('patient', { method: 'GET', url: '/api/today' })).statusCode, 200);
      const del = await world.as('patient', {
        method: 'DELETE',
        url: '/api/account',
        payload: { password: TEST_PASSWORD },
      });
      assert.equal(del.statusCode, 200);
      for (const t of [
        'screens',
        'programs',
        'program_events',
        'checkins',
        'walking_sample_chunks',
        'walking_days',
        'care_links',
      ] as const) {
        const n = await store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('person_id', '=', pat.personId!)
          .executeTakeFirstOrThrow();
        assert.equal(Number(n.n), 0, t);
      }
      assert.equal(
        await store.db.selectFrom('people').select('id').where('id', '=', pat.personId!).executeTakeFirst(),
        undefined,
      );
      assert.equal(
        await store.db
          .selectFrom('auth_sessions')
          .select('token_hash')
          .where('account_id', '=', pat.id)
          .executeTakeFirst(),
        undefined,
      );
      assert.equal(
        (
          await inject({
            method: 'POST',
            url: '/api/auth/sign-in',
            payload: { email: pat.email, password: TEST_PASSWORD },
          })
        ).statusCode,
        401,
      );
      // The clinician loses the patient too.
      assert.deepEqual((await world.as('clinicianOfClinic', { method: 'GET', url: '/api/patients' })).json(), {
        patients: [],
        total: 0,
        page: 1,
        pageSize: 50,
      });
    });
  });
}

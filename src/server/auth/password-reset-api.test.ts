/**
 * A forgotten password reset by an emailed one-time link (issue 14 item 7), against a real SMTP server on 127.0.0.1
 * (smtp-server, with a user name and password) whose mails are parsed with mailparser, on both databases: the mail
 * arrives with the right link; the link works once and ends the old sign-ins; a used or expired link is refused with
 * a plain message; an unknown email gets the same answer and no mail; requests are limited per email and per client.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { ParsedMail } from 'mailparser';
import { DATABASES, freshStore } from '../../../test/helpers/databases.js';
import { startSmtpSink, type SmtpSink } from '../../../test/helpers/smtp-sink.js';
import { makeAccount, TEST_AUTH, TEST_PASSWORD } from '../../../test/helpers/test-clinic.js';
import type { Store } from '../../store/db.js';
import { buildApp } from '../app.js';
import { authConfig } from './auth-config.js';
import { SESSION_COOKIE } from './cookies.js';
import { startSession } from './sign-in.js';

const PUBLIC_URL = 'https://footing.feetfirst.example';
const FROM = 'Feet First Physio <footing@feetfirst.example>';
const hex256 = (s: string) => createHash('sha256').update(s).digest('hex');
const LINK = /^https:\/\/footing\.feetfirst\.example\/reset-password\/([A-Za-z0-9_-]{43})$/m;

/** The token of the reset link in a mail, after checking that the text and the HTML carry the same link. */
function linkIn(mail: ParsedMail): string {
  const m = LINK.exec(mail.text ?? '');
  assert.ok(m, `a reset link on a line of its own in: ${mail.text}`);
  assert.ok(String(mail.html).includes(`href="${m[0]}"`), 'the HTML part links to the same address');
  return m[1]!;
}

for (const kind of DATABASES) {
  describe(`Password reset by email on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let smtp: SmtpSink;
    let app: FastifyInstance;
    const inject = (o: InjectOptions) => app.inject(o);
    const ask = (email: string, remoteAddress = '127.0.0.1') =>
      inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email }, remoteAddress });
    const signIn = (email: string, password: string) =>
      inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });

    before(async () => {
      ({ store, cleanup } = await freshStore(kind));
      smtp = await startSmtpSink();
      app = await buildApp({
        store,
        webRoot: null,
        auth: { ...TEST_AUTH, resetsPerClientPerHour: 100 },
        mail: { publicUrl: PUBLIC_URL, smtp: { url: smtp.url, from: FROM } },
      });
      await makeAccount(store, { email: 'pat@example.org', role: 'patient', displayName: 'Pat' });
    });
    after(async () => {
      await app.close();
      await smtp.close();
      await cleanup();
    });

    test('the mail arrives with the link; the link works once, ends every sign-in, and a used link is refused plainly', async () => {
      const s = await startSession(
        store.db,
        (
          await store.db
            .selectFrom('accounts')
            .select('id')
            .where('email', '=', 'pat@example.org')
            .executeTakeFirstOrThrow()
        ).id,
        authConfig(TEST_AUTH),
      );
      assert.deepEqual((await inject({ method: 'GET', url: '/api/auth/password-reset' })).json(), {
        available: true,
        minutes: 60,
      });

      const asked = await ask(' PAT@Example.org ');
      assert.equal(asked.statusCode, 202);
      assert.match(asked.json().message, /pat@example\.org.*once, within 60 minutes/);
      const mail = await smtp.next();
      assert.equal(mail.subject, 'Reset your Footing password');
      assert.deepEqual(
        [mail.from?.text, (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text],
        [FROM.replace('Feet First Physio', '"Feet First Physio"'), 'pat@example.org'],
      );
      const token = linkIn(mail);
      const rows = await store.db.selectFrom('password_resets').selectAll().execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.token_hash, hex256(token), 'only the hash of the token is stored');
      const minutesLeft = (Date.parse(rows[0]!.expires_at) - Date.now()) / 60_000;
      assert.ok(minutesLeft > 59 && minutesLeft <= 60, `expires in 60 minutes (${minutesLeft})`);

      assert.equal((await inject({ method: 'GET', url: `/api/auth/password-reset/${token}` })).statusCode, 200);
      // A bad new password is refused at its field and the link still works.
      const short = await inject({
        method: 'POST',
        url: `/api/auth/password-reset/${token}`,
        payload: { password: 'short' },
      });
      assert.equal(short.statusCode, 400);
      assert.deepEqual(
        [short.json().error.field, short.json().error.message],
        ['body.password', 'body.password: must be at least 8 characters'],
      );
      const done = await inject({
        method: 'POST',
        url: `/api/auth/password-reset/${token}`,
        payload: { password: 'a brand new password' },
      });
      assert.equal(done.statusCode, 200);
      assert.deepEqual(done.json(), { reset: true, email: 'pat@example.org' });

      assert.equal(
        (await signIn('pat@example.org', TEST_PASSWORD)).statusCode,
        401,
        'the old password no longer works',
      );
      assert.equal((await signIn('pat@example.org', 'a brand new password')).statusCode, 200);
      assert.equal(
        (await inject({ method: 'GET', url: '/api/today', headers: { cookie: `${SESSION_COOKIE}=${s.token}` } }))
          .statusCode,
        401,
        'the sign-in from before the reset is ended',
      );

      for (const method of ['GET', 'POST'] as const) {
        const again = await inject({
          method,
          url: `/api/auth/password-reset/${token}`,
          ...(method === 'POST' ? { payload: { password: 'yet another password' } } : {}),
        });
        assert.equal(again.statusCode, 410);
        assert.deepEqual(again.json().error, {
          code: 'reset_link_used',
          message:
            'This password reset link has already been used: each link works once. Ask for a new one from the sign-in page (Forgotten your password?).',
        });
      }
      assert.equal(
        (await signIn('pat@example.org', 'a brand new password')).statusCode,
        200,
        'the refused second use changed nothing',
      );
      const unknown = await inject({ method: 'GET', url: `/api/auth/password-reset/${'x'.repeat(43)}` });
      assert.deepEqual([unknown.statusCode, unknown.json().error.code], [404, 'not_found']);
    });

    test('an expired link is refused plainly; using one link voids the others', async () => {
      assert.equal((await ask('pat@example.org')).statusCode, 202);
      const first = linkIn(await smtp.next());
      // Asked from a Spanish screen: the answer in Spanish, written here by hand (the same for any email).
      const askedEs = await inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { email: 'pat@example.org' },
        headers: { 'accept-language': 'es' },
      });
      assert.deepEqual(
        [askedEs.statusCode, askedEs.json().message],
        [
          202,
          'Si hay una cuenta con el correo pat@example.org, le llega un enlace para elegir una contraseña nueva. Sirve una vez, durante 60 minutos. ¿No ha llegado nada? Mira en la carpeta de correo no deseado o pregunta a tu clínica.',
        ],
      );
      const second = linkIn(await smtp.next());
      assert.notEqual(first, second);
      await store.db
        .updateTable('password_resets')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('token_hash', '=', hex256(second))
        .execute();
      const expired = await inject({
        method: 'POST',
        url: `/api/auth/password-reset/${second}`,
        payload: { password: 'expired link password' },
      });
      assert.equal(expired.statusCode, 410);
      assert.deepEqual(expired.json().error, {
        code: 'reset_link_expired',
        message:
          'This password reset link has expired: links work for 60 minutes. Ask for a new one from the sign-in page (Forgotten your password?).',
      });
      assert.equal((await signIn('pat@example.org', 'expired link password')).statusCode, 401, 'nothing changed');
      const expiredEs = await inject({
        method: 'POST',
        url: `/api/auth/password-reset/${second}`,
        payload: { password: 'expired link password' },
        headers: { 'accept-language': 'es-ES' },
      });
      assert.equal(
        expiredEs.json().error.message,
        'Este enlace para cambiar la contraseña ha caducado: los enlaces sirven durante 60 minutos. Pide uno nuevo desde la página de inicio de sesión (¿Olvidaste tu contraseña?).',
      );

      assert.equal(
        (
          await inject({
            method: 'POST',
            url: `/api/auth/password-reset/${first}`,
            payload: { password: 'from the first link' },
          })
        ).statusCode,
        200,
      );
      assert.equal(
        (await store.db.selectFrom('password_resets').select('token_hash').where('used_at', 'is', null).execute())
          .length,
        0,
        'no unused link is left',
      );
    });

    test('an email with no account gets the same answer and no mail; requests are limited per email and per client', async () => {
      await makeAccount(store, { email: 'ann@example.org', role: 'clinician', displayName: 'Ann' });
      const before = smtp.received;
      const nobody = await ask('nobody@example.org');
      const ann = await ask('ann@example.org');
      assert.deepEqual(
        [nobody.statusCode, nobody.json().message.replace('nobody@', 'X@')],
        [ann.statusCode, ann.json().message.replace('ann@', 'X@')],
      );
      const mail = await smtp.next();
      assert.equal(
        (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text,
        'ann@example.org',
        'the only mail is for the account',
      );

      // Three an hour per email (two more here), whether or not it has an account: the fourth is refused alike.
      for (const email of ['nobody@example.org', 'ann@example.org']) {
        assert.equal((await ask(email)).statusCode, 202);
        assert.equal((await ask(email)).statusCode, 202);
      }
      await smtp.next();
      await smtp.next();
      const [n4, a4] = [await ask('nobody@example.org'), await ask('ann@example.org')];
      assert.deepEqual([n4.statusCode, a4.statusCode], [429, 429]);
      assert.deepEqual(n4.json(), a4.json());
      assert.match(a4.json().error.message, /^Too many password reset links .* Wait (59|60) minutes and try again\.$/);
      await app.mail.idle();
      assert.equal(smtp.received - before, 3, 'mail went to the account only, three times');

      // Per client address: a low limit for one address; another address is not held back by it.
      const limited = await buildApp({
        store,
        webRoot: null,
        auth: { ...TEST_AUTH, resetsPerClientPerHour: 2 },
        mail: { publicUrl: PUBLIC_URL, smtp: { url: smtp.url, from: FROM } },
      });
      try {
        const codes = [];
        for (const email of ['c1@example.org', 'c2@example.org', 'c3@example.org'])
          codes.push(
            (
              await limited.inject({
                method: 'POST',
                url: '/api/auth/password-reset',
                payload: { email },
                remoteAddress: '192.0.2.7',
              })
            ).statusCode,
          );
        codes.push(
          (
            await limited.inject({
              method: 'POST',
              url: '/api/auth/password-reset',
              payload: { email: 'c3@example.org' },
              remoteAddress: '192.0.2.8',
            })
          ).statusCode,
        );
        assert.deepEqual(codes, [202, 202, 429, 202]);
      } finally {
        await limited.close();
      }
    });

    test('a known and an unknown email get identical answers: status, headers and body, and nothing is stored before the answer', async () => {
      await makeAccount(store, { email: 'kim@example.org', role: 'patient', displayName: 'Kim' });
      // What the route hands to after the answer (the account's lookup, the link, the mail) is held here until the
      // database has been read once the answers are in: left to run on the event loop's next turn, it raced that read
      // (on PostgreSQL under load the link was sometimes stored first).
      const held: (() => void)[] = [];
      const afterAnswer = app.mail.afterAnswer;
      app.mail.afterAnswer = (work, log, what) => {
        held.push(() => afterAnswer(work, log, what));
      };
      let known, unknown, storedAtAnswer;
      try {
        // Two emails of one length, each from its own address (so each starts the per-minute count afresh).
        known = await ask('kim@example.org', '192.0.2.21');
        unknown = await ask('kip@example.org', '192.0.2.22');
        storedAtAnswer = (
          await store.db
            .selectFrom('password_resets')
            .innerJoin('accounts', 'accounts.id', 'password_resets.account_id')
            .select('token_hash')
            .where('accounts.email', '=', 'kim@example.org')
            .execute()
        ).length;
      } finally {
        app.mail.afterAnswer = afterAnswer;
      }
      const headers = (h: Record<string, unknown>) => {
        const { date: _date, ...rest } = h;
        return rest;
      };
      assert.deepEqual(
        [unknown.statusCode, headers(unknown.headers), unknown.body.replace('kip@', 'X@')],
        [known.statusCode, headers(known.headers), known.body.replace('kim@', 'X@')],
      );
      assert.equal(known.statusCode, 202);
      // Both answers went out with nothing looked up or stored; the work each handed over then stores and mails the
      // link for the known email only.
      assert.equal(storedAtAnswer, 0, 'no link stored when the answers went out');
      assert.equal(held.length, 2, 'each request handed its lookup to after the answer');
      for (const run of held) run();
      // afterAnswer itself runs its work on a later turn of the event loop, never within the request's own.
      let ran = false;
      app.mail.afterAnswer(
        async () => {
          ran = true;
        },
        app.log,
        'a probe',
      );
      await Promise.resolve();
      assert.equal(ran, false, 'not run in the turn that handed it over');
      const mail = await smtp.next();
      assert.equal((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text, 'kim@example.org');
      await app.mail.idle();
      const links = await store.db
        .selectFrom('password_resets')
        .innerJoin('accounts', 'accounts.id', 'password_resets.account_id')
        .select('accounts.email')
        .where('accounts.email', 'in', ['kim@example.org', 'kip@example.org'])
        .execute();
      assert.deepEqual(
        links.map((l) => l.email),
        ['kim@example.org'],
      );
      assert.equal(ran, true, 'the probe ran once the mail was idle');
    });

    test('without email settings: no reset links, and the answer says whom to ask', async () => {
      const plain = await buildApp({ store, webRoot: null, auth: TEST_AUTH });
      try {
        assert.deepEqual((await plain.inject({ method: 'GET', url: '/api/auth/password-reset' })).json(), {
          available: false,
          minutes: 60,
        });
        const res = await plain.inject({
          method: 'POST',
          url: '/api/auth/password-reset',
          payload: { email: 'pat@example.org' },
        });
        assert.equal(res.statusCode, 503);
        assert.deepEqual(res.json().error, {
          code: 'email_not_configured',
          message: 'This Footing cannot send email. Ask your clinic to set a new password for you.',
        });
      } finally {
        await plain.close();
      }
    });
  });
}

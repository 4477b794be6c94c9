/**
 * An invitation given as a QR code and by email (issue 14 item 7). The QR code the clinician's screen shows is
 * decoded back (pngjs + jsQR) and must hold the invitation link; the emailed invitation goes through a real SMTP
 * server on 127.0.0.1 (smtp-server, with a user name and password) and is parsed with mailparser: it carries the
 * link and a QR image of it. On SQLite only: these routes add no query of their own (the invitation is read as the
 * accounts tests read it on both databases).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshStore } from '../../test/helpers/databases.js';
import { decodeQrPng, pngOfDataUrl } from '../../test/helpers/qr-decode.js';
import { SMTP_PASSWORD, startSmtpSink, type SmtpSink } from '../../test/helpers/smtp-sink.js';
import { clinicWorld, makeAccount, TEST_AUTH, type ClinicWorld } from '../../test/helpers/test-clinic.js';
import type { Store } from '../store/db.js';
import { buildApp } from './app.js';
import { CSRF_HEADER } from './auth/guard.js';

const PUBLIC_URL = 'https://footing.feetfirst.example';
const FROM = 'footing@feetfirst.example';
interface NewInvitation {
  id: string;
  token: string;
  url: string;
  qrPng: string;
  canEmail: boolean;
  expiresAt: string;
}

describe('Invitation as a QR code and by email', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let smtp: SmtpSink;
  let world: ClinicWorld;
  let app: FastifyInstance;
  /** A request to `on` (default: the app with email) as Dr A, with a fresh session. */
  const asDrA = async (
    method: 'POST' | 'GET',
    url: string,
    payload?: object,
    on?: FastifyInstance,
    headers: Record<string, string> = {},
  ) => {
    const s = await world.session(world.accounts.clinicianOfClinic);
    return (on ?? app).inject({
      method,
      url,
      headers: { ...headers, cookie: s.cookie, [CSRF_HEADER]: s.csrf },
      ...(payload ? { payload } : {}),
    });
  };

  before(async () => {
    ({ store, cleanup } = await freshStore('sqlite'));
    smtp = await startSmtpSink();
    world = await clinicWorld(store);
    app = await buildApp({
      store,
      webRoot: null,
      auth: TEST_AUTH,
      mail: { publicUrl: PUBLIC_URL, smtp: { url: smtp.url, from: FROM } },
    });
  });
  after(async () => {
    await app.close();
    await world.app.close();
    await smtp.close();
    await cleanup();
  });

  test('the QR code holds the invitation link, on the public address or else the one the clinician used', async () => {
    const made = (await asDrA('POST', '/api/invitations', { label: 'N.K.' })).json() as NewInvitation;
    assert.equal(made.url, `${PUBLIC_URL}/invite/${made.token}`);
    assert.equal(decodeQrPng(pngOfDataUrl(made.qrPng)), made.url);
    assert.equal(made.canEmail, true);
    // No public address set (world.app has no email settings): the link is on the address the clinician's browser used.
    const local = (
      await asDrA('POST', '/api/invitations', {}, world.app, { host: '192.168.1.20:8080' })
    ).json() as NewInvitation;
    assert.equal(local.url, `http://192.168.1.20:8080/invite/${local.token}`);
    assert.equal(decodeQrPng(pngOfDataUrl(local.qrPng)), local.url);
    assert.equal(local.canEmail, false);
  });

  test('the invitation email carries the link and its QR code; only its clinician can send it, while it is pending', async () => {
    const made = (await asDrA('POST', '/api/invitations', {})).json() as NewInvitation;
    const sent = await asDrA('POST', `/api/invitations/${made.id}/email`, {
      token: made.token,
      email: ' Nina.K@Example.org ',
    });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.deepEqual(sent.json(), { sent: true, to: 'nina.k@example.org' });
    const mail = await smtp.next();
    assert.equal((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text, 'nina.k@example.org');
    assert.equal(mail.subject, 'Dr A at Clinic A invites you to Footing');
    assert.ok(mail.text?.split('\n').includes(made.url), 'the link on a line of its own');
    assert.ok(String(mail.html).includes(`href="${made.url}"`));
    const qr = mail.attachments.find((a) => a.contentType === 'image/png');
    assert.ok(qr, 'a PNG attachment');
    assert.ok(String(mail.html).includes(`src="cid:${qr.cid}"`), 'shown inline in the HTML');
    assert.equal(decodeQrPng(qr.content), made.url);

    const other = (await asDrA('POST', '/api/invitations', {})).json() as NewInvitation;
    const mismatched = await asDrA('POST', `/api/invitations/${made.id}/email`, {
      token: other.token,
      email: 'nina.k@example.org',
    });
    assert.deepEqual(
      [mismatched.statusCode, mismatched.json().error.code],
      [404, 'not_found'],
      "another invitation's token does not send this one",
    );
    const drB = await world.session(world.accounts.clinicianOtherClinic);
    const byB = await app.inject({
      method: 'POST',
      url: `/api/invitations/${made.id}/email`,
      headers: { cookie: drB.cookie, [CSRF_HEADER]: drB.csrf },
      payload: { token: made.token, email: 'nina.k@example.org' },
    });
    assert.equal(byB.statusCode, 404, "another clinician cannot send Dr A's invitation");
    const bad = await asDrA('POST', `/api/invitations/${made.id}/email`, {
      token: made.token,
      email: 'not an address',
    });
    assert.deepEqual([bad.statusCode, bad.json().error.field], [400, 'body.email']);
    // Accepted: no longer sent.
    const olga = await world.session(world.accounts.otherPatient);
    assert.equal(
      (
        await app.inject({
          method: 'POST',
          url: `/api/invitations/${made.token}/accept`,
          headers: { cookie: olga.cookie, [CSRF_HEADER]: olga.csrf },
        })
      ).statusCode,
      200,
    );
    const used = await asDrA('POST', `/api/invitations/${made.id}/email`, {
      token: made.token,
      email: 'nina.k@example.org',
    });
    assert.deepEqual([used.statusCode, used.json().error.code], [410, 'invitation_used']);
    assert.equal(smtp.received, 1, 'one mail in all');
  });

  test('a mail server that refuses the sign-in gives a plain 502, and no email settings a plain 503; the invitation still works', async () => {
    const wrong = await buildApp({
      store,
      webRoot: null,
      auth: TEST_AUTH,
      mail: {
        publicUrl: PUBLIC_URL,
        smtp: { url: smtp.url.replace(encodeURIComponent(SMTP_PASSWORD), 'wrong'), from: FROM },
      },
    });
    try {
      const made = (await asDrA('POST', '/api/invitations', {}, wrong)).json() as NewInvitation;
      const res = await asDrA(
        'POST',
        `/api/invitations/${made.id}/email`,
        { token: made.token, email: 'nina@example.org' },
        wrong,
      );
      assert.equal(res.statusCode, 502);
      assert.equal(res.json().error.code, 'email_failed');
      assert.match(res.json().error.message, /The invitation still works/);
      const info = await wrong.inject({ method: 'GET', url: `/api/invitations/${made.token}` });
      assert.equal(info.json().status, 'pending');
      const none = await asDrA(
        'POST',
        `/api/invitations/${made.id}/email`,
        { token: made.token, email: 'nina@example.org' },
        world.app,
      );
      assert.deepEqual([none.statusCode, none.json().error.code], [503, 'email_not_configured']);
    } finally {
      await wrong.close();
    }
  });

  test('invitation emails are limited per hour, per invitation and per clinician: a refused one sends nothing and says how long to wait', async () => {
    const limited = await buildApp({
      store,
      webRoot: null,
      auth: { ...TEST_AUTH, invitationMailsPerInvitationPerHour: 2, invitationMailsPerClinicianPerHour: 3 },
      mail: { publicUrl: PUBLIC_URL, smtp: { url: smtp.url, from: FROM } },
    });
    try {
      // A clinician of their own, so that the other tests' emails do not count here.
      const drC = await makeAccount(store, {
        email: 'dr.c@clinic-a.example',
        role: 'clinician',
        clinicId: world.accounts.clinicianOfClinic.clinicId!,
        displayName: 'Dr C',
      });
      const asDrC = async (url: string, payload: object) => {
        const s = await world.session(drC);
        return limited.inject({ method: 'POST', url, headers: { cookie: s.cookie, [CSRF_HEADER]: s.csrf }, payload });
      };
      const before = smtp.received;
      const x = (await asDrC('/api/invitations', {})).json() as NewInvitation;
      const y = (await asDrC('/api/invitations', {})).json() as NewInvitation;
      const email = (inv: NewInvitation) =>
        asDrC(`/api/invitations/${inv.id}/email`, { token: inv.token, email: 'nina@example.org' });
      assert.equal((await email(x)).statusCode, 200);
      assert.equal((await email(x)).statusCode, 200);
      const third = await email(x);
      assert.deepEqual(
        [third.statusCode, third.json().error.code],
        [429, 'invitation_mail_limited'],
        'a third for one invitation within the hour',
      );
      // The first of the two was sent under a minute ago: it leaves the hour's window in 60 minutes.
      assert.match(third.json().error.message, /Wait 60 minutes/);
      assert.equal((await email(y)).statusCode, 200, 'another invitation: its own two, within the clinician’s three');
      const fourth = await email(y);
      assert.deepEqual(
        [fourth.statusCode, fourth.json().error.code],
        [429, 'invitation_mail_limited'],
        'the clinician’s fourth within the hour',
      );
      for (let i = 0; i < 3; i++) await smtp.next();
      assert.equal(smtp.received - before, 3, 'the refused requests sent nothing');
      // Dr A's own limit is apart from Dr C's.
      const mine = (await asDrA('POST', '/api/invitations', {}, limited)).json() as NewInvitation;
      assert.equal(
        (
          await asDrA(
            'POST',
            `/api/invitations/${mine.id}/email`,
            { token: mine.token, email: 'nina@example.org' },
            limited,
          )
        ).statusCode,
        200,
      );
      await smtp.next();
    } finally {
      await limited.close();
    }
  });
});

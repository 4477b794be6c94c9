/**
 * Web Push reminders end to end on both databases: the person's days and time and a browser's subscription go in
 * through the API, the reminder clock runs at hand-picked instants, and a real HTTP push endpoint on 127.0.0.1
 * receives the message, which is decrypted here with the subscriber's private key (RFC 8291 aes128gcm) and checked:
 * the generic words and the page to open, no health data. The VAPID signature is checked against the public key
 * the API gives browsers. A subscription the push service says is gone (410) is removed; a reminder goes out once,
 * across a restart of the server; the VAPID keys survive the restart.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import { PUSH_ENDPOINT_CA, startPushEndpoint, type PushEndpoint } from '../../test/helpers/push-endpoint.js';
import type { Store } from '../store/db.js';
import { buildApp } from './app.js';
import type { RemindersState } from './reminder-state.js';

const CONTACT = 'mailto:ops@footing.example';
const start = (store: Store) =>
  buildApp({
    store,
    webRoot: null,
    reminders: { tickMs: null, now: () => clock, pushCa: PUSH_ENDPOINT_CA, contact: CONTACT },
  });
/** The API's clock (the next reminder shown); the reminder clock's instants are given to each tick. */
let clock = Date.parse('2026-12-07T06:00:00Z');
const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;

/** Checks a VAPID `Authorization: vapid t=JWT, k=KEY` header (RFC 8292): ES256 signature by KEY, audience, contact. */
function checkVapid(header: string | undefined, publicKey: string, audience: string): void {
  const m = /^vapid t=([^,]+), k=(.+)$/.exec(header ?? '');
  assert.ok(m, `a VAPID authorization header (got ${header})`);
  assert.equal(m[2], publicKey, 'signed with the key the browsers subscribed with');
  const [head, body, sig] = m[1]!.split('.');
  const raw = Buffer.from(publicKey, 'base64url'); // 65 bytes: 0x04, x, y
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  assert.ok(
    verify(
      'sha256',
      Buffer.from(`${head}.${body}`),
      { key, dsaEncoding: 'ieee-p1363' },
      Buffer.from(sig!, 'base64url'),
    ),
    'the JWT signature verifies',
  );
  const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as { aud: string; sub: string; exp: number };
  assert.equal(claims.aud, audience);
  assert.equal(claims.sub, CONTACT);
  assert.ok(
    claims.exp > Date.now() / 1000 && claims.exp <= Date.now() / 1000 + 24 * 3600,
    'expires within a day (RFC 8292)',
  );
}

for (const kind of DATABASES) {
  describe(`Web Push reminders on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let app: FastifyInstance;
    let push: PushEndpoint;
    before(async () => {
      ({ store, cleanup } = await freshStore(kind));
      app = await start(store);
      push = await startPushEndpoint();
    });
    after(async () => {
      await app.close();
      await push.close();
      await cleanup();
    });

    test('the reminder is pushed once at its time, encrypted for the browser, and a gone subscription is removed', async () => {
      // Mondays and Thursdays at 07:30 in Madrid; 7 December 2026 is a Monday, UTC+1: due at 06:30Z.
      const put = await app.inject({
        method: 'PUT',
        url: '/api/reminders',
        payload: { days: ['thu', 'mon'], time: '07:30', timeZone: 'Europe/Madrid' },
      });
      assert.equal(put.statusCode, 200, put.body);
      for (const path of ['/push/phone', '/gone/old-laptop']) {
        const res = await app.inject({
          method: 'PUT',
          url: '/api/reminders/push-subscription',
          payload: push.subscription(path),
        });
        assert.equal(res.statusCode, 204, res.body);
      }
      const before = json<RemindersState>(await app.inject({ method: 'GET', url: '/api/reminders' }));
      assert.equal(before.pushSubscriptions, 2);
      assert.deepEqual(before.settings?.days, ['mon', 'thu']);

      assert.deepEqual(
        await app.reminders.tick(Date.parse('2026-12-07T06:29:00Z')),
        { sent: 0, gone: 0, failed: 0 },
        'not yet',
      );
      assert.equal(push.requests.length, 0);
      assert.deepEqual(await app.reminders.tick(Date.parse('2026-12-07T06:30:00Z')), { sent: 1, gone: 1, failed: 0 });
      assert.deepEqual(push.requests.map((r) => r.path).sort(), ['/gone/old-laptop', '/push/phone']);

      const msg = push.requests.find((r) => r.path === '/push/phone')!;
      assert.equal(msg.method, 'POST');
      assert.equal(msg.headers['content-encoding'], 'aes128gcm');
      assert.equal(msg.headers.ttl, String(3 * 3600));
      checkVapid(msg.headers.authorization, before.pushPublicKey, push.origin);
      assert.deepEqual(JSON.parse(push.decrypt(msg)), {
        title: 'Footing',
        body: 'Time for today’s walk and foot exercises.',
        url: '/session',
        tag: 'footing-reminder',
      });

      clock = Date.parse('2026-12-07T06:31:00Z');
      const afterSend = json<RemindersState>(await app.inject({ method: 'GET', url: '/api/reminders' }));
      assert.equal(afterSend.pushSubscriptions, 1, 'the subscription answered 410 is removed');
      assert.equal(afterSend.next, '2026-12-10T06:30:00.000Z', 'next: Thursday 07:30 in Madrid');
      assert.deepEqual(
        await app.reminders.tick(Date.parse('2026-12-07T06:40:00Z')),
        { sent: 0, gone: 0, failed: 0 },
        'no second send ten minutes later',
      );

      // The person turns notifications on again on a Spanish screen: the same browser, now in Spanish (next test).
      const again = await app.inject({
        method: 'PUT',
        url: '/api/reminders/push-subscription',
        headers: { 'accept-language': 'es-ES,es;q=0.9' },
        payload: push.subscription('/push/phone'),
      });
      assert.equal(again.statusCode, 204, again.body);
      assert.equal(
        json<RemindersState>(await app.inject({ method: 'GET', url: '/api/reminders' })).pushSubscriptions,
        1,
        'the same subscription, not a second',
      );
    });

    test('after a restart the keys are the same, the reminder already sent is not sent again, and the next one goes out', async () => {
      const keyBefore = json<RemindersState>(await app.inject({ method: 'GET', url: '/api/reminders' })).pushPublicKey;
      await app.close();
      app = await start(store);
      assert.equal(
        json<RemindersState>(await app.inject({ method: 'GET', url: '/api/reminders' })).pushPublicKey,
        keyBefore,
      );
      const sentSoFar = push.requests.length;
      assert.deepEqual(await app.reminders.tick(Date.parse('2026-12-07T07:00:00Z')), { sent: 0, gone: 0, failed: 0 });
      // Thursday 10 December, 07:30 Madrid, the server having been down until 07:50: still within the hour's grace.
      assert.deepEqual(await app.reminders.tick(Date.parse('2026-12-10T06:50:00Z')), { sent: 1, gone: 0, failed: 0 });
      assert.equal(push.requests.length, sentSoFar + 1);
      // In the language the browser subscribed in last (the previous test: Spanish), written here by hand.
      assert.deepEqual(JSON.parse(push.decrypt(push.requests.at(-1)!)), {
        title: 'Footing',
        body: 'Es la hora de la caminata y los ejercicios de pies de hoy.',
        url: '/session',
        tag: 'footing-reminder',
      });
    });

    test('two rounds at the same moment (two processes, or overlapping ticks) send one reminder', async () => {
      const other = await start(store);
      try {
        const [a, b] = await Promise.all([
          app.reminders.tick(Date.parse('2026-12-14T06:30:00Z')),
          other.reminders.tick(Date.parse('2026-12-14T06:30:00Z')),
        ]);
        assert.equal(a.sent + b.sent, 1);
      } finally {
        await other.close();
      }
    });

    test('a push service in trouble (503) counts as failed and keeps the subscription; the clock runs by itself', async () => {
      assert.equal(
        (
          await app.inject({
            method: 'PUT',
            url: '/api/reminders/push-subscription',
            payload: push.subscription('/down/tablet'),
          })
        ).statusCode,
        204,
      );
      assert.deepEqual(
        await app.reminders.tick(Date.parse('2026-12-17T06:30:00Z')),
        { sent: 1, gone: 0, failed: 1 },
        'Thursday 17 December',
      );
      assert.equal(
        json<RemindersState>(await app.inject({ method: 'GET', url: '/api/reminders' })).pushSubscriptions,
        2,
      );
      // A server with its clock ticking every 20 ms at Monday 21 December 07:35 Madrid sends that day's reminder unasked.
      const sentSoFar = push.requests.length;
      const ticking = await buildApp({
        store,
        webRoot: null,
        reminders: {
          tickMs: 20,
          now: () => Date.parse('2026-12-21T06:35:00Z'),
          pushCa: PUSH_ENDPOINT_CA,
          contact: CONTACT,
        },
      });
      try {
        for (let i = 0; i < 100 && push.requests.length < sentSoFar + 2; i++)
          await new Promise((r) => setTimeout(r, 20));
        assert.deepEqual(
          push.requests
            .slice(sentSoFar)
            .map((r) => r.path)
            .sort(),
          ['/down/tablet', '/push/phone'],
        );
      } finally {
        await ticking.close();
      }
    });

    test('a subscription is refused with the field named: a plain-http endpoint, a key of the wrong size; so is a bad day', async () => {
      const strict = await start(store);
      try {
        const http = await strict.inject({
          method: 'PUT',
          url: '/api/reminders/push-subscription',
          payload: { ...push.subscription('/push/x'), endpoint: 'http://push.example/x' },
        });
        assert.equal(http.statusCode, 400);
        assert.deepEqual(json<{ error: { field: string; message: string } }>(http).error, {
          code: 'invalid_input',
          field: 'body.endpoint',
          message: 'body.endpoint: must be the https URL of the browser’s push service',
        });
        const short = {
          ...push.subscription('/push/x'),
          endpoint: 'https://push.example/x',
          keys: { p256dh: 'AAAA', auth: push.subscription('/').keys.auth },
        };
        const bad = await strict.inject({ method: 'PUT', url: '/api/reminders/push-subscription', payload: short });
        assert.equal(json<{ error: { field: string } }>(bad).error.field, 'body.keys.p256dh');
        const day = await strict.inject({
          method: 'PUT',
          url: '/api/reminders',
          payload: { days: ['funday'], time: '07:30', timeZone: 'Europe/Madrid' },
        });
        assert.equal(json<{ error: { field: string } }>(day).error.field, 'body.days.0');
      } finally {
        await strict.close();
      }
    });
  });
}

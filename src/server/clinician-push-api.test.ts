/**
 * Web Push for the clinician and the service worker's renewal, through the API on SQLite and PostgreSQL (issue 14
 * items 2 and 4): a clinician who allowed notices in a browser gets one (received and decrypted by a push endpoint
 * on 127.0.0.1, RFC 8291) when a patient writes, without the message or the patient's name; none when they did not
 * allow it, or turned it off; and a subscription the push service renewed (pushsubscriptionchange) moves to the new
 * endpoint for whoever had it, a patient or a clinician, with nothing for an unknown endpoint.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES } from '../../test/helpers/databases.js';
import { PUSH_ENDPOINT_CA, startPushEndpoint, type PushEndpoint } from '../../test/helpers/push-endpoint.js';
import { clinicApi, type ClinicWorld } from '../../test/helpers/test-clinic.js';

const SECRET = 'sentinel-heel-worse-7731';

for (const kind of DATABASES) {
  describe(`Clinician push and subscription renewal on ${kind}`, () => {
    const world = clinicApi(kind, { app: { reminders: { tickMs: null, pushCa: PUSH_ENDPOINT_CA } } });
    let push: PushEndpoint;
    before(async () => {
      push = await startPushEndpoint();
    });
    after(async () => {
      await push.close();
    });

    const call = async (
      who: Parameters<ClinicWorld['as']>[0],
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: string,
      payload?: object,
    ) => {
      const res = await world.as(who, { method, url, ...(payload ? { payload } : {}) });
      return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
    };
    const patientWrites = async () => {
      assert.equal(
        (
          await call('patient', 'POST', `/api/messages/${world.accounts.clinicianOfClinic.id}`, {
            text: `${SECRET}: the heel is worse`,
          })
        ).status,
        201,
      );
      await world.app.messageNotices.settled();
    };

    test('a patient’s message reaches the clinician’s browser only when the clinician allowed it there', async () => {
      await patientWrites();
      assert.equal(push.requests.length, 0, 'no browser allowed: no notice');

      const none = await call('clinicianOfClinic', 'GET', '/api/clinician/notifications');
      assert.equal(none.status, 200);
      assert.equal(none.body.subscriptions, 0);
      assert.equal(
        none.body.pushPublicKey,
        (await call('patient', 'GET', '/api/reminders')).body.pushPublicKey,
        'the install’s one VAPID key',
      );

      const on = await call(
        'clinicianOfClinic',
        'PUT',
        '/api/clinician/notifications/push-subscription',
        push.subscription('/push/desk'),
      );
      assert.deepEqual([on.status, on.body.subscriptions], [200, 1]);
      await patientWrites();
      assert.equal(push.requests.length, 1);
      assert.equal(push.requests[0]!.path, '/push/desk');
      const notice = JSON.parse(push.decrypt(push.requests[0]!));
      assert.deepEqual(notice, {
        title: 'Footing',
        body: 'A patient sent you a message.',
        url: '/messages',
        tag: 'footing-patient-message',
      });
      assert.ok(!push.decrypt(push.requests[0]!).includes('Pat'), 'not the patient’s name');

      // Another clinician's browser hears nothing of Dr A's patients; a patient cannot use the clinician's route.
      assert.equal(
        (
          await call(
            'clinicianOtherClinic',
            'PUT',
            '/api/clinician/notifications/push-subscription',
            push.subscription('/push/other'),
          )
        ).status,
        200,
      );
      assert.equal(
        (await call('patient', 'PUT', '/api/clinician/notifications/push-subscription', push.subscription('/push/x')))
          .status,
        403,
      );
      await patientWrites();
      assert.deepEqual(
        push.requests.map((r) => r.path),
        ['/push/desk', '/push/desk'],
      );

      // Turned off: no more notices; turning off what is not there is a plain 404.
      const off = await call('clinicianOfClinic', 'DELETE', '/api/clinician/notifications/push-subscription', {
        endpoint: push.subscription('/push/desk').endpoint,
      });
      assert.deepEqual([off.status, off.body.subscriptions], [200, 0]);
      assert.equal(
        (
          await call('clinicianOfClinic', 'DELETE', '/api/clinician/notifications/push-subscription', {
            endpoint: push.subscription('/push/desk').endpoint,
          })
        ).status,
        404,
      );
      await patientWrites();
      assert.equal(push.requests.length, 2);
    });

    test('a renewed subscription (pushsubscriptionchange) replaces the old one for whoever had it; an unknown endpoint changes nothing', async () => {
      const renew = (oldPath: string, newPath: string) =>
        world.app.inject({
          method: 'POST',
          url: '/api/push-subscription/renew',
          payload: { oldEndpoint: push.subscription(oldPath).endpoint, subscription: push.subscription(newPath) },
        });
      // The patient's reminders browser: renewed without a sign-in (the service worker has no CSRF token).
      assert.equal(
        (await call('patient', 'PUT', '/api/reminders/push-subscription', push.subscription('/push/phone-old'))).status,
        204,
      );
      assert.equal((await renew('/push/phone-old', '/push/phone-new')).statusCode, 204);
      const patientSubs = await world.store.db
        .selectFrom('push_subscriptions')
        .select(['person_id', 'endpoint'])
        .execute();
      assert.deepEqual(patientSubs, [
        { person_id: world.accounts.patient.personId!, endpoint: push.subscription('/push/phone-new').endpoint },
      ]);
      // The old endpoint is gone: renewing it again is a 404.
      const again = await renew('/push/phone-old', '/push/phone-3');
      assert.deepEqual([again.statusCode, again.json().error.code], [404, 'not_found']);

      // A clinician's browser: renewed, and the next message's notice goes to the new endpoint.
      assert.equal(
        (
          await call(
            'clinicianOfClinic',
            'PUT',
            '/api/clinician/notifications/push-subscription',
            push.subscription('/push/desk-old'),
          )
        ).status,
        200,
      );
      assert.equal((await renew('/push/desk-old', '/push/desk-new')).statusCode, 204);
      const before = push.requests.length;
      await patientWrites();
      assert.deepEqual(
        push.requests.slice(before).map((r) => r.path),
        ['/push/desk-new'],
      );
      assert.equal(JSON.parse(push.decrypt(push.requests.at(-1)!)).tag, 'footing-patient-message');

      // Never subscribed: 404, nothing stored; a bad new subscription is refused with its field.
      const unknown = await renew('/push/never', '/push/taken-over');
      assert.equal(unknown.statusCode, 404);
      const bad = await world.app.inject({
        method: 'POST',
        url: '/api/push-subscription/renew',
        payload: {
          oldEndpoint: push.subscription('/push/phone-new').endpoint,
          subscription: { ...push.subscription('/push/y'), endpoint: 'http://127.0.0.1/push/y' },
        },
      });
      assert.deepEqual([bad.statusCode, bad.json().error.field], [400, 'body.subscription.endpoint']);
      const endpoints = [
        ...(await world.store.db.selectFrom('push_subscriptions').select('endpoint').execute()),
        ...(await world.store.db.selectFrom('clinician_push_subscriptions').select('endpoint').execute()),
      ]
        .map((r) => new URL(r.endpoint).pathname)
        .sort();
      assert.deepEqual(endpoints, ['/push/desk-new', '/push/other', '/push/phone-new']);
    });

    test('a clinician’s subscriptions go with their account', async () => {
      const other = world.accounts.clinicianOtherClinic.id;
      const subscriptionsOf = async (accountId: string) =>
        (
          await world.store.db
            .selectFrom('clinician_push_subscriptions')
            .select('id')
            .where('account_id', '=', accountId)
            .execute()
        ).length;
      assert.equal(await subscriptionsOf(other), 1);
      await world.store.db.deleteFrom('accounts').where('id', '=', other).execute();
      assert.equal(await subscriptionsOf(other), 0);
    });
  });
}

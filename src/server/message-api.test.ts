/**
 * Messages between a patient and their clinician through the API, on SQLite and PostgreSQL (issue 14 item 4): the
 * patient's thread with the clinician who sees their data, unread counts on both sides, a Web Push notice to the
 * patient's browser (received and decrypted by a push endpoint on 127.0.0.1) that does not carry the message,
 * the audit entries of the clinician's reads and writes, located refusals of bad messages, the end of the
 * conversation when the patient stops sharing, deletion with the account, and no message text in the log.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { DATABASES } from '../../test/helpers/databases.js';
import { PUSH_ENDPOINT_CA, startPushEndpoint, type PushEndpoint } from '../../test/helpers/push-endpoint.js';
import { clinicApi, TEST_PASSWORD, type ClinicWorld } from '../../test/helpers/test-clinic.js';
import { listAudit } from '../store/repos/audit.js';

const SECRET = 'sentinel-message-heel-throbbing-5591';

for (const kind of DATABASES) {
  describe(`Messages on ${kind}`, () => {
    let log = '';
    const world = clinicApi(kind, {
      app: {
        log: true,
        logStream: new Writable({
          write(c, _e, cb) {
            log += String(c);
            cb();
          },
        }),
        reminders: { tickMs: null, pushCa: PUSH_ENDPOINT_CA },
      },
    });
    let push: PushEndpoint;
    before(async () => {
      push = await startPushEndpoint();
    });
    after(async () => {
      await push.close();
    });

    test('a thread between a patient and their clinician: unread counts, a push notice, audit, refusals, revocation and deletion', async () => {
      const pid = world.accounts.patient.personId!;
      const drA = world.accounts.clinicianOfClinic;
      const json = async (
        who: Parameters<ClinicWorld['as']>[0],
        method: 'GET' | 'POST' | 'PUT' | 'DELETE',
        url: string,
        payload?: object,
      ) => {
        const res = await world.as(who, { method, url, ...(payload ? { payload } : {}) });
        return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
      };

      // The patient has one clinician, so one (empty) thread.
      let list = await json('patient', 'GET', '/api/messages');
      assert.equal(list.status, 200);
      assert.deepEqual(list.body, {
        threads: [
          { clinicianAccountId: drA.id, clinicianName: 'Dr A', clinicName: 'Clinic A', unread: 0, lastAt: null },
        ],
        unread: 0,
      });
      assert.deepEqual(
        (await json('otherPatient', 'GET', '/api/messages')).body,
        { threads: [], unread: 0 },
        'no clinician, no thread',
      );

      // The patient allowed notifications (for reminders) in one browser.
      assert.equal(
        (await json('patient', 'PUT', '/api/reminders/push-subscription', push.subscription('/push/phone'))).status,
        204,
      );

      const sent = await json('clinicianOfClinic', 'POST', `/api/patients/${pid}/messages`, {
        text: `  ${SECRET}: how did the ball roll go?  `,
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      assert.equal(sent.body.text, `${SECRET}: how did the ball roll go?`, 'stored trimmed');
      assert.equal(sent.body.from, 'clinician');
      assert.equal(sent.body.readAt, null);
      assert.equal(
        (await json('clinicianOfClinic', 'POST', `/api/patients/${pid}/messages`, { text: 'Reply when you can.' }))
          .status,
        201,
      );
      await world.app.messageNotices.settled();
      assert.equal(push.requests.length, 2, 'one notice per message to the one browser');
      const notice = JSON.parse(push.decrypt(push.requests[0]!));
      assert.deepEqual(notice, {
        title: 'Footing',
        body: 'You have a new message from your clinician.',
        url: '/messages',
        tag: 'footing-message',
      });

      list = await json('patient', 'GET', '/api/messages');
      assert.equal(list.body.unread, 2);
      assert.equal(
        list.body.threads[0].lastAt > sent.body.sentAt || list.body.threads[0].lastAt === sent.body.sentAt,
        true,
      );

      // Opening the thread reads both; the count drops to 0.
      const thread = await json('patient', 'GET', `/api/messages/${drA.id}`);
      assert.equal(thread.status, 200);
      assert.deepEqual(
        thread.body.messages.map((m: { text: string }) => m.text),
        [`${SECRET}: how did the ball roll go?`, 'Reply when you can.'],
      );
      assert.ok(
        thread.body.messages.every((m: { readAt: string | null }) => m.readAt !== null),
        'marked read',
      );
      assert.equal((await json('patient', 'GET', '/api/messages')).body.unread, 0);

      const reply = await json('patient', 'POST', `/api/messages/${drA.id}`, { text: 'It went fine, a little sore.' });
      assert.equal(reply.status, 201);
      assert.equal(reply.body.from, 'patient');
      assert.equal(
        push.requests.length,
        2,
        'a patient’s message sends no push (clinicians read it in their workspace)',
      );

      // The clinician's list: this patient, one unread; opening the thread reads it.
      // What the open workspace polls: the unread total and the newest message's time, no patient named.
      assert.deepEqual((await json('clinicianOfClinic', 'GET', '/api/clinician/messages/unread')).body, {
        unread: 1,
        lastAt: reply.body.sentAt,
      });
      assert.deepEqual(
        (await json('clinicianOtherClinic', 'GET', '/api/clinician/messages/unread')).body,
        { unread: 0, lastAt: null },
        'not their patient',
      );
      const mine = await json('clinicianOfClinic', 'GET', '/api/clinician/messages');
      assert.deepEqual(mine.body, {
        threads: [{ personId: pid, displayName: 'Pat', unread: 1, lastAt: reply.body.sentAt }],
        unread: 1,
      });
      const seen = await json('clinicianOfClinic', 'GET', `/api/patients/${pid}/messages`);
      assert.deepEqual(seen.body.patient, { personId: pid, displayName: 'Pat' });
      assert.equal(seen.body.messages.length, 3);
      assert.equal(seen.body.messages[2].text, 'It went fine, a little sore.');
      assert.notEqual(seen.body.messages[2].readAt, null);
      assert.equal((await json('clinicianOfClinic', 'GET', '/api/clinician/messages')).body.unread, 0);
      assert.deepEqual(
        (await json('clinicianOfClinic', 'GET', '/api/clinician/messages/unread')).body,
        { unread: 0, lastAt: reply.body.sentAt },
        'read: the count goes, the time stays',
      );
      assert.deepEqual((await json('clinicianOtherClinic', 'GET', '/api/clinician/messages')).body, {
        threads: [],
        unread: 0,
      });

      // Bad messages: refused, located, nothing stored.
      const empty = await json('patient', 'POST', `/api/messages/${drA.id}`, { text: '   ' });
      assert.deepEqual(
        [empty.status, empty.body.error.field, empty.body.error.message],
        [400, 'body.text', 'body.text: write a message first'],
      );
      const long = await json('clinicianOfClinic', 'POST', `/api/patients/${pid}/messages`, { text: 'x'.repeat(2001) });
      assert.deepEqual([long.status, long.body.error.message], [400, 'body.text: must be at most 2000 characters']);
      assert.equal(
        (await json('patient', 'POST', `/api/messages/${world.accounts.clinicianOtherClinic.id}`, { text: 'hello?' }))
          .status,
        404,
        'not a clinician of theirs',
      );

      // Every clinician access to the thread is in the patient's audit log, with the route only (the unread total,
      // which names no patient, is not: it is absent from the list below).
      const audit = await listAudit(world.store.db, pid);
      const clinicianEntries = audit
        .filter((e) => e.actorAccountId === drA.id && e.route.includes('messages'))
        .map((e) => `${e.method} ${e.route} ${e.action}`)
        .sort();
      assert.deepEqual(clinicianEntries, [
        'GET /api/clinician/messages read',
        'GET /api/clinician/messages read',
        'GET /api/patients/:personId/messages read',
        'POST /api/patients/:personId/messages refused',
        'POST /api/patients/:personId/messages write',
        'POST /api/patients/:personId/messages write',
      ]);

      // The patient stops sharing: the conversation ends on both sides at once.
      const link = (await json('patient', 'GET', '/api/care-links')).body[0];
      assert.equal((await json('patient', 'DELETE', `/api/care-links/${link.id}`)).status, 200);
      assert.equal(
        (await json('clinicianOfClinic', 'GET', `/api/patients/${pid}/messages`)).body.error.code,
        'not_your_patient',
      );
      assert.equal(
        (await json('clinicianOfClinic', 'POST', `/api/patients/${pid}/messages`, { text: 'Are you there?' })).status,
        404,
      );
      assert.deepEqual((await json('clinicianOfClinic', 'GET', '/api/clinician/messages')).body, {
        threads: [],
        unread: 0,
      });
      assert.deepEqual(
        (await json('clinicianOfClinic', 'GET', '/api/clinician/messages/unread')).body,
        { unread: 0, lastAt: null },
        'a stopped link counts no more',
      );
      assert.deepEqual((await json('patient', 'GET', '/api/messages')).body, { threads: [], unread: 0 });
      assert.equal((await json('patient', 'GET', `/api/messages/${drA.id}`)).status, 404);
      assert.equal((await json('patient', 'POST', `/api/messages/${drA.id}`, { text: 'Still there?' })).status, 404);

      // Deleting the account deletes the messages.
      const count = async () =>
        (await world.store.db.selectFrom('messages').select('id').where('person_id', '=', pid).execute()).length;
      assert.equal(await count(), 3);
      assert.equal((await json('patient', 'DELETE', '/api/account', { password: TEST_PASSWORD })).status, 200);
      assert.equal(await count(), 0);

      // No message text, in whole or in part, in the server's log.
      assert.ok(log.length > 0, 'the log is on');
      for (const needle of [SECRET, 'ball roll', 'a little sore', 'Reply when'])
        assert.ok(!log.includes(needle), `the log must not contain "${needle}"`);
    });
  });
}

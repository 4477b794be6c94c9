/**
 * A patient's messages are part of their backup (GET /api/export) and come back with a restore (issue 14 item 4:
 * "deleted with the account" is in message-api.test.ts), on SQLite and PostgreSQL: each message with the name of the
 * clinician of its thread, restored once, and left out (counted) where that clinician has no account.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import { clinicApi } from '../../test/helpers/test-clinic.js';
import { parseBackup, restoreBackup } from '../store/backup.js';
import { ensureLocalPerson } from '../store/repos/people.js';

for (const kind of DATABASES) {
  describe(`Messages in the backup on ${kind}`, () => {
    const world = clinicApi(kind, { app: { reminders: { tickMs: null } } });

    test('exported with the thread’s clinician, restored once where that clinician has an account, left out elsewhere', async () => {
      const pid = world.accounts.patient.personId!;
      const drA = world.accounts.clinicianOfClinic;
      const send = async (who: 'patient' | 'clinicianOfClinic', url: string, text: string) => {
        const res = await world.as(who, { method: 'POST', url, payload: { text } });
        assert.equal(res.statusCode, 201, res.body);
      };
      await send('clinicianOfClinic', `/api/patients/${pid}/messages`, 'How is the ball roll going?');
      await send('patient', `/api/messages/${drA.id}`, 'Fine,\nslightly sore.');

      const exported = await world.as('patient', { method: 'GET', url: '/api/export' });
      assert.equal(exported.statusCode, 200);
      const backup = exported.json();
      assert.deepEqual(
        backup.messages.map((m: Record<string, unknown>) => [
          m.sender,
          m.clinician_account_id,
          m.clinician_name,
          m.text,
          m.read_at,
        ]),
        [
          ['clinician', drA.id, 'Dr A', 'How is the ball roll going?', null],
          ['patient', drA.id, 'Dr A', 'Fine,\nslightly sore.', null],
        ],
      );
      assert.ok(!('person_id' in backup.messages[0]), 'the file does not name the person’s id per message');
      assert.equal(
        (await world.as('otherPatient', { method: 'GET', url: '/api/export' })).json().messages.length,
        0,
        'another patient’s backup has none',
      );

      // Restored into the same install (the clinician's account is here): nothing while the messages are stored (same
      // ids); after they were lost (a database put back to an older copy), both, then nothing more the second time.
      const text = exported.body;
      const into = async () =>
        (
          await world.as('patient', {
            method: 'POST',
            url: '/api/import-backup',
            headers: { 'content-type': 'application/json' },
            payload: text,
          })
        ).json().restored;
      assert.deepEqual([(await into()).messages, (await into()).messagesLeftOut], [0, 0]);
      await world.store.db.deleteFrom('messages').where('person_id', '=', pid).execute();
      const first = await into();
      assert.deepEqual([first.messages, first.messagesLeftOut], [2, 0]);
      const second = await into();
      assert.deepEqual([second.messages, second.messagesLeftOut], [0, 0]);
      const thread = (await world.as('patient', { method: 'GET', url: `/api/messages/${drA.id}` })).json();
      assert.deepEqual(
        thread.messages.map((m: { text: string }) => m.text),
        ['How is the ball roll going?', 'Fine,\nslightly sore.'],
        'the thread reads as before',
      );

      // Restored into a one-person install: no clinician account to hold the thread, so both are left out, counted.
      const parsed = parseBackup(text);
      assert.ok('backup' in parsed);
      const other = await freshStore(kind);
      try {
        const me = await ensureLocalPerson(other.store.db);
        const counts = await restoreBackup(other.store.db, me.id, parsed.backup);
        assert.deepEqual([counts.messages, counts.messagesLeftOut], [0, 2]);
        assert.equal((await other.store.db.selectFrom('messages').select('id').execute()).length, 0);
      } finally {
        await other.cleanup();
      }
    });

    test('a message in a backup file that is too long or from nobody is refused with its path', () => {
      const base = {
        format: 'footing-backup',
        version: 1,
        exportedAt: '2026-12-01T00:00:00Z',
        person: { id: 'p', display_name: 'P', birth_year: null, created_at: '2026-01-01T00:00:00Z' },
        program: null,
        screens: [],
        programEvents: [],
        sessions: [],
        checkins: [],
        imports: [],
        walkingSamples: [],
      };
      const msg = {
        id: 'm1',
        version: 1,
        clinician_account_id: 'a',
        clinician_name: 'Dr A',
        sender: 'patient',
        text: 'hi',
        sent_at: '2026-12-01T08:00:00Z',
        read_at: null,
      };
      assert.ok('backup' in parseBackup(JSON.stringify({ ...base, messages: [msg] })));
      const long = parseBackup(
        JSON.stringify({ ...base, messages: [msg, { ...msg, id: 'm2', text: 'x'.repeat(2001) }] }),
      );
      assert.ok('problem' in long && long.problem.path === 'messages[1].text', JSON.stringify(long));
      const who = parseBackup(JSON.stringify({ ...base, messages: [{ ...msg, sender: 'admin' }] }));
      assert.ok('problem' in who && who.problem.path === 'messages[0].sender', JSON.stringify(who));
    });
  });
}

/**
 * The reminder in a person's backup, on both databases: exported with its days, time and zone, restored into a person
 * who has none (without the calendar link or the last-sent date), left alone for a person who has their own, and a
 * bad day in the file is refused with its path.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import { exportBackup, parseBackup, restoreBackup } from './backup.js';
import type { Store } from './db.js';
import { ensureLocalPerson } from './repos/people.js';
import {
  claimReminder,
  getReminderSettings,
  hasCalendarToken,
  saveReminderSettings,
  setCalendarTokenHash,
} from './repos/reminders.js';

for (const kind of DATABASES) {
  describe(`Reminders in the backup on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await freshStore(kind));
    });
    after(async () => {
      await cleanup();
    });

    test('exported, then restored only where there is none, without the calendar link', async () => {
      const me = (await ensureLocalPerson(store.db)).id;
      await saveReminderSettings(
        store.db,
        me,
        { days: ['tue', 'mon'], time: '07:30', timeZone: 'Europe/Madrid' },
        '2026-12-06T20:00:00.000Z',
      );
      await setCalendarTokenHash(store.db, me, 'a'.repeat(64));
      assert.ok(await claimReminder(store.db, me, '2026-12-07'));
      const backup = await exportBackup(store.db, me);
      assert.deepEqual(backup.reminders, {
        version: 1,
        days: '["mon","tue"]',
        time: '07:30',
        time_zone: 'Europe/Madrid',
        updated_at: '2026-12-06T20:00:00.000Z',
      });

      const other = await store.db
        .insertInto('people')
        .values({ id: 'restored-person', display_name: 'R', birth_year: null, created_at: '2026-12-06T00:00:00.000Z' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const parsed = parseBackup(JSON.stringify(backup));
      assert.ok('backup' in parsed);
      await restoreBackup(store.db, other.id, parsed.backup);
      assert.deepEqual(await getReminderSettings(store.db, other.id), {
        days: ['mon', 'tue'],
        time: '07:30',
        timeZone: 'Europe/Madrid',
        updatedAt: '2026-12-06T20:00:00.000Z',
      });
      assert.equal(await hasCalendarToken(store.db, other.id), false);
      assert.ok(await claimReminder(store.db, other.id, '2026-12-07'), 'the restored reminder has not been sent here');

      // The person's own reminder stays.
      await saveReminderSettings(
        store.db,
        me,
        { days: ['sun'], time: '09:00', timeZone: 'UTC' },
        '2026-12-06T21:00:00.000Z',
      );
      await restoreBackup(store.db, me, parsed.backup);
      assert.equal((await getReminderSettings(store.db, me))!.time, '09:00');
    });

    test('a bad day in the file is refused with its path', () => {
      const bad = {
        format: 'footing-backup',
        version: 1,
        exportedAt: '2026-12-06T00:00:00Z',
        person: { id: 'p', display_name: 'P', birth_year: null, created_at: '2026-12-06T00:00:00Z' },
        program: null,
        screens: [],
        programEvents: [],
        sessions: [],
        checkins: [],
        imports: [],
        walkingSamples: [],
        reminders: {
          version: 1,
          days: '["someday"]',
          time: '07:30',
          time_zone: 'UTC',
          updated_at: '2026-12-06T00:00:00Z',
        },
      };
      const r = parseBackup(JSON.stringify(bad));
      assert.ok('problem' in r);
      assert.deepEqual(r.problem, {
        path: 'reminders.days',
        message: 'must be days of the week (mon ... sun) as JSON',
        text: { id: 'backup.json-of', params: { what: 'days' } },
      });
    });
  });
}

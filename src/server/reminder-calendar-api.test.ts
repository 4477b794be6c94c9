/**
 * The "Add to my calendar" feed over HTTP, in accounts mode on both databases: a patient's link is served to a
 * calendar app without any sign-in, parses with ical.js (Mozilla's iCalendar library) and recurs on the chosen days
 * at the chosen local time; a replaced or turned-off link answers 404; another person's link shows their own
 * reminder. The patient's changes are in their audit log.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES } from '../../test/helpers/databases.js';
import { occurrencesOf } from '../../test/helpers/icalendar.js';
import { TEST_PASSWORD, clinicApi } from '../../test/helpers/test-clinic.js';
import { listAudit } from '../store/repos/audit.js';
import type { RemindersState } from './reminder-state.js';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

for (const kind of DATABASES) {
  describe(`The calendar feed on ${kind}`, () => {
    const world = clinicApi(kind);

    test('no link before a reminder is set: the refusal names the field', async () => {
      const res = await world.as('patient', { method: 'POST', url: '/api/reminders/calendar' });
      assert.equal(res.statusCode, 400);
      assert.equal(JSON.parse(res.body).error.field, 'days');
    });

    test('the feed needs no sign-in, and recurs on the chosen days at the local time', async () => {
      // Tuesdays and Saturdays at 07:30 in Tokyo (UTC+9 all year, no summer time): 22:30Z on Mondays and Fridays.
      const put = await world.as('patient', {
        method: 'PUT',
        url: '/api/reminders',
        payload: { days: ['sat', 'tue'], time: '07:30', timeZone: 'Asia/Tokyo' },
      });
      assert.equal(put.statusCode, 200, put.body);
      const made = await world.as('patient', { method: 'POST', url: '/api/reminders/calendar' });
      assert.equal(made.statusCode, 201);
      const { path } = JSON.parse(made.body) as { path: string };
      assert.match(path, /^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/, '32 random bytes');

      const feed = await world.as('anonymous', { method: 'GET', url: path });
      assert.equal(feed.statusCode, 200);
      assert.match(String(feed.headers['content-type']), /^text\/calendar/);
      const { event, utc } = occurrencesOf(feed.body, 6);
      assert.equal(event.component.getFirstPropertyValue('rrule')!.toString(), 'FREQ=WEEKLY;BYDAY=TU,SA');
      assert.equal(event.startDate.zone.tzid, 'Asia/Tokyo');
      for (const at of utc) {
        assert.equal(at.slice(11), '22:30:00.000Z');
        assert.ok(
          ['Monday', 'Friday'].includes(DAY_NAMES[new Date(at).getUTCDay()]!),
          `${at} is a Monday or Friday in UTC`,
        );
      }
      assert.ok(
        !/pain|stage|back|neck/i.test(
          feed.body.replace(/BEGIN|END|VALARM|DESCRIPTION:Your walk and foot exercises/g, ''),
        ),
        'no health data in the feed',
      );
      const state = JSON.parse(
        (await world.as('patient', { method: 'GET', url: '/api/reminders' })).body,
      ) as RemindersState;
      assert.equal(state.calendarFeed, true);

      // A change of time reaches the same link.
      await world.as('patient', {
        method: 'PUT',
        url: '/api/reminders',
        payload: { days: ['sat', 'tue'], time: '18:00', timeZone: 'Asia/Tokyo' },
      });
      assert.equal(
        occurrencesOf((await world.as('anonymous', { method: 'GET', url: path })).body, 1).utc[0]!.slice(11),
        '09:00:00.000Z',
      );

      // A new link replaces the old one; turning it off leaves none.
      const second = JSON.parse(
        (await world.as('patient', { method: 'POST', url: '/api/reminders/calendar' })).body,
      ) as { path: string };
      assert.notEqual(second.path, path);
      assert.equal((await world.as('anonymous', { method: 'GET', url: path })).statusCode, 404);
      assert.equal((await world.as('anonymous', { method: 'GET', url: second.path })).statusCode, 200);
      assert.equal((await world.as('patient', { method: 'DELETE', url: '/api/reminders/calendar' })).statusCode, 204);
      assert.equal((await world.as('anonymous', { method: 'GET', url: second.path })).statusCode, 404);
      assert.equal(
        (await world.as('anonymous', { method: 'GET', url: '/api/calendar/not-a-token.ics' })).statusCode,
        404,
      );

      // Made on a Spanish screen: the link carries the language, and the event speaks it.
      const es = JSON.parse(
        (
          await world.as('patient', {
            method: 'POST',
            url: '/api/reminders/calendar',
            headers: { 'accept-language': 'es-ES,es;q=0.9' },
          })
        ).body,
      ) as { path: string };
      assert.match(es.path, /^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics\?lang=es$/);
      assert.equal(
        occurrencesOf((await world.as('anonymous', { method: 'GET', url: es.path })).body, 1).event.summary,
        'Footing: la sesión de pies de hoy',
      );
      assert.equal(
        occurrencesOf((await world.as('anonymous', { method: 'GET', url: es.path.replace('?lang=es', '') })).body, 1)
          .event.summary,
        'Footing: today’s foot session',
      );
      const bad = await world.as('anonymous', { method: 'GET', url: es.path.replace('lang=es', 'lang=fr') });
      assert.deepEqual(
        [bad.statusCode, JSON.parse(bad.body).error.message],
        [400, 'querystring.lang: must be en or es'],
      );
    });

    test('another patient gets their own link, with their own reminder', async () => {
      await world.as('otherPatient', {
        method: 'PUT',
        url: '/api/reminders',
        payload: { days: ['sun'], time: '09:15', timeZone: 'UTC' },
      });
      const { path } = JSON.parse(
        (await world.as('otherPatient', { method: 'POST', url: '/api/reminders/calendar' })).body,
      ) as { path: string };
      const { event, utc } = occurrencesOf((await world.as('anonymous', { method: 'GET', url: path })).body, 2);
      assert.equal(event.component.getFirstPropertyValue('rrule')!.toString(), 'FREQ=WEEKLY;BYDAY=SU');
      assert.ok(utc.every((at) => at.endsWith('T09:15:00.000Z') && new Date(at).getUTCDay() === 0));
    });

    test('the patient’s reminder changes are in their audit log; a clinician cannot set them', async () => {
      const routes = (await listAudit(world.store.db, world.accounts.patient.personId!))
        .filter((e) => e.route.startsWith('/api/reminders'))
        .map((e) => `${e.method} ${e.route} ${e.action}`);
      assert.ok(routes.includes('PUT /api/reminders write'));
      assert.ok(routes.includes('POST /api/reminders/calendar write'));
      assert.ok(routes.includes('DELETE /api/reminders/calendar write'));
      assert.equal(
        (
          await world.as('clinicianOfClinic', {
            method: 'PUT',
            url: '/api/reminders',
            payload: { days: ['sun'], time: '09:15', timeZone: 'UTC' },
          })
        ).statusCode,
        403,
      );
    });

    test('a deleted account takes its reminder, its calendar link and its push subscriptions with it', async () => {
      const personId = world.accounts.otherPatient.personId!;
      const { path } = JSON.parse(
        (await world.as('otherPatient', { method: 'POST', url: '/api/reminders/calendar' })).body,
      ) as { path: string };
      const sub = {
        endpoint: 'https://push.example/olga',
        keys: { p256dh: Buffer.alloc(65, 4).toString('base64url'), auth: Buffer.alloc(16, 1).toString('base64url') },
      };
      assert.equal(
        (await world.as('otherPatient', { method: 'PUT', url: '/api/reminders/push-subscription', payload: sub }))
          .statusCode,
        204,
      );
      assert.equal(
        (
          await world.as('otherPatient', {
            method: 'DELETE',
            url: '/api/account',
            payload: { password: TEST_PASSWORD },
          })
        ).statusCode,
        200,
      );
      assert.equal((await world.as('anonymous', { method: 'GET', url: path })).statusCode, 404);
      assert.equal(
        (
          await world.store.db
            .selectFrom('reminder_settings')
            .select('person_id')
            .where('person_id', '=', personId)
            .execute()
        ).length,
        0,
      );
      assert.equal(
        (await world.store.db.selectFrom('push_subscriptions').select('id').where('person_id', '=', personId).execute())
          .length,
        0,
      );
    });
  });
}

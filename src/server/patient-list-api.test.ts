/**
 * GET /api/patients on SQLite and PostgreSQL: search (name or email, any case), the six orders, pages, the
 * "needs attention" filter, the audit entries (one per patient shown), the checks on the query, a date before what
 * the kept figures cover, and one patient's line (GET /api/patients/:personId/summary). Five patients of Dr A,
 * with figures counted by hand for 20 Nov 2026:
 *
 * | patient          | email                | program                         | check-ins (daily)         | done sessions  | attention                |
 * | Anna Berg        | anna@example.org     | from 1 Nov, stage 2             | 1-7 Nov and 18 Nov: 3     | 14-20 Nov (7)  | none                     |
 * | Carl Dunn        | carl@clinic.example  | from 20 Nov (signed up today)   | 20 Nov: 6                 | none           | none (a fair window)     |
 * | Dora Ek          | dora@example.org     | from 1 Nov, stopped 15 Nov      | none                      | 10-14 Nov (5)  | red flag, no check-in    |
 * | Pat              | pat@example.org      | none (safety check not done)    | none                      | none           | none                     |
 * | Zoë Örn          | zoe@example.org      | from 1 Nov                      | 10 Nov: 5                 | none           | no check-in, adherence   |
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import { DATABASES } from '../../test/helpers/databases.js';
import { acceptInvitation, createInvitation } from '../store/repos/care-links.js';
import { insertCheckin } from '../store/repos/checkins.js';
import { addMessage } from '../store/repos/messages.js';
import { saveSession } from '../store/repos/sessions.js';
import { makeAccount, clinicApi } from '../../test/helpers/test-clinic.js';
import { randomToken, sha256 } from './auth/tokens.js';
import { adjustStage } from '../services/clinician-service.js';
import { submitScreen } from '../services/program-service.js';

const TODAY = '2026-11-20';
const nov = (d: number) => `2026-11-${String(d).padStart(2, '0')}`;
const answers = (stop: boolean) =>
  Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q, i) => [q.id, stop && i === 0]));

for (const kind of DATABASES) {
  describe(`The patient list on ${kind}`, () => {
    const ids: Record<string, string> = {};

    const world = clinicApi(kind);
    /** A day-long invitation from this clinician; its token. */
    const inviteOf = async (dr: { id: string; clinicId: string | null }) => {
      const token = randomToken();
      await createInvitation(world.store.db, {
        clinicId: dr.clinicId!,
        clinicianAccountId: dr.id,
        tokenHash: sha256(token),
        label: null,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      return token;
    };
    before(async () => {
      ids.Pat = world.accounts.patient.personId!;
      const drA = world.accounts.clinicianOfClinic;
      for (const [name, email] of [
        ['Anna Berg', 'anna@example.org'],
        ['Carl Dunn', 'carl@clinic.example'],
        ['Dora Ek', 'dora@example.org'],
        ['Zoë Örn', 'zoe@example.org'],
      ]) {
        const account = await makeAccount(world.store, { email: email!, role: 'patient', displayName: name! });
        const token = await inviteOf(drA);
        assert.ok(await acceptInvitation(world.store.db, sha256(token), account.personId!));
        ids[name!.split(' ')[0]!] = account.personId!;
      }
      const daily = (who: string, d: number, back: number) =>
        insertCheckin(world.store.db, ids[who]!, {
          at: `${nov(d)}T07:00:00+00:00`,
          context: 'daily',
          back,
          regions: [],
        });
      const session = (who: string, d: number) =>
        saveSession(world.store.db, ids[who]!, 1, {
          clientId: `${who}-${d}`,
          startedAt: `${nov(d)}T18:00:00+00:00`,
          completedAt: `${nov(d)}T18:10:00+00:00`,
          items: [
            { exercise: 'ball-roll', position: 'sitting', completed: true, setsDone: 1, repsDone: 0, secondsDone: 120 },
          ],
        });

      await submitScreen(world.store.db, ids.Anna!, { answers: answers(false) }, nov(1));
      for (let d = 1; d <= 7; d++) await daily('Anna', d, 3);
      await daily('Anna', 18, 3);
      for (let d = 14; d <= 20; d++) await session('Anna', d);
      await adjustStage(world.store.db, ids.Anna!, { stage: 2, reason: 'Steady week', clinicianName: 'Dr A' }, nov(14));

      await submitScreen(world.store.db, ids.Carl!, { answers: answers(false) }, TODAY);
      await daily('Carl', 20, 6);

      await submitScreen(world.store.db, ids.Dora!, { answers: answers(false) }, nov(1));
      for (let d = 10; d <= 14; d++) await session('Dora', d);
      await submitScreen(world.store.db, ids.Dora!, { answers: answers(true) }, nov(15));

      await submitScreen(world.store.db, ids.Zoë!, { answers: answers(false) }, nov(1));
      await daily('Zoë', 10, 5);
    });

    const list = async (query: string) => {
      const res = await world.as('clinicianOfClinic', { method: 'GET', url: `/api/patients?date=${TODAY}${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as {
        patients: { personId: string; displayName: string; email: string | null; needsAttention: string[] } & Record<
          string,
          unknown
        >[];
        total: number;
        page: number;
        pageSize: number;
      };
    };
    const names = async (query: string) => (await list(query)).patients.map((p) => p.displayName);

    test('Names A to Z by default, in pages of the size asked, with the total', async () => {
      assert.deepEqual(await names(''), ['Anna Berg', 'Carl Dunn', 'Dora Ek', 'Pat', 'Zoë Örn']);
      const two = await list('&pageSize=2&page=2');
      assert.deepEqual(
        [two.patients.map((p) => p.displayName), two.total, two.page, two.pageSize],
        [['Dora Ek', 'Pat'], 5, 2, 2],
      );
      assert.deepEqual(await names('&pageSize=2&page=3'), ['Zoë Örn']);
      const beyond = await list('&pageSize=2&page=4');
      assert.deepEqual([beyond.patients, beyond.total], [[], 5]);
      assert.deepEqual(await names('&order=desc'), ['Zoë Örn', 'Pat', 'Dora Ek', 'Carl Dunn', 'Anna Berg']);
    });

    test('Search matches part of the name or the email, in any case, and takes % and _ literally', async () => {
      assert.deepEqual(await names('&q=%C3%B6RN'), ['Zoë Örn']); // "öRN": Ö folds to ö on both databases
      assert.deepEqual(await names('&q=dunn'), ['Carl Dunn']);
      assert.deepEqual(await names('&q=CLINIC.EX'), ['Carl Dunn']);
      const org = await list('&q=example.org&pageSize=3');
      assert.deepEqual([org.patients.map((p) => p.displayName), org.total], [['Anna Berg', 'Dora Ek', 'Pat'], 4]);
      assert.deepEqual(await names('&q=%25'), []);
      assert.deepEqual(await names('&q=_'), []);
      assert.deepEqual(
        await names('&q=%20%20'),
        ['Anna Berg', 'Carl Dunn', 'Dora Ek', 'Pat', 'Zoë Örn'],
        'blank: everyone',
      );
    });

    test('Each order, with no value last whichever the direction and ties in name order', async () => {
      assert.deepEqual(await names('&sort=lastCheckin'), ['Carl Dunn', 'Anna Berg', 'Zoë Örn', 'Dora Ek', 'Pat']);
      assert.deepEqual(await names('&sort=lastCheckin&order=asc'), [
        'Zoë Örn',
        'Anna Berg',
        'Carl Dunn',
        'Dora Ek',
        'Pat',
      ]);
      assert.deepEqual(await names('&sort=lastSession'), ['Anna Berg', 'Dora Ek', 'Carl Dunn', 'Pat', 'Zoë Örn']);
      assert.deepEqual(await names('&sort=stage'), ['Carl Dunn', 'Dora Ek', 'Zoë Örn', 'Anna Berg', 'Pat']);
      assert.deepEqual(await names('&sort=stage&order=desc'), ['Anna Berg', 'Carl Dunn', 'Dora Ek', 'Zoë Örn', 'Pat']);
      // Dora: red flag and no check-in; Zoë: two reasons; the others none (Carl signed up today).
      assert.deepEqual(await names('&sort=attention'), ['Dora Ek', 'Zoë Örn', 'Anna Berg', 'Carl Dunn', 'Pat']);
      // Carl 0 of 1 and Zoë 0 of 7 (both 0), Dora 1 of 7, Anna 7 of 7; Pat has no program.
      assert.deepEqual(await names('&sort=adherence7'), ['Carl Dunn', 'Zoë Örn', 'Dora Ek', 'Anna Berg', 'Pat']);
      assert.deepEqual(await names('&sort=adherence7&order=desc'), [
        'Anna Berg',
        'Dora Ek',
        'Carl Dunn',
        'Zoë Örn',
        'Pat',
      ]);
      assert.deepEqual(await names('&sort=attention&pageSize=2&page=2'), ['Anna Berg', 'Carl Dunn']);
    });

    test('The lines hold the figures counted by hand', async () => {
      const byName = Object.fromEntries((await list('')).patients.map((p) => [p.displayName, p]));
      assert.deepEqual(byName['Anna Berg'], {
        personId: ids.Anna,
        displayName: 'Anna Berg',
        email: 'anna@example.org',
        linkedAt: byName['Anna Berg']!.linkedAt,
        linkId: byName['Anna Berg']!.linkId,
        program: { stage: 2, status: 'active', stageStartedOn: nov(14) },
        redFlag: false,
        adherence7: { done: 7, prescribed: 7, fraction: 1 },
        adherence28: { done: 7, prescribed: 20, fraction: 7 / 20 },
        lastCheckin: { date: nov(18), maxPain: 3 },
        lastSessionDate: nov(20),
        painTrend: { baseline: 3, recent: 3, status: 'no-meaningful-change', mcidPoints: 2 },
        needsAttention: [],
        // Remote monitoring (issue 15): the period from 1 Nov, 20 days in; days with data: check-ins 1-7 Nov and
        // sessions 14-20 Nov (the 18 Nov check-in falls among them) = 14; 2 more needed with 10 days left.
        monitoring: {
          start: nov(1),
          end: '2026-11-30',
          daysElapsed: 20,
          daysWithData: 14,
          reached: false,
          daysNeeded: 2,
          stillPossible: true,
          minutes: 0,
        },
        unreadMessages: 0,
      });
      assert.deepEqual(byName['Carl Dunn']!.adherence7, { done: 0, prescribed: 1, fraction: 0 });
      assert.deepEqual(byName['Carl Dunn']!.needsAttention, []);
      assert.deepEqual(byName['Dora Ek']!.needsAttention, [
        'red flag: program stopped after a safety answer',
        'no check-in for 7 days',
      ]);
      // The line says the program is stopped (the list shows "Stage 1 of 3 (stopped)"): stage 1 since 1 Nov, stopped by her 15 Nov answers.
      assert.deepEqual(
        [byName['Dora Ek']!.program, byName['Dora Ek']!.redFlag],
        [{ stage: 1, status: 'stopped', stageStartedOn: nov(1) }, true],
      );
      assert.deepEqual(
        [
          byName['Anna Berg']!.program!.status,
          byName['Zoë Örn']!.program!.status,
          byName['Carl Dunn']!.program!.status,
        ],
        ['active', 'active', 'active'],
      );
      assert.deepEqual(byName['Dora Ek']!.adherence7, { done: 1, prescribed: 7, fraction: 1 / 7 });
      // Zoë's only daily check-in (10 Nov) is her baseline; none in the last 7 days, so no trend.
      assert.deepEqual(
        [byName['Zoë Örn']!.painTrend, byName['Zoë Örn']!.needsAttention],
        [null, ['no check-in for 7 days', 'adherence under 50% this week']],
      );
      assert.deepEqual([byName.Pat!.program, byName.Pat!.adherence7, byName.Pat!.needsAttention], [null, null, []]);
    });

    test('Only those who need attention, searched, sorted and paged like the rest', async () => {
      const only = await list('&attention=only');
      assert.deepEqual([only.patients.map((p) => p.displayName), only.total], [['Dora Ek', 'Zoë Örn'], 2]);
      assert.deepEqual(await names('&attention=only&order=desc'), ['Zoë Örn', 'Dora Ek']);
      assert.deepEqual(await names('&attention=only&q=zo'), ['Zoë Örn']);
      const second = await list('&attention=only&pageSize=1&page=2');
      assert.deepEqual([second.patients.map((p) => p.displayName), second.total], [['Zoë Örn'], 2]);
    });

    test('A date more than a week before the latest data is answered exactly from the base tables', async () => {
      // Anna on 5 Nov: 5 days of program (1-5 Nov), no session yet: 0 of 5, not judged yet; daily pain 3 all along.
      const anna = (
        await world.as('clinicianOfClinic', { method: 'GET', url: `/api/patients?date=${nov(5)}&q=anna` })
      ).json().patients[0];
      assert.deepEqual(
        [anna.adherence7, anna.adherence28, anna.painTrend, anna.needsAttention, anna.lastCheckin],
        [
          { done: 0, prescribed: 5, fraction: 0 },
          { done: 0, prescribed: 5, fraction: 0 },
          { baseline: 3, recent: 3, status: 'no-meaningful-change', mcidPoints: 2 },
          [],
          { date: nov(18), maxPain: 3 },
        ],
      );
    });

    test('Reading a page records one read for each patient on it, and for no one else', async () => {
      const reads = async () => {
        const rows = await world.store.db
          .selectFrom('audit_log')
          .selectAll()
          .where('route', '=', '/api/patients')
          .execute();
        assert.ok(
          rows.every(
            (e) =>
              e.action === 'read' && e.actor_account_id === world.accounts.clinicianOfClinic.id && e.method === 'GET',
          ),
        );
        const by = new Map<string, number>();
        for (const r of rows) by.set(r.person_id, (by.get(r.person_id) ?? 0) + 1);
        return by;
      };
      const before = await reads();
      await list('&pageSize=2&page=2');
      await list('&q=anna');
      const after = await reads();
      const added = Object.fromEntries(
        Object.entries(ids).map(([name, id]) => [name, (after.get(id) ?? 0) - (before.get(id) ?? 0)]),
      );
      assert.deepEqual(added, { Pat: 1, Anna: 1, Carl: 0, Dora: 1, Zoë: 0 });
    });

    test('The query is checked: its parameters, their values and their sizes', async () => {
      for (const q of [
        '&pageSize=0',
        '&pageSize=201',
        '&page=0',
        '&page=two',
        '&sort=age',
        '&order=up',
        '&attention=all',
        '&colour=red',
        `&q=${'x'.repeat(201)}`,
        '&date=2026-02-30',
      ]) {
        const res = await world.as('clinicianOfClinic', { method: 'GET', url: `/api/patients?date=${TODAY}${q}` });
        assert.equal(res.statusCode, 400, `${q}: ${res.body}`);
      }
    });

    test("A patient who accepted two of the clinician's invitations is one line, with the first link", async () => {
      const drA = world.accounts.clinicianOfClinic;
      const first = (await list('&q=anna')).patients[0]!;
      const token = await inviteOf(drA);
      assert.ok(await acceptInvitation(world.store.db, sha256(token), ids.Anna!, new Date(Date.now() + 60_000)));
      const all = await list('');
      assert.deepEqual([all.total, all.patients.filter((p) => p.displayName === 'Anna Berg').length], [5, 1]);
      const again = (await list('&q=anna')).patients[0]!;
      assert.deepEqual([again.linkId, again.linkedAt], [first.linkId, first.linkedAt]);
      assert.equal((await list('&sort=attention')).total, 5);
    });

    test('Each line counts the messages from that patient the clinician has not opened; opening the thread clears it', async () => {
      const drA = world.accounts.clinicianOfClinic.id;
      const other = world.accounts.clinicianOtherClinic.id;
      const write = (who: string, to: string, from: 'patient' | 'clinician', n: number) =>
        addMessage(
          world.store.db,
          { personId: ids[who]!, clinicianAccountId: to },
          { from, text: `message ${n}`, sentAt: `${nov(20)}T09:0${n}:00.000Z` },
        );
      await write('Anna', drA, 'patient', 1);
      await write('Anna', drA, 'patient', 2);
      await write('Anna', other, 'patient', 3); // to another clinician: not on Dr A's line
      await write('Zoë', drA, 'clinician', 4); // Dr A's own message: nothing for Dr A to read
      await write('Zoë', drA, 'patient', 5);
      const unread = async () =>
        Object.fromEntries((await list('')).patients.map((p) => [p.displayName, p.unreadMessages]));
      assert.deepEqual(await unread(), { 'Anna Berg': 2, 'Carl Dunn': 0, 'Dora Ek': 0, Pat: 0, 'Zoë Örn': 1 });
      const summary = await world.as('clinicianOfClinic', {
        method: 'GET',
        url: `/api/patients/${ids.Anna}/summary?date=${TODAY}`,
      });
      assert.equal(summary.json().unreadMessages, 2, 'the patient page line too');
      assert.equal(
        (await world.as('clinicianOfClinic', { method: 'GET', url: `/api/patients/${ids.Anna}/messages` })).statusCode,
        200,
      );
      assert.deepEqual(await unread(), { 'Anna Berg': 0, 'Carl Dunn': 0, 'Dora Ek': 0, Pat: 0, 'Zoë Örn': 1 });
    });

    test("One patient's line, for their clinician only", async () => {
      const zoe = await world.as('clinicianOfClinic', {
        method: 'GET',
        url: `/api/patients/${ids.Zoë}/summary?date=${TODAY}`,
      });
      assert.equal(zoe.statusCode, 200);
      assert.deepEqual(
        [zoe.json().displayName, zoe.json().email, zoe.json().needsAttention],
        ['Zoë Örn', 'zoe@example.org', ['no check-in for 7 days', 'adherence under 50% this week']],
      );
      assert.equal(
        (await world.as('clinicianOtherClinic', { method: 'GET', url: `/api/patients/${ids.Zoë}/summary` })).statusCode,
        404,
      );
    });

    // Last: it stops Anna's program.
    test('The judgement kept for the date asked (the orders by attention and adherence) follows the writes and the date', async () => {
      const kept = async () =>
        Object.fromEntries(
          (
            await world.store.db
              .selectFrom('patient_list_figures as f')
              .innerJoin('people as pe', 'pe.id', 'f.person_id')
              .select([
                'pe.display_name as name',
                'f.judged_on',
                'f.attention_key',
                'f.attention_reasons',
                'f.adherence7',
              ])
              .where('pe.id', 'in', Object.values(ids))
              .execute()
          ).map((r) => [
            r.name,
            [r.judged_on, r.attention_key, r.attention_reasons, r.adherence7 === null ? null : Number(r.adherence7)],
          ]),
        );
      assert.deepEqual(await names('&sort=attention'), ['Dora Ek', 'Zoë Örn', 'Anna Berg', 'Carl Dunn', 'Pat']);
      // By hand, for 20 Nov: Dora red flag (1,000) and no check-in, adherence 1 of 7; Zoë no check-in and adherence
      // 0 of 7; Anna 7 of 7; Carl 0 of 1 (signed up today: no reason); Pat no program.
      assert.deepEqual(await kept(), {
        'Anna Berg': [TODAY, 0, 0, 1],
        'Carl Dunn': [TODAY, 0, 0, 0],
        'Dora Ek': [TODAY, 1002, 2, 1 / 7],
        Pat: [TODAY, 0, 0, null],
        'Zoë Örn': [TODAY, 2, 2, 0],
      });
      // A write: Anna answers yes to a safety question today; her row is judged again at the next read, and she
      // moves up (red flag, one reason) while the others keep theirs.
      await submitScreen(world.store.db, ids.Anna!, { answers: answers(true) }, TODAY);
      assert.equal((await kept())['Anna Berg']![0], null, 'the write clears her judgement');
      assert.deepEqual(await names('&sort=attention'), ['Dora Ek', 'Anna Berg', 'Zoë Örn', 'Carl Dunn', 'Pat']);
      assert.deepEqual((await kept())['Anna Berg'], [TODAY, 1001, 1, 1]);
      assert.deepEqual(await names('&attention=only'), ['Anna Berg', 'Dora Ek', 'Zoë Örn']);
      // Another date: everyone is judged again for it. On 28 Nov Anna (stopped) has had no check-in for 10 days: red
      // flag and one reason, as Dora; Carl's program has run 8 days with no session and no check-in since 20 Nov: two
      // reasons, as Zoë. Ties in name order.
      const next = (
        await world.as('clinicianOfClinic', {
          method: 'GET',
          url: `/api/patients?date=${nov(28)}&sort=attention&attention=only`,
        })
      ).json() as { patients: { displayName: string; needsAttention: string[] }[] };
      assert.deepEqual(
        next.patients.map((p) => p.displayName),
        ['Anna Berg', 'Dora Ek', 'Carl Dunn', 'Zoë Örn'],
      );
      assert.ok(Object.values(await kept()).every((k) => k[0] === nov(28)));
      assert.deepEqual(
        next.patients.map((p) => p.needsAttention.length),
        [2, 2, 2, 2],
        'the lines say as many reasons as the order counted',
      );
    });
  });
}

/**
 * The walking target over HTTP on both databases (issue 17): it comes from the person's recent days only, so
 * importing a 2016 Fitbit file changes nothing today; it moves once a week from the week before (DOMAIN.md §2b
 * 2.8); a clinician of the patient can set it or cap it with a reason the patient reads, and remove that again
 * (audited; others are refused). Every figure below is worked out by hand from the days logged.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import { addDays } from '../core/dates.js';
import { apiApp } from '../../test/helpers/api-app.js';
import { DATABASES } from '../../test/helpers/databases.js';
import { clinicApi } from '../../test/helpers/test-clinic.js';

const FITBIT = fileURLToPath(new URL('../../../shared/data/fitbit/dailyActivity_merged.csv', import.meta.url));
/** One person of the shared Fitbit study file (31 days from 12 Apr 2016, about 12,000 steps a day). */
const FITBIT_ID = '1503960366';
const allNo = () => Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));

/** The program starts on Mon 2 Nov 2026; its first week is 2-8 Nov. */
const START = '2026-11-02';

for (const kind of DATABASES) {
  describe(`The walking target over HTTP on ${kind}`, () => {
    const api = apiApp(kind);

    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
      const res = await api.app.inject({ method, url, ...(payload ? { payload } : {}) });
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const walkingOn = async (date: string) => (await call('GET', `/api/today?date=${date}`)).walking;
    const log = async (from: string, steps: readonly number[]) => {
      for (const [i, s] of steps.entries())
        await call('PUT', '/api/walking/manual', { date: addDays(from, i), steps: s });
    };
    async function importFitbit(): Promise<{ status: string; result: { added: number } }> {
      const res = await api.app.inject({
        method: 'POST',
        url: `/api/imports?name=dailyActivity_merged.csv&fitbitId=${FITBIT_ID}`,
        payload: readFileSync(FITBIT),
        headers: { 'content-type': 'application/octet-stream' },
      });
      assert.equal(res.statusCode, 202, res.body);
      for (let i = 0; i < 400; i++) {
        const job = (await api.app.inject({ method: 'GET', url: `/api/jobs/${res.json().jobId}` })).json();
        if (job.status === 'done' || job.status === 'failed') return job;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('the import did not finish');
    }

    test("Given a stage-1 person with no recent walking, when a 2016 Fitbit file is imported, then today's target stays the gentle 10 minutes", async () => {
      await call('POST', `/api/screen?date=${START}`, { answers: allNo(), birthYear: 1970 });
      const before = await walkingOn(START);
      assert.deepEqual([before.provisional, before.steps, before.minutes], [true, null, 10]);
      const job = await importFitbit();
      assert.equal(job.status, 'done');
      assert.equal(job.result.added > 0, true);
      const days2016 = await call('GET', '/api/walking/daily?from=2016-04-01&to=2016-05-31');
      assert.equal(days2016.length, 31, 'the old days are stored and can be browsed');
      assert.deepEqual(await walkingOn(START), before);
    });

    test('Given three of the last 7 days logged, when the target is set, then it is their mean, and old days still change nothing', async () => {
      // 30 Oct - 1 Nov: 4000 + 5000 + 6000 = 15,000 over 3 days = 5000 steps; about 50 min at 100 steps/min.
      await log('2026-10-30', [4000, 5000, 6000]);
      const t = await walkingOn(START);
      assert.deepEqual([t.provisional, t.steps, t.minutes, t.baselineSteps], [false, 5000, 50, 5000]);
      assert.deepEqual(t.window, { from: '2026-10-26', to: '2026-11-01', daysWithData: 3 });
      assert.equal(
        t.basis,
        'Your average was 5,000 steps a day over the 7 days from 26 Oct to 1 Nov (on the 3 of those days with walking data; days without data are left out): your target is that baseline.',
      );
      // A day long before the window, logged by hand, changes nothing either.
      await call('PUT', '/api/walking/manual', { date: '2010-06-01', steps: 30_000 });
      assert.deepEqual(await walkingOn(START), t);
    });

    test('Given a first week walked at 4000 steps with pain within the rules, when week 2 starts, then the target is 4400 steps for the whole week', async () => {
      await log(START, Array(7).fill(4000));
      for (let i = 0; i < 7; i++)
        await call('POST', '/api/checkins', { at: `${addDays(START, i)}T08:00:00+00:00`, context: 'daily', back: 3 });
      const t = await walkingOn('2026-11-09');
      // Week 1 (2-8 Nov): 4000 a day; daily pain 3 every day (its own baseline): an ok week, so 4000 x 1.1.
      assert.deepEqual([t.steps, t.minutes], [4400, 44]);
      assert.equal(
        t.basis,
        'Your average was 4,000 steps a day over the 7 days from 2 Nov to 8 Nov; your pain stayed within the rules that week, so your target is 10% higher.',
      );
      // Walking more during week 2 does not move this week's target.
      await log('2026-11-09', [9000, 9000, 9000]);
      assert.equal((await walkingOn('2026-11-12')).steps, 4400);
    });

    test("Given pain past the rules in week 2, when week 3 starts, then the target is 10% below week 2's mean", async () => {
      // Week 2 (9-15 Nov): 9000 x 3 (logged above) + 4400 x 4 = 44,600 / 7 = 6371.4 steps; x 0.9 = 5734.3 -> 5730.
      await log('2026-11-12', [4400, 4400, 4400, 4400]);
      await call('POST', '/api/checkins', { at: '2026-11-13T19:00:00+00:00', context: 'after', back: 7 });
      const t = await walkingOn('2026-11-16');
      assert.deepEqual([t.steps, t.minutes], [5730, 57]);
      assert.match(
        t.basis,
        /^Your average was 6,370 steps a day over the 7 days from 9 Nov to 15 Nov; your pain went past the rules that week, so your target is 10% lower\.$/,
      );
    });
  });
}

for (const kind of DATABASES) {
  describe(`A clinician sets or caps the walking target over HTTP on ${kind}`, () => {
    const world = clinicApi(kind);
    let personId: string;
    before(() => {
      personId = world.accounts.patient.personId!;
    });

    const TODAY = '2026-11-09';
    const REASON = 'Your knee was sore after the long walks: a lighter week, then we look again.';
    const asPatient = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
      const res = await world.as('patient', { method, url, ...(payload ? { payload } : {}) });
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const setting = (
      payload: object,
      who: 'clinicianOfClinic' | 'clinicianOtherClinic' | 'clinicAdmin' | 'patient' = 'clinicianOfClinic',
    ) => world.as(who, { method: 'PUT', url: `/api/patients/${personId}/walking-target?date=${TODAY}`, payload });
    const walkDose = async () => {
      const today = await asPatient('GET', `/api/today?date=${TODAY}`);
      return {
        walking: today.walking,
        doseText: today.plan.items.find((i: { exercise: string }) => i.exercise === 'walk').doseText as string,
      };
    };

    test('Given a patient who has not started the program, when the clinician sets a target, then it is refused as a conflict', async () => {
      const res = await setting({ kind: 'target', steps: 6000, reason: REASON });
      assert.equal(res.statusCode, 409);
      assert.match(res.json().error.message, /has not started the program/);
    });

    test('Given a week of 6000 steps within the pain rules, when the patient opens Today, then their own target is 6600 steps', async () => {
      await asPatient('POST', `/api/screen?date=${START}`, { answers: allNo(), birthYear: 1970 });
      for (let i = 0; i < 7; i++) {
        await asPatient('PUT', '/api/walking/manual', { date: addDays(START, i), steps: 6000 });
        await asPatient('POST', '/api/checkins', {
          at: `${addDays(START, i)}T08:00:00+00:00`,
          context: 'daily',
          back: 3,
        });
      }
      // 6000 x 1.1 = 6600 steps; about 66 min at 100 steps/min.
      const { walking, doseText } = await walkDose();
      assert.deepEqual([walking.steps, walking.minutes, walking.clinician], [6600, 66, null]);
      assert.equal(doseText, '6,600 steps (about 66 min) today');
    });

    test('Given a cap of 5000 steps with a reason, when the patient opens Today, then the target is 5000 steps, with the reason and who set it', async () => {
      const res = await setting({ kind: 'cap', steps: 5000, reason: `  ${REASON}  ` });
      assert.equal(res.statusCode, 200, res.body);
      // min(6600, 5000) = 5000 steps; minutes in the same ratio: 5000 x 66 / 6600 = 50.
      assert.deepEqual([res.json().steps, res.json().minutes], [5000, 50]);
      const { walking, doseText } = await walkDose();
      assert.equal(doseText, '5,000 steps (about 50 min) today (capped by your clinician)');
      assert.deepEqual(walking.clinician, {
        kind: 'cap',
        steps: 5000,
        minutes: null,
        reason: REASON,
        setBy: 'Dr A',
        setOn: TODAY,
        applied: true,
        own: { steps: 6600, minutes: 66 },
        text: 'Dr A capped your walking target at 5,000 steps a day on 9 Nov. From your own recent days it would be 6,600 steps.',
      });
      assert.match(walking.basis, /^Your average was 6,000 steps a day over the 7 days from 2 Nov to 8 Nov;/);
    });

    const changes: [string, object, number | null, number, string][] = [
      [
        'a cap of 8000 steps, above the own 6600: nothing changes',
        { kind: 'cap', steps: 8000 },
        6600,
        66,
        '6,600 steps (about 66 min) today',
      ],
      [
        'a cap of 45 minutes: 45 min, and 6600 x 45 / 66 = 4500 steps',
        { kind: 'cap', minutes: 45 },
        4500,
        45,
        '4,500 steps (about 45 min) today (capped by your clinician)',
      ],
      [
        'a target of 7000 steps: about 7000 x 66 / 6600 = 70 min',
        { kind: 'target', steps: 7000 },
        7000,
        70,
        '7,000 steps (about 70 min) today (set by your clinician)',
      ],
      [
        'a target of 30 minutes: counted in minutes',
        { kind: 'target', minutes: 30 },
        null,
        30,
        '30 min today (set by your clinician)',
      ],
    ];
    for (const [name, body, steps, minutes, doseText] of changes) {
      test(`Given ${name}, when the patient opens Today, then it reads "${doseText}"`, async () => {
        assert.equal((await setting({ ...body, reason: REASON })).statusCode, 200);
        const t = await walkDose();
        assert.deepEqual([t.walking.steps, t.walking.minutes, t.doseText], [steps, minutes, doseText]);
        assert.equal(t.walking.clinician.reason, REASON);
      });
    }

    const refused: [string, object, string][] = [
      ['steps and minutes both', { kind: 'cap', steps: 5000, minutes: 30, reason: REASON }, 'body.steps'],
      ['no figure', { kind: 'cap', reason: REASON }, 'body.steps'],
      ['99 steps', { kind: 'cap', steps: 99, reason: REASON }, 'body.steps'],
      ['181 minutes', { kind: 'target', minutes: 181, reason: REASON }, 'body.minutes'],
      ['no reason', { kind: 'cap', steps: 5000 }, 'body.reason'],
      ['a reason of 501 characters', { kind: 'cap', steps: 5000, reason: 'x'.repeat(501) }, 'body.reason'],
      ['a control character in the reason', { kind: 'cap', steps: 5000, reason: 'Sore\u0000knee' }, 'body.reason'],
    ];
    for (const [name, body, field] of refused) {
      test(`Given ${name}, when the clinician saves, then it is refused at ${field} and the setting stays`, async () => {
        const res = await setting(body);
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.field, field);
        assert.equal((await walkDose()).walking.clinician.minutes, 30);
      });
    }

    test('Given a clinician whose screen is Spanish, when the setting is refused, then it says why in Spanish (English otherwise)', async () => {
      const refusal = async (headers: Record<string, string>) => {
        const res = await world.as('clinicianOfClinic', {
          method: 'PUT',
          url: `/api/patients/${personId}/walking-target?date=${TODAY}`,
          payload: { kind: 'cap', steps: 99, reason: REASON },
          headers,
        });
        assert.equal(res.statusCode, 400, res.body);
        return res.json().error.message as string;
      };
      assert.equal(
        await refusal({ 'accept-language': 'es-ES,es;q=0.9' }),
        'body.steps: un número entero de pasos del 100 al 30.000',
      );
      assert.equal(await refusal({}), 'body.steps: a whole number of steps from 100 to 30,000');
    });

    test("Given the setting, when anyone but the patient's clinician tries to change it, then they are refused and it stays", async () => {
      const body = { kind: 'cap', steps: 2000, reason: REASON };
      assert.equal((await setting(body, 'clinicianOtherClinic')).statusCode, 404);
      assert.equal((await setting(body, 'clinicAdmin')).statusCode, 404);
      assert.equal((await setting(body, 'patient')).statusCode, 403);
      assert.equal(
        (await world.as('patient', { method: 'DELETE', url: `/api/patients/${personId}/walking-target` })).statusCode,
        403,
      );
      assert.equal((await walkDose()).walking.clinician.minutes, 30);
    });

    test("Given the setting, when the clinician removes it, then the target is the patient's own again; removing twice removes nothing", async () => {
      const del = await world.as('clinicianOfClinic', {
        method: 'DELETE',
        url: `/api/patients/${personId}/walking-target?date=${TODAY}`,
      });
      assert.equal(del.statusCode, 200, del.body);
      assert.deepEqual(
        [del.json().removed, del.json().walking.steps, del.json().walking.clinician],
        [true, 6600, null],
      );
      const t = await walkDose();
      assert.deepEqual(
        [t.walking.steps, t.walking.clinician, t.doseText],
        [6600, null, '6,600 steps (about 66 min) today'],
      );
      const again = await world.as('clinicianOfClinic', {
        method: 'DELETE',
        url: `/api/patients/${personId}/walking-target?date=${TODAY}`,
      });
      assert.equal(again.json().removed, false);
    });

    test('Given the changes above, when the patient opens Progress, then each change that was saved is in the program history with its reason, and a refused one is not', async () => {
      const { events } = (await asPatient('GET', `/api/progress?date=${TODAY}`)) as {
        events: {
          action: string;
          actor: string;
          fromStage: number;
          toStage: number;
          onDate: string;
          reasons: { rule: string; text: string }[];
        }[];
      };
      const walking = events.filter((e) => e.reasons.some((r) => r.rule === 'clinician-walking-target'));
      // The cap, the four changes (the refused ones add nothing), and one removal (the second removed nothing).
      assert.deepEqual(
        walking.map((e) => e.reasons[0]!.text),
        [
          `Dr A capped your walking target at 5,000 steps a day: ${REASON}`,
          `Dr A capped your walking target at 8,000 steps a day: ${REASON}`,
          `Dr A capped your walking target at 45 minutes a day: ${REASON}`,
          `Dr A set your walking target to 7,000 steps a day: ${REASON}`,
          `Dr A set your walking target to 30 minutes a day: ${REASON}`,
          'Dr A removed the walking target set on 9 Nov: your target comes from your own recent days again.',
        ],
      );
      // The stage stays where it was (stage 1: this patient has not moved on), the change is the clinician's, dated today.
      for (const e of walking)
        assert.deepEqual([e.action, e.actor, e.fromStage, e.toStage, e.onDate], ['hold', 'clinician', 1, 1, TODAY]);
    });

    test("Given the changes above, when the patient reads their audit log, then each one is there as the clinician's write", async () => {
      const audit = (await asPatient('GET', '/api/audit')) as {
        route: string;
        method: string;
        action: string;
        actorName: string | null;
      }[];
      const writes = audit.filter((e) => e.route === '/api/patients/:personId/walking-target' && e.action === 'write');
      // The cap, the four changes, and the two removals (the second removed nothing, but was asked).
      assert.deepEqual(
        writes.map((e) => `${e.method} ${e.actorName}`).sort(),
        [...Array(5).fill('PUT Dr A'), 'DELETE Dr A', 'DELETE Dr A'].sort(),
      );
    });

    test('Given a program paused by a safety answer, when the clinician sets a target, then it is refused as a conflict', async () => {
      const flag = { ...allNo(), [RED_FLAG_QUESTIONS[0]!.id]: true };
      await asPatient('POST', `/api/screen?date=${TODAY}`, { answers: flag });
      const res = await setting({ kind: 'target', steps: 6000, reason: REASON });
      assert.equal(res.statusCode, 409);
      assert.match(res.json().error.message, /paused after a safety answer/);
    });
  });
}

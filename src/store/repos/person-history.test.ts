/**
 * readPlanHistory (one statement for what today's plan reads) on SQLite and PostgreSQL: every table's rows of this
 * person only, in the order its repository reads them, with the figures stored (a float's every digit, nulls), the
 * latest screen, and the walking days of the range asked for. Expected values are the rows written here, in the order
 * worked out by hand; the repositories' own reads are compared too, as a second, independent path.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES, freshStore } from '../../../test/helpers/databases.js';
import { evaluateScreen, PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../../core/red-flags.js';
import type { Store } from '../db.js';
import type { Reason } from '../../core/program-engine.js';
import { insertOutcomeScore, listOutcomeScores } from './assessments.js';
import { addCheckinRow, listCheckinSignals } from './checkins.js';
import { readPlanHistory } from './person-history.js';
import { ensureLocalPerson, setBirthYear } from './people.js';
import { addProgramEvent, getProgram, listProgramEvents, setWalkingOverride, upsertProgram } from './program.js';
import { insertScreen, latestScreen } from './screens.js';
import { listSessionDays } from './sessions.js';
import { dailyWalking } from './walking.js';
import { newWalkingOverride } from '../../core/walking-override.js';

const ANSWERS = Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
const CLEAR = evaluateScreen(ANSWERS).result!;
const RANGE = { from: '2026-11-02', to: '2026-11-19' };
/** A distance that needs all 17 significant digits to come back as the same double. */
const LONG_FLOAT = 3521.1234567890124;

for (const kind of DATABASES) {
  describe(`One read of a person's plan history on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let personId: string;
    let otherId: string;
    before(async () => {
      ({ store, cleanup } = await freshStore(kind));
      personId = (await ensureLocalPerson(store.db)).id;
      otherId = globalThis.crypto.randomUUID();
      await store.db
        .insertInto('people')
        .values({ id: otherId, display_name: 'Other', birth_year: 1990, created_at: '2026-11-01T00:00:00.000Z' })
        .execute();
    });
    after(async () => {
      await cleanup();
    });

    test('Given a person with nothing stored, when the history is read, then every part is empty', async () => {
      assert.deepEqual(await readPlanHistory(store.db, personId, RANGE), {
        screen: null,
        program: null,
        birthYear: null,
        checkins: [],
        sessionDays: [],
        events: [],
        outcomeScores: [],
        walkingDays: [],
      });
    });

    test("Given rows written out of order (and another person's), when the history is read, then it holds this person's rows in their order with the stored figures", async () => {
      const db = store.db;
      await insertScreen(db, personId, '2026-11-03T08:00:00.000Z', ANSWERS, CLEAR);
      await insertScreen(db, personId, '2026-11-01T08:00:00.000Z', ANSWERS, CLEAR);
      await insertScreen(db, otherId, '2026-11-09T08:00:00.000Z', ANSWERS, CLEAR);
      await upsertProgram(db, personId, {
        stage: 2,
        stageStartedOn: '2026-11-09',
        startedOn: '2026-11-02',
        status: 'active',
        decidedOn: '2026-11-10',
        doseOverrides: null,
      });
      const cap = newWalkingOverride(
        { kind: 'cap', steps: 5000, reason: 'A lighter week for the knee.' },
        'Dr Kim',
        '2026-11-03',
      );
      await setWalkingOverride(db, personId, cap);
      await setBirthYear(db, personId, 1961);
      // Check-ins stored 5th, 2nd, 4th: read back 2nd, 4th, 5th.
      await addCheckinRow(
        db,
        personId,
        { at: '2026-11-05T07:30:00+00:00', context: 'daily', back: 4, neck: null, foot: 1, regions: [] },
        null,
      );
      await addCheckinRow(
        db,
        personId,
        { at: '2026-11-02T07:30:00+00:00', context: 'daily', back: 6, neck: 2, foot: 0, regions: [] },
        null,
      );
      await addCheckinRow(
        db,
        personId,
        {
          at: '2026-11-04T19:00:00+00:00',
          context: 'after',
          back: 3,
          heelFirstSteps: 3,
          newLowerLimbSymptoms: true,
          regions: [],
        },
        null,
      );
      await addCheckinRow(
        db,
        otherId,
        { at: '2026-11-03T07:30:00+00:00', context: 'daily', back: 9, regions: [] },
        null,
      );
      for (const [id, started, status] of [
        ['s-late', '2026-11-04T18:00:00+00:00', 'completed'],
        ['s-early', '2026-11-02T18:00:00+00:00', 'partial'],
      ] as const) {
        await db
          .insertInto('sessions')
          .values({
            id,
            person_id: personId,
            client_id: id,
            date: started.slice(0, 10),
            started_at: started,
            completed_at: started,
            stage: 1,
            status,
            items: '[]',
          })
          .execute();
      }
      const reason = {
        rule: 'all-met',
        text: 'You did your sessions and your pain stayed within the rules for a week, so the next stage starts.',
        said: { id: 'progress.all-met', params: {} },
        refs: ['46'],
      } satisfies Reason;
      await addProgramEvent(db, personId, {
        at: '2026-11-09T06:00:00.000Z',
        onDate: '2026-11-09',
        action: 'progress',
        fromStage: 1,
        toStage: 2,
        reasons: [reason],
        actor: 'engine',
      });
      await addProgramEvent(db, personId, {
        at: '2026-11-02T06:00:00.000Z',
        onDate: '2026-11-02',
        action: 'start',
        fromStage: null,
        toStage: 1,
        reasons: [],
        actor: 'person',
      });
      await insertOutcomeScore(db, personId, {
        measureId: 'odi',
        inputs: { q1: 2 },
        score: 22.5,
        recordedAt: '2026-11-08T10:00:00.000Z',
        recordedBy: 'person',
      });
      await insertOutcomeScore(db, personId, {
        measureId: 'psfs',
        inputs: {},
        score: null,
        recordedAt: '2026-11-02T10:00:00.000Z',
        recordedBy: 'clinician',
      });
      const day = (date: string, steps: number, distance: number, cadence: number | null) => ({
        person_id: personId,
        date,
        steps,
        distance_m: distance,
        minutes: 40,
        speed_mps: null,
        cadence_spm: cadence,
        step_length_m: null,
        asymmetry_pct: null,
        double_support_pct: 2.25,
        sources: '["manual"]',
      });
      await db
        .insertInto('walking_days')
        .values([
          day('2026-11-20', 1, 1, null),
          day('2026-11-06', 6100, LONG_FLOAT, 101.5),
          day('2026-11-01', 9999, 1, null),
          day('2026-11-02', 5000, 3500, null),
        ])
        .execute();
      await db
        .insertInto('walking_days')
        .values({ ...day('2026-11-05', 7000, 1, null), person_id: otherId })
        .execute();

      const h = await readPlanHistory(db, personId, RANGE);
      assert.equal(h.screen!.takenAt, '2026-11-03T08:00:00.000Z');
      assert.deepEqual([h.screen!.answers, h.screen!.result], [ANSWERS, CLEAR]);
      assert.deepEqual(h.program, {
        stage: 2,
        stageStartedOn: '2026-11-09',
        startedOn: '2026-11-02',
        status: 'active',
        decidedOn: '2026-11-10',
        doseOverrides: null,
        walkingOverride: cap,
      });
      assert.equal(h.birthYear, 1961);
      assert.deepEqual(h.checkins, [
        {
          date: '2026-11-02',
          context: 'daily',
          back: 6,
          neck: 2,
          foot: 0,
          heelFirstSteps: null,
          newLowerLimbSymptoms: null,
        },
        {
          date: '2026-11-04',
          context: 'after',
          back: 3,
          neck: null,
          foot: null,
          heelFirstSteps: 3,
          newLowerLimbSymptoms: true,
        },
        {
          date: '2026-11-05',
          context: 'daily',
          back: 4,
          neck: null,
          foot: 1,
          heelFirstSteps: null,
          newLowerLimbSymptoms: null,
        },
      ]);
      assert.deepEqual(h.sessionDays, [
        { date: '2026-11-02', status: 'partial' },
        { date: '2026-11-04', status: 'completed' },
      ]);
      assert.deepEqual(
        h.events.map((e) => [e.onDate, e.action, e.fromStage, e.toStage, e.actor, e.reasons]),
        [
          ['2026-11-02', 'start', null, 1, 'person', []],
          ['2026-11-09', 'progress', 1, 2, 'engine', [reason]],
        ],
      );
      assert.deepEqual(
        h.outcomeScores.map((o) => [o.measureId, o.score, o.inputs, o.recordedBy]),
        [
          ['psfs', null, {}, 'clinician'],
          ['odi', 22.5, { q1: 2 }, 'person'],
        ],
      );
      assert.deepEqual(h.walkingDays, [
        {
          date: '2026-11-02',
          steps: 5000,
          distanceM: 3500,
          minutes: 40,
          speedMps: null,
          cadenceSpm: null,
          stepLengthM: null,
          asymmetryPct: null,
          doubleSupportPct: 2.25,
        },
        {
          date: '2026-11-06',
          steps: 6100,
          distanceM: LONG_FLOAT,
          minutes: 40,
          speedMps: null,
          cadenceSpm: 101.5,
          stepLengthM: null,
          asymmetryPct: null,
          doubleSupportPct: 2.25,
        },
      ]);
      assert.ok(Object.is(h.walkingDays[1]!.distanceM, LONG_FLOAT));

      // The repositories' own reads, query by query, give the same.
      assert.deepEqual(h.screen, await latestScreen(db, personId));
      assert.deepEqual(h.program, await getProgram(db, personId));
      assert.deepEqual(h.checkins, await listCheckinSignals(db, personId));
      assert.deepEqual(h.sessionDays, await listSessionDays(db, personId));
      assert.deepEqual(h.events, await listProgramEvents(db, personId));
      assert.deepEqual(h.outcomeScores, await listOutcomeScores(db, personId));
      assert.deepEqual(h.walkingDays, await dailyWalking(db, personId, RANGE));
    });
  });
}

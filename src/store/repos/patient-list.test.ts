/**
 * The patient list's kept figures in the store, on SQLite and PostgreSQL: every write path (check-ins, sessions
 * with their pain scores, the program's start, stop and restart, deletes, a backup restore, the migration's fill)
 * leaves each person's row equal to the figures recomputed from all their rows, and the list's line for any date
 * (answered from the row, or from the base tables for a date the row does not cover) equals the exact one.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Migrator, type Kysely } from 'kysely';
import { addDays } from '../../core/dates.js';
import { maxPain } from '../../core/pain.js';
import { encodeFigures, figuresFrom, listLine, readKept, type FiguresSource } from '../../core/patient-list-figures.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../../core/red-flags.js';
import { listLineFor } from '../../services/patient-list-service.js';
import { submitScreen } from '../../services/program-service.js';
import { DATABASES, freshStore } from '../../../test/helpers/databases.js';
import { exportBackup, restoreBackup } from '../backup.js';
import { MIGRATIONS, migrate, type Store } from '../db.js';
import type { Database } from '../schema.js';
import { deletePatientWithData } from './accounts.js';
import { insertCheckin } from './checkins.js';
import { inTransaction, refreshListFigures, storedListFigures, storeJudgements } from './patient-list.js';
import { getProgram } from './program.js';
import { saveSession } from './sessions.js';

const BASE = '2026-09-01';
const day = (n: number) => addDays(BASE, n);
const answers = (stop: boolean) =>
  Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q, i) => [q.id, stop && i === 0]));

async function newPerson(db: Kysely<Database>, name = 'P'): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('people')
    .values({ id, display_name: name, birth_year: null, created_at: new Date().toISOString() })
    .execute();
  return id;
}

/** Everything the figures come from, read in full (no windows, no limits). */
async function allRows(db: Kysely<Database>, personId: string): Promise<FiguresSource> {
  const program = await getProgram(db, personId);
  const checkins = await db.selectFrom('checkins').selectAll().where('person_id', '=', personId).execute();
  const sessions = await db
    .selectFrom('sessions')
    .select(['date', 'status'])
    .where('person_id', '=', personId)
    .execute();
  const resumes = await db
    .selectFrom('program_events')
    .select('on_date')
    .where('person_id', '=', personId)
    .where('action', '=', 'resume')
    .execute();
  return {
    program: program ? { startedOn: program.startedOn } : null,
    checkins: checkins.map((c) => ({ id: c.id, at: c.at, date: c.date, context: c.context, maxPain: maxPain(c) })),
    sessions,
    resumeDates: resumes.map((r) => r.on_date),
  };
}

/** The stored row equals the recomputation from all rows, and the line for each date equals the exact one. */
async function assertFiguresRight(db: Kysely<Database>, personId: string, dates: readonly string[]): Promise<void> {
  const all = await allRows(db, personId);
  const stored = (await storedListFigures(db, [personId])).get(personId);
  // No row only for a person nothing was written for yet (the list computes theirs from the base tables).
  if (stored || all.program || all.checkins.length || all.sessions.length)
    assert.deepEqual(stored, encodeFigures(figuresFrom(all)), 'the kept row');
  const p = await getProgram(db, personId);
  const program = p && { stage: p.stage, status: p.status, startedOn: p.startedOn, stageStartedOn: p.stageStartedOn };
  for (const date of dates)
    assert.deepEqual(
      await listLineFor(db, personId, date),
      listLine(readKept(figuresFrom(all, date)), program, date, 7),
      `the line on ${date}`,
    );
}

type Op =
  | { kind: 'screen'; day: number; stop: boolean }
  | { kind: 'checkin'; day: number; hour: number; context: 'daily' | 'before' | 'after'; pain: number }
  | { kind: 'session'; day: number; done: boolean; painBefore: number | null; painAfter: number | null }
  | { kind: 'deleteCheckin'; pick: number }
  | { kind: 'deleteSession'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('screen' as const),
      day: fc.integer({ min: 0, max: 60 }),
      stop: fc.boolean(),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('checkin' as const),
      day: fc.integer({ min: 0, max: 60 }),
      hour: fc.integer({ min: 0, max: 23 }),
      context: fc.constantFrom('daily' as const, 'before' as const, 'after' as const),
      pain: fc.integer({ min: 0, max: 10 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('session' as const),
      day: fc.integer({ min: 0, max: 60 }),
      done: fc.boolean(),
      painBefore: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      painAfter: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('deleteCheckin' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('deleteSession' as const), pick: fc.nat() }), weight: 1 },
);

/** Applies one operation through the app's own write paths (deletes: no route deletes yet; a delete refreshes). */
async function apply(db: Kysely<Database>, personId: string, op: Op, n: number): Promise<void> {
  const at = (d: number, h: number) => `${day(d)}T${String(h).padStart(2, '0')}:00:00+00:00`;
  if (op.kind === 'screen') {
    const program = await getProgram(db, personId);
    // A clear answer after a stop restarts the program once a clinician has checked the person.
    await submitScreen(
      db,
      personId,
      { answers: answers(op.stop), clinicianCleared: program?.status === 'stopped' },
      day(op.day),
    );
  } else if (op.kind === 'checkin') {
    await insertCheckin(db, personId, { at: at(op.day, op.hour), context: op.context, back: op.pain, regions: [] });
  } else if (op.kind === 'session') {
    const item = {
      exercise: 'ball-roll' as const,
      position: 'sitting' as const,
      completed: op.done,
      setsDone: 1,
      repsDone: 0,
      secondsDone: op.done ? 120 : 30,
    };
    await saveSession(db, personId, 1, {
      clientId: `s${n}`,
      startedAt: at(op.day, 18),
      completedAt: at(op.day, 19),
      items: [item],
      ...(op.painBefore !== null ? { painBefore: { back: op.painBefore } } : {}),
      ...(op.painAfter !== null ? { painAfter: { neck: op.painAfter } } : {}),
    });
  } else {
    const table = op.kind === 'deleteCheckin' ? 'checkins' : 'sessions';
    const ids = (await db.selectFrom(table).select('id').where('person_id', '=', personId).orderBy('id').execute()).map(
      (r) => r.id,
    );
    if (!ids.length) return;
    const id = ids[op.pick % ids.length]!;
    await inTransaction(db, async (trx) => {
      if (table === 'sessions') await trx.deleteFrom('checkins').where('session_id', '=', id).execute();
      await trx.deleteFrom(table).where('id', '=', id).execute();
      await refreshListFigures(trx, personId);
    });
  }
}

for (const kind of DATABASES) {
  describe(`The patient list's kept figures on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => ({ store, cleanup } = await freshStore(kind)));
    after(async () => cleanup?.());

    test(
      'Property: after any sequence of check-ins, sessions, deletes, stops and restarts, the row equals the recomputation and every line the exact one',
      { timeout: 600_000 },
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(opArb, { minLength: 1, maxLength: 14 }),
            fc.array(fc.integer({ min: -5, max: 75 }), { minLength: 2, maxLength: 4 }),
            async (ops, days) => {
              const personId = await newPerson(store.db);
              let n = 0;
              for (const op of ops) await apply(store.db, personId, op, n++);
              await assertFiguresRight(store.db, personId, days.map(day));
            },
          ),
          { numRuns: kind === 'sqlite' ? 40 : 25 },
        );
      },
    );

    test('Given a year of daily check-ins, when asked about a date months back, then the line comes from the base tables and is exact', async () => {
      const personId = await newPerson(store.db);
      await submitScreen(store.db, personId, { answers: answers(false) }, day(0));
      for (let d = 0; d < 120; d += 3) {
        await insertCheckin(store.db, personId, {
          at: `${day(d)}T07:00:00+00:00`,
          context: 'daily',
          back: (d % 7) + 1,
          regions: [],
        });
        if (d % 2 === 0)
          await saveSession(store.db, personId, 1, {
            clientId: `y${d}`,
            startedAt: `${day(d)}T18:00:00+00:00`,
            completedAt: `${day(d)}T18:10:00+00:00`,
            items: [
              {
                exercise: 'ball-roll',
                position: 'sitting',
                completed: true,
                setsDone: 1,
                repsDone: 0,
                secondsDone: 120,
              },
            ],
          });
      }
      // The kept windows end on day 117 and 114; day 20 and day 60 are far before them.
      await assertFiguresRight(store.db, personId, [day(20), day(60), day(107), day(117), day(200)]);
    });

    test('Given a backup restored into a new person, then their row is refreshed; deleting the person removes it', async () => {
      const from = await newPerson(store.db);
      await submitScreen(store.db, from, { answers: answers(false) }, day(0));
      for (let d = 0; d < 10; d++)
        await insertCheckin(store.db, from, {
          at: `${day(d)}T07:00:00+00:00`,
          context: 'daily',
          foot: d % 4,
          regions: [],
        });
      const backup = await exportBackup(store.db, from);
      const to = await newPerson(store.db, 'Restored');
      await restoreBackup(store.db, to, {
        ...backup,
        checkins: backup.checkins.map((c) => ({ ...c, id: randomUUID() })),
        sessions: [],
        programEvents: [],
        screens: [],
      });
      await assertFiguresRight(store.db, to, [day(9), day(2)]);
      assert.equal((await storedListFigures(store.db, [to])).get(to)?.lastCheckinDate, day(9));
      await deletePatientWithData(store.db, to);
      assert.equal((await storedListFigures(store.db, [to])).size, 0);
    });

    test('Given two check-ins of one person written at once, then the row that commits last has seen both', async () => {
      const personId = await newPerson(store.db);
      await submitScreen(store.db, personId, { answers: answers(false) }, day(0));
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      let firstWritten!: () => void;
      const written = new Promise<void>((r) => {
        firstWritten = r;
      });
      // The first transaction writes and refreshes, then waits before committing; the second runs meanwhile.
      const first = store.db.transaction().execute(async (trx) => {
        await insertCheckin(trx, personId, { at: `${day(3)}T07:00:00+00:00`, context: 'daily', back: 3, regions: [] });
        firstWritten();
        await held;
      });
      await written;
      const second = insertCheckin(store.db, personId, {
        at: `${day(4)}T07:00:00+00:00`,
        context: 'daily',
        back: 8,
        regions: [],
      });
      await new Promise((r) => setTimeout(r, 200));
      release();
      await Promise.all([first, second]);
      await assertFiguresRight(store.db, personId, [day(4)]);
      assert.equal((await storedListFigures(store.db, [personId])).get(personId)?.dailyPain, '1:3,0:8');
    });
  });

  describe(`The judgement kept for one date on ${kind}`, () => {
    test('Given a judgement worked out before a write refreshed the row, when it is stored, then it is not (the row is judged again)', async () => {
      const { store, cleanup } = await freshStore(kind);
      try {
        const a = await newPerson(store.db, 'A');
        await inTransaction(store.db, (trx) => refreshListFigures(trx, a));
        const row = () =>
          store.db
            .selectFrom('patient_list_figures')
            .select(['version', 'judged_on', 'attention_key', 'attention_reasons', 'adherence7'])
            .where('person_id', '=', a)
            .executeTakeFirstOrThrow();
        const before = (await row()).version;
        const judgement = (version: number) => ({
          personId: a,
          version,
          attentionKey: 1001,
          attentionReasons: 1,
          adherence7: 0.5,
        });
        await storeJudgements(store.db, day(3), [judgement(before)]);
        assert.deepEqual(await row(), {
          version: before,
          judged_on: day(3),
          attention_key: 1001,
          attention_reasons: 1,
          adherence7: 0.5,
        });
        // A check-in's refresh raises the version and clears the judgement...
        await insertCheckin(store.db, a, { at: `${day(3)}T08:00:00+00:00`, context: 'daily', back: 4, regions: [] });
        assert.deepEqual(await row(), {
          version: before + 1,
          judged_on: null,
          attention_key: 1001,
          attention_reasons: 1,
          adherence7: 0.5,
        });
        // ...so a judgement worked out from the figures before it is not stored; one from the new figures is.
        await storeJudgements(store.db, day(3), [judgement(before)]);
        assert.equal((await row()).judged_on, null);
        await storeJudgements(store.db, day(3), [{ ...judgement(before + 1), attentionKey: 0, attentionReasons: 0 }]);
        assert.deepEqual(await row(), {
          version: before + 1,
          judged_on: day(3),
          attention_key: 0,
          attention_reasons: 0,
          adherence7: 0.5,
        });
      } finally {
        await cleanup();
      }
    });
  });

  describe(`Migration 0012 on ${kind}`, () => {
    test('Given people with data written before the table existed, when it migrates, then each gets the recomputed row', async () => {
      const { store, cleanup } = await freshStore(kind);
      try {
        // Back to 0011 (the table goes), then rows written as an older Footing would have, then forward again.
        const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => MIGRATIONS } });
        const down = await migrator.migrateTo('0011-walking-override');
        assert.equal(down.error, undefined);
        const a = await newPerson(store.db, 'A');
        const b = await newPerson(store.db, 'B');
        const now = new Date().toISOString();
        await store.db
          .insertInto('programs')
          .values({
            person_id: a,
            stage: 1,
            stage_started_on: day(0),
            started_on: day(0),
            status: 'active',
            decided_on: null,
            dose_overrides: null,
            walking_override: null,
            updated_at: now,
          })
          .execute();
        for (let d = 0; d < 50; d++) {
          await store.db
            .insertInto('checkins')
            .values({
              id: randomUUID(),
              person_id: a,
              at: `${day(d)}T08:00:00+00:00`,
              date: day(d),
              context: 'daily',
              session_id: null,
              back: d % 9,
              neck: null,
              foot: 2,
              regions: '[]',
              note: null,
              heel_first_steps: null,
              new_lower_limb: null,
            })
            .execute();
          if (d % 3)
            await store.db
              .insertInto('sessions')
              .values({
                id: randomUUID(),
                person_id: a,
                client_id: `m${d}`,
                date: day(d),
                started_at: `${day(d)}T18:00:00+00:00`,
                completed_at: `${day(d)}T18:10:00+00:00`,
                stage: 1,
                status: d % 5 ? 'completed' : 'partial',
                items: '[]',
              })
              .execute();
        }
        // Forward as the app migrates (migrate: every migration, then the figures worked out again).
        assert.ok((await migrate(store)).includes('0022-patient-list-judgement'));
        await assertFiguresRight(store.db, a, [day(49), day(10)]);
        await assertFiguresRight(store.db, b, [day(49)]);
      } finally {
        await cleanup();
      }
    });
  });
}

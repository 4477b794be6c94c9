/**
 * The program's clinician walking setting in the store (migration 0011), on SQLite and PostgreSQL: stored and read
 * back through its validator, kept when the program changes, removed, refused without a program, named when a row
 * is bad, and carried by backups. Program events: a version-1 row read and upgraded, a new one stored as version 2,
 * both carried by backups, a damaged one refused in a backup.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES, freshStore } from '../../../test/helpers/databases.js';
import { newWalkingOverride } from '../../core/walking-override.js';
import { exportBackup, parseBackup, restoreBackup } from '../backup.js';
import type { Store } from '../db.js';
import { ensureLocalPerson } from './people.js';
import {
  addProgramEvent,
  getProgram,
  listProgramEvents,
  setWalkingOverride,
  upsertProgram,
  type Program,
} from './program.js';
import { reason } from '../../core/program-engine.js';
import { programText } from '../../core/program-words.js';
import { validationTextEs } from '../../core/i18n/validation-texts.js';

const PROGRAM: Program = {
  stage: 1,
  stageStartedOn: '2026-11-02',
  startedOn: '2026-11-02',
  status: 'active',
  decidedOn: null,
};
const CAP = newWalkingOverride(
  { kind: 'cap', steps: 5000, reason: 'Your knee needs a lighter week.' },
  'Dr Kim',
  '2026-11-03',
);

for (const kind of DATABASES) {
  describe(`The clinician's walking setting in the store on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let personId: string;
    before(async () => {
      ({ store, cleanup } = await freshStore(kind));
      personId = (await ensureLocalPerson(store.db)).id;
    });
    after(async () => {
      await cleanup();
    });

    test('Given no program, when a walking setting is stored, then nothing is written', async () => {
      assert.equal(await setWalkingOverride(store.db, personId, CAP), false);
      assert.equal(await getProgram(store.db, personId), null);
    });

    test('Given a program, when a cap is stored, then it reads back the same and survives a stage change', async () => {
      await upsertProgram(store.db, personId, PROGRAM);
      assert.equal((await getProgram(store.db, personId))!.walkingOverride, null);
      assert.equal(await setWalkingOverride(store.db, personId, CAP), true);
      assert.deepEqual((await getProgram(store.db, personId))!.walkingOverride, CAP);
      // The engine or a clinician moves the stage with a Program that does not carry the setting: it stays.
      await upsertProgram(store.db, personId, { ...PROGRAM, stage: 2, stageStartedOn: '2026-11-10' });
      const p = (await getProgram(store.db, personId))!;
      assert.deepEqual([p.stage, p.walkingOverride], [2, CAP]);
    });

    test('Given a stored cap, when a backup is made and restored elsewhere, then the cap comes with it', async () => {
      const b = await exportBackup(store.db, personId);
      assert.deepEqual(JSON.parse(b.program!.walking_override!), CAP);
      const parsed = parseBackup(JSON.stringify(b));
      assert.ok('backup' in parsed);
      const other = await freshStore(kind);
      try {
        const p = await ensureLocalPerson(other.store.db);
        await restoreBackup(other.store.db, p.id, parsed.backup);
        assert.deepEqual((await getProgram(other.store.db, p.id))!.walkingOverride, CAP);
      } finally {
        await other.cleanup();
      }
    });

    test('Given a backup whose walking setting is not a valid one, when it is read, then it is refused naming the field', async () => {
      const b = await exportBackup(store.db, personId);
      const bad = { ...b, program: { ...b.program!, walking_override: JSON.stringify({ ...CAP, steps: 5 }) } };
      const parsed = parseBackup(JSON.stringify(bad));
      assert.ok('problem' in parsed);
      assert.equal(parsed.problem.path, 'program.walking_override');
      assert.match(parsed.problem.message, /walking target or cap/);
    });

    test('Given a stored cap, when it is removed, then the program has none and keeps its stage', async () => {
      assert.equal(await setWalkingOverride(store.db, personId, null), true);
      const p = (await getProgram(store.db, personId))!;
      assert.deepEqual([p.stage, p.walkingOverride], [2, null]);
    });

    test('Given a row whose walking setting was damaged, when the program is read, then the error names the column', async () => {
      await store.db
        .updateTable('programs')
        .set({ walking_override: '{"kind":"cap"}' })
        .where('person_id', '=', personId)
        .execute();
      await assert.rejects(getProgram(store.db, personId), /programs\.walking_override/);
      await setWalkingOverride(store.db, personId, null);
    });
  });
}

// A program event's reasons as version 1 stored them: a bare array of English sentences (program-event-record.ts).
const V1_REASONS =
  '[{"rule":"screen-clear","text":"Safety check clear: the program starts at stage 1.","refs":[]},' +
  '{"rule":"clinician-adjustment","text":"Dr Kim set your program to stage 2 (Wake up the toes): Toes ready.","refs":[]}]';
const V1_READ = [
  {
    rule: 'screen-clear',
    text: 'Safety check clear: the program starts at stage 1.',
    said: { id: 'start.screen-clear', params: {} },
    refs: [],
  },
  {
    rule: 'clinician-adjustment',
    text: 'Dr Kim set your program to stage 2 (Wake up the toes): Toes ready.',
    said: {
      id: 'older-english',
      params: { english: 'Dr Kim set your program to stage 2 (Wake up the toes): Toes ready.' },
    },
    refs: [],
  },
];

for (const kind of DATABASES) {
  describe(`Program events in the store on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let personId: string;
    before(async () => {
      ({ store, cleanup } = await freshStore(kind));
      personId = (await ensureLocalPerson(store.db)).id;
      await upsertProgram(store.db, personId, PROGRAM);
      await store.db
        .insertInto('program_events')
        .values({
          id: 'old-1',
          person_id: personId,
          at: '2026-11-02T07:00:00.000Z',
          on_date: '2026-11-02',
          action: 'start',
          from_stage: null,
          to_stage: 1,
          reasons: V1_REASONS,
          actor: 'person',
        })
        .execute();
    });
    after(async () => {
      await cleanup();
    });

    test('Given a version-1 row, when it is read, then a fixed sentence has its id and one with figures is kept as written', async () => {
      const [event] = await listProgramEvents(store.db, personId);
      assert.deepEqual(event!.reasons, V1_READ);
      // Nothing is rewritten in the table.
      const row = await store.db
        .selectFrom('program_events')
        .select('reasons')
        .where('id', '=', 'old-1')
        .executeTakeFirstOrThrow();
      assert.equal(row.reasons, V1_REASONS);
    });

    test('Given a new event, when it is stored, then the row holds version 2 (ids and figures) and reads back with its English', async () => {
      const said = programText('rescreen.interval', { days: 28 });
      await addProgramEvent(store.db, personId, {
        at: '2026-11-30T07:00:00.000Z',
        onDate: '2026-11-30',
        action: 'hold',
        fromStage: 1,
        toStage: 1,
        actor: 'engine',
        reasons: [reason('rescreen', said)],
      });
      const rows = await store.db
        .selectFrom('program_events')
        .select('reasons')
        .where('on_date', '=', '2026-11-30')
        .execute();
      assert.deepEqual(JSON.parse(rows[0]!.reasons), {
        version: 2,
        reasons: [{ rule: 'rescreen', said: { id: 'rescreen.interval', params: { days: 28 } }, refs: [] }],
      });
      const events = await listProgramEvents(store.db, personId);
      assert.equal(events[1]!.reasons[0]!.text, 'It has been 28 days or more since your last safety check.');
    });

    test('Given both forms, when a backup is made and restored elsewhere, then each reads back as in the first store', async () => {
      const parsed = parseBackup(JSON.stringify(await exportBackup(store.db, personId)));
      assert.ok('backup' in parsed);
      const other = await freshStore(kind);
      try {
        const p = await ensureLocalPerson(other.store.db);
        await restoreBackup(other.store.db, p.id, parsed.backup);
        const restored = await listProgramEvents(other.store.db, p.id);
        assert.equal(restored.length, 2);
        assert.deepEqual(restored[0]!.reasons, V1_READ);
        assert.equal(restored[1]!.reasons[0]!.text, 'It has been 28 days or more since your last safety check.');
      } finally {
        await other.cleanup();
      }
    });

    test('Given a backup whose event reasons are not a valid stored form, when it is read, then it is refused naming the field', async () => {
      const b = await exportBackup(store.db, personId);
      const bad = {
        ...b,
        programEvents: [
          {
            ...b.programEvents[0]!,
            reasons: '{"version":2,"reasons":[{"rule":"x","said":{"id":"rescreen.interval","params":{}},"refs":[]}]}',
          },
        ],
      };
      const parsed = parseBackup(JSON.stringify(bad));
      assert.ok('problem' in parsed);
      assert.equal(parsed.problem.path, 'programEvents[0].reasons');
      assert.equal(
        parsed.problem.message,
        'must be the reasons of a program event (src/core/program-event-record.ts) as JSON',
      );
      assert.equal(
        validationTextEs(parsed.problem.text!),
        'debe ser los motivos de un cambio del programa (src/core/program-event-record.ts) en JSON',
      );
    });
  });
}

/**
 * The program's clinician walking setting in the store (migration 0011), on SQLite and PostgreSQL: stored and read
 * back through its validator, kept when the program changes, removed, refused without a program, named when a row
 * is bad, and carried by backups.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES, freshStore } from '../../../test/helpers/databases.js';
import { newWalkingOverride } from '../../core/walking-override.js';
import { exportBackup, parseBackup, restoreBackup } from '../backup.js';
import type { Store } from '../db.js';
import { ensureLocalPerson } from './people.js';
import { getProgram, setWalkingOverride, upsertProgram, type Program } from './program.js';

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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  statSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { freshStore } from '../../test/helpers/databases.js';
import { MIGRATIONS, migrate, openStore } from './db.js';
import { insertCheckin, listCheckins } from './repos/checkins.js';
import { ensureLocalPerson } from './repos/people.js';
import { pruneSnapshots, SNAPSHOT_NAME, snapshotName, SnapshotError, takeSnapshot } from './sqlite-snapshot.js';

const WRITER = fileURLToPath(new URL('../../test/helpers/checkin-writer.ts', import.meta.url));
const tmp = (label: string) => mkdtempSync(join(tmpdir(), `footing-snapshot-${label}-`));

/**
 * A migrated SQLite database holding the local person and `count` check-ins with long notes, written through the
 * store (some bulk, so that a copy is not instant), closed (its WAL checkpointed into the file).
 */
async function filledDatabase(
  count: number,
): Promise<{ dbPath: string; personId: string; cleanup: () => Promise<void> }> {
  const { store, cleanup } = await freshStore('sqlite');
  const person = await ensureLocalPerson(store.db);
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      await insertCheckin(trx, person.id, {
        at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
        context: 'daily',
        neck: i % 11,
        regions: [],
        note: `bulk ${i} ${'x'.repeat(1500)}`,
      });
    }
  });
  await store.close();
  return { dbPath: (store.config as { path: string }).path, personId: person.id, cleanup };
}

test('Restore drill: backups taken while another process writes open through the store, pass integrity_check and hold every write committed before they began, and no half of one', async () => {
  const { dbPath, personId, cleanup } = await filledDatabase(4000);
  const dir = tmp('drill');
  try {
    const writer = fork(WRITER, [dbPath, personId], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let committed = 0;
    const waiters: Array<() => void> = [];
    writer.on('message', (m: { committed: number }) => {
      committed = m.committed;
      waiters.splice(0).forEach((w) => w());
    });
    const exited = new Promise<number | null>((done) => writer.on('exit', (code) => done(code)));
    const committedAtLeast = async (n: number) => {
      while (committed < n) await new Promise<void>((w) => waiters.push(w));
    };

    const drills: { file: string; committedBefore: number }[] = [];
    try {
      await committedAtLeast(50); // the writer is running flat out
      for (let i = 0; i < 5; i++) {
        const committedBefore = committed;
        const snapshot = await takeSnapshot({ dbPath, dir, at: new Date(Date.UTC(2026, 11, 6, 10, 0, i)) });
        assert.equal(snapshot.migration, Object.keys(MIGRATIONS).sort().at(-1));
        drills.push({ file: snapshot.file, committedBefore });
        await committedAtLeast(committed + 20); // writes go on between the backups, too
      }
    } finally {
      writer.send('stop');
      assert.equal(await exited, 0, 'the writer stopped cleanly');
    }
    assert.ok(
      committed > drills.at(-1)!.committedBefore + 20,
      `the writer kept writing through the backups (${committed} writes)`,
    );
    // Five finished backups and nothing else: no partial file, no -wal or -shm beside them (plain journal files).
    assert.deepEqual(readdirSync(dir).sort(), drills.map((d) => basename(d.file)).sort());
    assert.ok(readdirSync(dir).every((f) => SNAPSHOT_NAME.test(f)));

    let seenMidWrite = 0;
    for (const { file, committedBefore } of drills) {
      // Restoring is copying the file back; footing serve --db opens it through openStore as here.
      const restoredPath = join(dir, `restored-${committedBefore}.sqlite`);
      copyFileSync(file, restoredPath);
      const restored = openStore({ kind: 'sqlite', path: restoredPath });
      try {
        assert.deepEqual(await migrate(restored), [], 'a backup needs no migration');
        assert.equal(restored.sqlite!.pragma('integrity_check', { simple: true }), 'ok');
        assert.deepEqual(restored.sqlite!.pragma('foreign_key_check'), []);
        const rows = await listCheckins(restored.db, personId);
        assert.equal(rows.filter((r) => r.note?.startsWith('bulk ')).length, 4000);
        const perWrite = new Map<number, string[]>();
        for (const r of rows.filter((c) => /^w\d+$/.test(c.note ?? ''))) {
          const n = Number(r.note!.slice(1));
          perWrite.set(n, [...(perWrite.get(n) ?? []), r.context]);
        }
        const last = Math.max(0, ...perWrite.keys());
        // Every write committed before the backup began is there...
        assert.ok(
          last >= committedBefore,
          `${file}: holds writes 1..${last}, ${committedBefore} had committed before it began`,
        );
        // ...and the copy is one moment of the database: writes 1..last, each whole (its two check-ins), none after a gap.
        assert.equal(perWrite.size, last, `${file}: no write missing between 1 and ${last}`);
        for (const [n, contexts] of perWrite)
          assert.deepEqual(contexts.sort(), ['after', 'before'], `${file}: write ${n} is whole`);
        if (last > committedBefore) seenMidWrite++;
      } finally {
        await restored.close();
      }
    }
    // Not asserted (timing), but shown: how many copies caught writes that committed while they were being made.
    console.log(
      `# restore drill: ${committed} writes during 5 backups; ${seenMidWrite} backups hold writes committed after they began`,
    );
  } finally {
    await cleanup();
  }
});

test('A backup is named by its UTC time so that names sort by time, and only such names count as backups', () => {
  const a = snapshotName(new Date('2026-12-06T10:00:00.999Z'));
  assert.equal(a, 'footing-2026-12-06T10-00-00.999Z.sqlite');
  assert.ok(SNAPSHOT_NAME.test(a));
  assert.ok(
    snapshotName(new Date('2026-12-06T10:00:00.998Z')) < a && a < snapshotName(new Date('2027-01-01T00:00:00Z')),
  );
  for (const other of [
    'footing.sqlite',
    `${a}.123.partial`,
    'footing-2026-12-06.sqlite',
    'footing-2026-12-06T10-00-00Z.sqlite',
    `x${a}`,
  ])
    assert.ok(!SNAPSHOT_NAME.test(other), other);
});

test('--keep: the oldest of its own backups beyond N are deleted, never other files in the folder', async () => {
  const dir = tmp('prune');
  const ours = [1, 2, 3, 4, 5].map((d) => snapshotName(new Date(Date.UTC(2026, 11, d))));
  const others = ['footing.sqlite', 'notes.txt', 'footing-manual-copy.sqlite', `${ours[0]}.77.partial`];
  for (const f of [...ours, ...others]) writeFileSync(join(dir, f), 'x');
  mkdirSync(join(dir, snapshotName(new Date(Date.UTC(2020, 0, 1))))); // a folder with a backup's name stays too
  assert.deepEqual(await pruneSnapshots(dir, 2), ours.slice(0, 3));
  assert.deepEqual(
    readdirSync(dir).sort(),
    [...ours.slice(3), ...others, snapshotName(new Date(Date.UTC(2020, 0, 1)))].sort(),
  );
  assert.deepEqual(await pruneSnapshots(dir, 5), []);
});

/** What a failed backup must leave: nothing in the folder (when the folder could be made at all). */
function assertNothingLeft(dir: string) {
  if (existsSync(dir)) assert.deepEqual(readdirSync(dir), [], 'no partial file is left');
}

test('A failed backup is one clear SnapshotError and leaves no file: missing database, not a Footing database, unusable folder', async () => {
  const dir = tmp('fail');
  const backups = join(dir, 'backups');
  await assert.rejects(
    takeSnapshot({ dbPath: join(dir, 'missing.sqlite'), dir: backups }),
    (e) => e instanceof SnapshotError && /missing\.sqlite: no such database file$/.test(e.message),
  );
  assert.ok(!existsSync(backups), 'nothing is made for a database that is not there');

  const plain = join(dir, 'plain.sqlite');
  new SQLite(plain).exec('CREATE TABLE t (x)').close();
  await assert.rejects(takeSnapshot({ dbPath: plain, dir: backups }), /plain\.sqlite is not a Footing database/);
  writeFileSync(
    join(dir, 'text.sqlite'),
    'not a database at all, just some text that is long enough to look like a header..........',
  );
  await assert.rejects(
    takeSnapshot({ dbPath: join(dir, 'text.sqlite'), dir: backups }),
    /text\.sqlite is not a readable SQLite database/,
  );
  assertNothingLeft(backups);

  const { store, cleanup } = await freshStore('sqlite');
  try {
    const dbPath = (store.config as { path: string }).path;
    writeFileSync(join(dir, 'a-file'), 'x');
    // (Tests run as root, where permissions do not stop a write; a folder under a file cannot be made by anyone.)
    await assert.rejects(
      takeSnapshot({ dbPath, dir: join(dir, 'a-file', 'backups') }),
      (e) =>
        e instanceof SnapshotError && /^cannot make the backup folder .*a-file\/backups \(ENOTDIR\)$/.test(e.message),
    );
    assert.equal(statSync(join(dir, 'a-file')).isFile(), true);
    // A backup's name is never reused: the second copy at the same moment is refused and the first stays whole.
    const at = new Date('2026-12-06T10:00:00.000Z');
    const first = await takeSnapshot({ dbPath, dir: backups, at });
    await assert.rejects(
      takeSnapshot({ dbPath, dir: backups, at }),
      /footing-2026-12-06T10-00-00\.000Z\.sqlite exists already$/,
    );
    assert.deepEqual(readdirSync(backups), [basename(first.file)]);
    assert.equal(statSync(first.file).size, first.bytes);
  } finally {
    await cleanup();
  }
});

test('A damaged database: the copy fails its integrity check, the error says so and no file is left', async () => {
  const { dbPath, cleanup } = await filledDatabase(300);
  const dir = tmp('damaged');
  try {
    // Scribble over the middle of the file (check-in pages; the schema and migrations sit at the start).
    const size = statSync(dbPath).size;
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(3000, 0xa5), 0, 3000, Math.floor(size / 2 / 4096) * 4096 + 8);
    closeSync(fd);
    await assert.rejects(
      takeSnapshot({ dbPath, dir }),
      (e) =>
        e instanceof SnapshotError &&
        /^the copy (failed SQLite's integrity check|could not be read back) .*Nothing was kept$/.test(e.message) &&
        !e.message.includes('\n'),
    );
    assertNothingLeft(dir);
  } finally {
    await cleanup();
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { runCli } from '../../test/helpers/cli.js';
import { freshStore } from '../../test/helpers/databases.js';
import { insertCheckin } from '../store/repos/checkins.js';
import { ensureLocalPerson } from '../store/repos/people.js';
import { SNAPSHOT_NAME } from '../store/sqlite-snapshot.js';
import { parseEvery } from './backup-command.js';

const BIN = fileURLToPath(new URL('../../bin/footing.js', import.meta.url));
const tmp = (label: string) => mkdtempSync(join(tmpdir(), `footing-backup-${label}-`));

/** A migrated SQLite database holding one person with `checkins` check-ins; its path and a cleanup. */
async function databaseWith(checkins: number) {
  const { store, cleanup } = await freshStore('sqlite');
  const person = await ensureLocalPerson(store.db);
  for (let i = 0; i < checkins; i++)
    await insertCheckin(store.db, person.id, {
      at: `2026-12-0${1 + i}T08:00:00+01:00`,
      context: 'daily',
      back: i,
      regions: [],
    });
  await store.close();
  return { dbPath: (store.config as { path: string }).path, cleanup };
}

test('footing backup --help names its options; mistakes are one line and exit 2', async () => {
  const help = await runCli(['backup', '--help']);
  assert.equal(help.code, 0);
  for (const o of ['--to', '--keep', '--every', '--db']) assert.match(help.out, new RegExp(`${o} `));
  const cases: [string[], RegExp][] = [
    [[], /^footing backup: --to DIR is required: the folder the backups go to\n$/],
    [
      ['--to', 'x', '--keep', '0'],
      /^footing backup: --keep must be a whole number of backups, 1 or more \(got "0"\)\n$/,
    ],
    [['--to', 'x', '--keep', 'all'], /--keep must be a whole number/],
    [
      ['--to', 'x', '--every', '6x'],
      /^footing backup: --every must be a whole number with s, m, h or d, from 1s to 7d, like 30m, 6h or 1d \(got "6x"\)\n$/,
    ],
    [['--to', 'x', '--every', '0h'], /--every must be/],
    [['--to', 'x', '--every', '8d'], /--every must be/],
  ];
  for (const [args, message] of cases) {
    const r = await runCli(['backup', ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
  }
  assert.equal(parseEvery('30m'), 1_800_000);
  assert.equal(parseEvery('6h'), 21_600_000);
  assert.equal(parseEvery('1d'), 86_400_000);
});

test('On PostgreSQL (DATABASE_URL) footing backup refuses and points to pg_dump and docs/clinic.md', async () => {
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = 'postgres://footing@127.0.0.1:5432/footing';
  try {
    const r = await runCli(['backup', '--to', tmp('pg')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /^footing backup: DATABASE_URL selects PostgreSQL, .*pg_dump -Fc .*docs\/clinic\.md\n$/);
  } finally {
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  }
});

test('One backup: a verified file named by its time; restored by copying it back, the app reads the same data', async () => {
  const { dbPath, cleanup } = await databaseWith(3);
  const dir = join(tmp('once'), 'backups'); // made if missing
  try {
    const r = await runCli(['backup', '--to', dir, '--db', dbPath]);
    assert.equal(r.code, 0, r.err);
    const [file] = readdirSync(dir);
    assert.ok(file && SNAPSHOT_NAME.test(file), `${file}`);
    assert.match(
      r.out,
      new RegExp(
        `^Backup written: ${join(dir, file!).replace(/[.]/g, '\\.')} \\(\\d+ kB, \\d+ rows in \\d+ tables, schema 0\\d{3}-[a-z-]+, integrity ok, \\d+\\.\\d s\\)\\n$`,
      ),
    );
    const restored = join(tmp('restore'), 'footing.sqlite');
    copyFileSync(join(dir, file!), restored);
    const original = JSON.parse((await runCli(['export', '--db', dbPath])).out);
    const fromBackup = JSON.parse((await runCli(['export', '--db', restored])).out);
    assert.equal(fromBackup.checkins.length, 3);
    assert.deepEqual(fromBackup.checkins, original.checkins);
  } finally {
    await cleanup();
  }
});

test('A backup that cannot be made is one line, exit 1, and leaves nothing (the schedule does not start either)', async () => {
  const dir = tmp('missing');
  const signals = process.listenerCount('SIGTERM');
  for (const extra of [[], ['--every', '1s', '--keep', '2']]) {
    const r = await runCli([
      'backup',
      '--to',
      join(dir, 'backups'),
      '--db',
      join(dir, 'nothing-here.sqlite'),
      ...extra,
    ]);
    assert.equal(r.code, 1);
    assert.match(r.err, /^footing backup: \/.*nothing-here\.sqlite: no such database file\n$/);
    assert.ok(!existsSync(join(dir, 'backups')));
  }
  assert.equal(process.listenerCount('SIGTERM'), signals, 'the signal handlers are removed');
});

test('--every runs in the foreground, one line per backup, keeps exactly --keep of its own files, and SIGTERM stops it cleanly', async () => {
  const { dbPath, cleanup } = await databaseWith(2);
  const dir = tmp('every');
  try {
    const child = spawn(
      process.execPath,
      [BIN, 'backup', '--to', dir, '--db', dbPath, '--keep', '2', '--every', '1s'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await new Promise<void>((enough) =>
      child.stdout.on('data', (d) => {
        out += String(d);
        if ((out.match(/^Backup written: /gm) ?? []).length >= 4) enough();
      }),
    );
    child.kill('SIGTERM');
    assert.equal(await exited, 0, err);
    assert.equal(err, '');
    const lines = out.trimEnd().split('\n');
    assert.match(lines[0]!, /^Backing up .* every 1s, keeping the newest 2\. Press Ctrl\+C to stop\.$/);
    assert.equal(lines.at(-1), `Stopped. The backups are in ${dir}.`);
    const written = lines.filter((l) => l.startsWith('Backup written: ')).map((l) => basename(l.split(' ')[2]!));
    assert.ok(written.length >= 4);
    assert.match(lines[3]!, /; removed 1 older: footing-.*Z\.sqlite$/);
    // Exactly the newest two, and nothing else: no partial file from the backup the signal may have met.
    assert.deepEqual(readdirSync(dir).sort(), written.slice(-2));
  } finally {
    await cleanup();
  }
});

test("A backup killed with SIGKILL leaves its unfinished copy; the next backup removes it (and leaves a live backup's copy alone)", async () => {
  const { dbPath, cleanup } = await databaseWith(1);
  // 48 MiB of ballast, so that the copy and its check take long enough to be caught half way.
  const raw = new SQLite(dbPath);
  raw.exec('CREATE TABLE ballast (b BLOB)');
  const fill = raw.prepare('INSERT INTO ballast (b) VALUES (randomblob(1048576))');
  for (let i = 0; i < 48; i++) fill.run();
  raw.close();
  const dir = tmp('killed');
  const live = spawn('sleep', ['60'], { stdio: 'ignore' }); // a process that is alive for the whole test
  const liveCopy = `footing-2026-12-06T10-00-00.000Z.sqlite.${live.pid}.partial`;
  try {
    writeFileSync(join(dir, liveCopy), 'a copy another footing backup is still writing');
    const child = spawn(process.execPath, [BIN, 'backup', '--to', dir, '--db', dbPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const ownCopy = new RegExp(`^footing-.*Z\\.sqlite\\.${child.pid}\\.partial$`);
    let seen: string | undefined;
    let ended = false;
    void exited.then(() => {
      ended = true;
    });
    while (!seen && !ended) {
      seen = readdirSync(dir).find((n) => ownCopy.test(n));
      if (!seen) await new Promise((r) => setTimeout(r, 2));
    }
    assert.ok(seen, 'the backup was caught while its copy was unfinished');
    child.kill('SIGKILL');
    assert.equal(await exited, null);
    assert.ok(existsSync(join(dir, seen!)), 'SIGKILL left the unfinished copy behind (nothing could clean it)');
    assert.ok(!readdirSync(dir).some((n) => SNAPSHOT_NAME.test(n)), 'no finished backup from the killed run');

    const r = await runCli(['backup', '--to', dir, '--db', dbPath]);
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.out,
      new RegExp(`; removed 1 unfinished copy left by an interrupted backup: ${seen!.replace(/[.]/g, '\\.')}\\n$`),
    );
    const left = readdirSync(dir);
    assert.equal(left.length, 2, left.join(', '));
    assert.equal(left.filter((n) => SNAPSHOT_NAME.test(n)).length, 1, 'the new backup');
    assert.ok(left.includes(liveCopy), 'the copy of a backup whose process still runs is not touched');
  } finally {
    live.kill();
    await cleanup();
  }
});

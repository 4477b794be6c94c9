/**
 * Whole-database copies of a live SQLite file for the operator (`footing backup`), made with SQLite's online
 * backup API: a consistent snapshot while `footing serve` keeps writing. Not the JSON export of one person's data
 * (that is backup.ts).
 *
 * A copy is written under a temporary name in the backup folder, converted to a plain rollback-journal file,
 * checked (integrity_check, schema version, every table readable), fsynced and only then renamed to its final
 * name, so a file named like a finished backup is always a whole, verified one.
 */
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * The names of finished backups: `footing-2026-12-06T10-00-00.123Z.sqlite`, the UTC time the copy began (sorting
 * by name sorts by time). With milliseconds, two backups a moment apart (a schedule's timer firing early in one
 * second and late in the one before, or two runs by hand) never want the same name.
 */
export const SNAPSHOT_NAME = /^footing-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.sqlite$/;

/** The file name of a backup taken at this time. */
export function snapshotName(at: Date): string {
  return `footing-${at.toISOString().replace(/:/g, '-')}`.replace(/Z$/, 'Z.sqlite');
}

/** A backup that could not be made or did not verify; the message is one line for the operator. */
export class SnapshotError extends Error {}

export interface Snapshot {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  /** The last migration applied to the copy (the schema version). */
  migration: string;
  ms: number;
  /** Unfinished copies left in the folder by a backup that was killed (kill -9, a power cut), removed first. */
  staleRemoved: string[];
}

/**
 * An unfinished copy: `<backup name>.<pid>.partial` (and SQLite's side files next to it while it is verified). The
 * pid is that of the process that writes it, so a later run can tell a copy still being written by a live backup
 * (left alone) from one whose process died before it could clean up (removed).
 */
const PARTIAL_NAME =
  /^footing-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.sqlite\.(\d{1,10})\.partial(?:-journal|-wal|-shm)?$/;

/** Whether a process with this id is running (one we may not signal is running too). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the unfinished copies in dir whose process is gone: a backup killed with SIGKILL never reaches its
 * cleanup, and each such copy is a whole database of health data that nobody would otherwise delete. A copy of a
 * backup still running (another `footing backup`, or this process) is left alone. Returns the names removed.
 */
export async function removeStalePartials(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const stale = names
    .filter((n) => {
      const pid = Number(PARTIAL_NAME.exec(n)?.[1] ?? NaN);
      return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processAlive(pid);
    })
    .sort();
  for (const n of stale) await rm(join(dir, n), { force: true });
  return stale;
}

/**
 * Pages per backup step: all of them. Between two steps SQLite lets go of the source, and a write by another
 * connection (the server) restarts the copy from the first page; under steady writes a copy in small steps might
 * never finish. In one step it reads one snapshot (WAL: the server's writes go on meanwhile).
 */
const ALL_PAGES = 0x7fffffff;

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

function openSource(dbPath: string): { source: SQLite.Database; migration: string } {
  if (!existsSync(dbPath)) throw new SnapshotError(`${dbPath}: no such database file`);
  let source: SQLite.Database;
  try {
    source = new SQLite(dbPath, { fileMustExist: true });
  } catch (e) {
    throw new SnapshotError(`${dbPath}: cannot open (${code(e)})`);
  }
  try {
    source.pragma('busy_timeout = 5000');
    return { source, migration: lastMigration(source, dbPath) };
  } catch (e) {
    source.close();
    throw e;
  }
}

function lastMigration(db: SQLite.Database, label: string): string {
  let row: { name: string } | undefined;
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
    if (!hasTable)
      throw new SnapshotError(
        `${label} is not a Footing database (it has no migrations; footing migrate --db makes one)`,
      );
    row = db.prepare('SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1').get() as
      { name: string } | undefined;
  } catch (e) {
    if (e instanceof SnapshotError) throw e;
    throw new SnapshotError(`${label} is not a readable SQLite database (${(e as Error).message})`);
  }
  if (!row) throw new SnapshotError(`${label} is not a Footing database (no migration applied yet)`);
  return row.name;
}

/** Checks a finished copy: integrity, the schema version it should have, and every table read to the end. */
function verify(file: string, migration: string): { tables: number; rows: number } {
  // The copy carries the source's WAL flag; as a rollback-journal file it opens read-only (and on restore) with
  // no -wal or -shm file beside it. `footing serve` switches it back to WAL when it opens it.
  const rw = new SQLite(file, { fileMustExist: true });
  try {
    rw.pragma('journal_mode = DELETE');
  } finally {
    rw.close();
  }
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const report = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (report.join() !== 'ok') {
      // One line: the report's lines ("*** in database main ***" heads them) counted, the first one shown.
      const problems = report.flatMap((r) => r.split('\n')).filter((l) => l.trim() && !l.startsWith('***'));
      throw new SnapshotError(
        `the copy failed SQLite's integrity check (${problems.length} problem${problems.length === 1 ? '' : 's'}, first: ${problems[0] ?? report[0]}); is the database itself damaged? Nothing was kept`,
      );
    }
    const got = lastMigration(db, 'the copy');
    if (got !== migration)
      throw new SnapshotError(
        `the copy's schema is ${got}, the database's ${migration} (was it migrated during the backup?); nothing was kept`,
      );
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as { name: string }[]
    ).map((t) => t.name);
    const rows = tables.reduce(
      (n, t) => n + (db.prepare(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number }).n,
      0,
    );
    return { tables: tables.length, rows };
  } finally {
    db.close();
  }
}

async function fsyncPath(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Copies the SQLite database at dbPath into dir as `footing-<UTC time>.sqlite` (time `at`, default now), verifies
 * the copy and returns what it holds. Throws SnapshotError with one line; a failed copy leaves no file behind.
 */
export async function takeSnapshot(opts: { dbPath: string; dir: string; at?: Date }): Promise<Snapshot> {
  const t0 = performance.now();
  const name = snapshotName(opts.at ?? new Date());
  const file = join(opts.dir, name);
  const { source, migration } = openSource(opts.dbPath);
  const partial = join(opts.dir, `${name}.${process.pid}.partial`);
  const made = { partial: false, renamed: false };
  try {
    try {
      await mkdir(opts.dir, { recursive: true });
    } catch (e) {
      throw new SnapshotError(`cannot make the backup folder ${opts.dir} (${code(e)})`);
    }
    const staleRemoved = await removeStalePartials(opts.dir);
    if (existsSync(file)) throw new SnapshotError(`${file} exists already`);
    // Created first and private (health data), so the copy is never readable by others, not even half-written.
    try {
      await (await open(partial, 'wx', 0o600)).close();
      made.partial = true;
    } catch (e) {
      throw new SnapshotError(`cannot write in the backup folder ${opts.dir} (${code(e)})`);
    }
    try {
      await source.backup(partial, { progress: () => ALL_PAGES });
    } catch (e) {
      throw new SnapshotError(`the copy to ${opts.dir} failed (${code(e)}); nothing was kept`);
    }
    source.close();
    let counts: { tables: number; rows: number };
    try {
      counts = verify(partial, migration);
    } catch (e) {
      if (e instanceof SnapshotError) throw e;
      throw new SnapshotError(
        `the copy could not be read back (${(e as Error).message}); is the database itself damaged? Nothing was kept`,
      );
    }
    await fsyncPath(partial, 'r+');
    await rename(partial, file);
    made.renamed = true;
    await fsyncPath(opts.dir, 'r'); // the rename itself survives a power cut
    return { file, bytes: (await stat(file)).size, ...counts, migration, ms: performance.now() - t0, staleRemoved };
  } finally {
    if (source.open) source.close();
    if (made.partial && !made.renamed)
      for (const f of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) await rm(f, { force: true });
  }
}

/** Deletes the oldest of the backups in dir (files named by snapshotName, nothing else) beyond `keep`; returns their names. */
export async function pruneSnapshots(dir: string, keep: number): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const ours = entries
    .filter((e) => e.isFile() && SNAPSHOT_NAME.test(e.name))
    .map((e) => e.name)
    .sort();
  const old = ours.slice(0, Math.max(0, ours.length - keep));
  for (const name of old) await rm(join(dir, name), { force: true });
  return old;
}

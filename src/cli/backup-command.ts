/**
 * `footing backup`: whole-database copies of the live SQLite file for whoever runs the machine, once or on a
 * schedule, keeping the newest N. (`footing export` is one person's data as JSON; this is every person's, as a
 * SQLite file that `footing serve --db` opens as it is.) PostgreSQL has its own tools: see docs/clinic.md.
 */
import type { Snapshot } from '../store/sqlite-snapshot.js';
import { CliError, usageError } from './cli-error.js';
import { DB_OPTION, type Command } from './command.js';
import { formatBytes } from './progress-bar.js';

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** A week: the longest interval (a timer cannot wait much longer; use cron or a systemd timer for more). */
const MAX_EVERY_MS = 7 * UNIT_MS.d;

/** --every: a whole number and a unit (30m, 6h, 1d; s for seconds). */
export function parseEvery(text: string): number {
  const m = /^(\d{1,7})(s|m|h|d)$/.exec(text);
  const ms = m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : NaN;
  if (!(ms >= 1000 && ms <= MAX_EVERY_MS))
    throw usageError(
      `--every must be a whole number with s, m, h or d, from 1s to 7d, like 30m, 6h or 1d (got "${text}")`,
    );
  return ms;
}

function parseKeep(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1)
    throw usageError(`--keep must be a whole number of backups, 1 or more (got "${text}")`);
  return Number(text);
}

function describe(s: Snapshot, removed: string[]): string {
  const line = `Backup written: ${s.file} (${formatBytes(s.bytes)}, ${s.rows.toLocaleString('en')} rows in ${s.tables} tables, schema ${s.migration}, integrity ok, ${(s.ms / 1000).toFixed(1)} s)`;
  const stale = s.staleRemoved.filter((n) => n.endsWith('.partial'));
  const parts = [line];
  if (removed.length) parts.push(`removed ${removed.length} older: ${removed.join(', ')}`);
  if (stale.length)
    parts.push(
      `removed ${stale.length} unfinished cop${stale.length === 1 ? 'y' : 'ies'} left by an interrupted backup: ${stale.join(', ')}`,
    );
  return `${parts.join('; ')}\n`;
}

/** One backup, verified, then the oldest beyond --keep removed (only after a good one). */
async function backupOnce(opts: { dbPath: string; dir: string; keep: number | undefined }): Promise<string> {
  // The store's modules on use (see open-store.ts): the other commands start without them.
  const { pruneSnapshots, SnapshotError, takeSnapshot } = await import('../store/sqlite-snapshot.js');
  try {
    const s = await takeSnapshot({ dbPath: opts.dbPath, dir: opts.dir });
    return describe(s, opts.keep === undefined ? [] : await pruneSnapshots(opts.dir, opts.keep));
  } catch (e) {
    throw new CliError(e instanceof SnapshotError ? e.message : `backup failed: ${(e as Error).message}`);
  }
}

/** Resolves when `ms` have passed or the signal is aborted, whichever comes first. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal.aborted) {
      done();
      return;
    }
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      done();
    }
    signal.addEventListener('abort', finish);
  });
}

/** The command, with where the scheduled mode's failures go (tests pass their own). */
export function makeBackupCommand(err: NodeJS.WritableStream = process.stderr): Command {
  return {
    name: 'backup',
    summary: 'Copy the whole SQLite database (online), once or on a schedule',
    usage: 'footing backup --to DIR [--db PATH] [--keep N] [--every 6h|30m|1d]',
    options: {
      to: {
        type: 'string',
        description: 'The folder the backups go to (made if missing), as footing-<UTC time>.sqlite',
      },
      keep: {
        type: 'string',
        description:
          'After each good backup, delete the oldest of these footing-*.sqlite files beyond N (other files are never touched)',
      },
      every: {
        type: 'string',
        description: 'Stay running and back up at this interval (30m, 6h, 1d; s for seconds) until Ctrl+C or SIGTERM',
      },
      db: DB_OPTION,
    },
    async run({ values, out }) {
      const dir = str(values.to);
      if (!dir) throw usageError('--to DIR is required: the folder the backups go to');
      const keep = parseKeep(str(values.keep));
      const everyText = str(values.every);
      const every = everyText === undefined ? undefined : parseEvery(everyText);
      const { resolveDbConfig } = await import('../store/db.js');
      let config;
      try {
        config = resolveDbConfig({ dbPath: str(values.db), env: process.env });
      } catch (e) {
        throw usageError((e as Error).message);
      }
      if (config.kind === 'postgres') {
        throw usageError(
          'DATABASE_URL selects PostgreSQL, and footing backup copies SQLite files: back PostgreSQL up with pg_dump -Fc (or pg_basebackup and WAL archiving); see "Backups" in docs/clinic.md',
        );
      }
      const opts = { dbPath: config.path, dir, keep };
      if (every === undefined) {
        out.write(await backupOnce(opts));
        return;
      }

      // Scheduled: a backup now, then one at each multiple of the interval from the start (a slot missed while a
      // long backup ran is skipped). SIGINT or SIGTERM ends the wait at once; a backup already under way is
      // finished (it is written under a temporary name and renamed only once verified) before the command ends.
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        out.write(
          `Backing up ${config.path} to ${dir} every ${everyText}${keep ? `, keeping the newest ${keep}` : ''}. Press Ctrl+C to stop.\n`,
        );
        // The first backup fails as a one-off would (a wrong path should not wait for the next slot to show);
        // a later failure (a full disk, the database moved away) is reported and the schedule goes on.
        const start = Date.now();
        out.write(await backupOnce(opts));
        for (;;) {
          const next = start + (Math.floor((Date.now() - start) / every) + 1) * every;
          await sleep(next - Date.now(), stop.signal);
          if (stop.signal.aborted) break;
          try {
            out.write(await backupOnce(opts));
          } catch (e) {
            err.write(
              `footing backup: ${new Date().toISOString()}: ${(e as Error).message} (trying again in ${everyText})\n`,
            );
          }
        }
        out.write(`Stopped. The backups are in ${dir}.\n`);
      } finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
      }
    },
  };
}

export const backupCommand = makeBackupCommand();

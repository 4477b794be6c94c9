/**
 * The `footing` subcommands. Each declares its options (parsed strictly by node:util parseArgs) and its help.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CliError, usageError } from './cli-error.js';
import { DB_OPTION, type Command } from './command.js';
import { openCliStore } from './open-store.js';
import { EMAIL_OPTION, personForCommand } from './cli-person.js';
import { analyzeCommand } from './analyze-command.js';
import { explainCommand } from './explain-command.js';
import { importCommand } from './import-command.js';
import { clinicCommand } from './clinic-command.js';
import { userCommand } from './user-command.js';
import { backupCommand } from './backup-command.js';
import { reportCommand } from './report-command.js';
import { stepsCommand } from './steps-command.js';
import { isIsoDate, localCalendarDate } from '../core/dates.js';

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

const serve: Command = {
  name: 'serve',
  summary: 'Start the Footing server and web app',
  usage: 'footing serve [--port N] [--host H] [--db PATH]',
  options: {
    port: {
      type: 'string',
      description:
        'Port to listen on (default: PORT or 8080). Environment: FOOTING_LOG=1 logs requests (no health data), FOOTING_TRUST_PROXY=1 behind https, FOOTING_RATE_LIMIT=N requests/min per client; email: FOOTING_PUBLIC_URL, FOOTING_SMTP_URL, FOOTING_MAIL_FROM (docs/clinic.md)',
    },
    host: {
      type: 'string',
      description: 'Address to listen on (default 127.0.0.1; 0.0.0.0 to reach it from a phone on your network)',
    },
    db: DB_OPTION,
  },
  async run({ values, out }) {
    // An empty PORT (as left by `PORT= npm start`) means unset, not port 0 (which would pick a random port).
    const envPort = process.env.PORT?.trim() || undefined;
    const portText = str(values.port) ?? envPort ?? '8080';
    const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
    const portFrom = str(values.port) !== undefined ? '--port' : 'PORT';
    if (!(port >= 0 && port <= 65535))
      throw usageError(`${portFrom} must be a whole number from 0 to 65535 (got "${portText}")`);
    const rateText = process.env.FOOTING_RATE_LIMIT;
    const rate = rateText === undefined ? undefined : Number(rateText);
    if (rate !== undefined && (!Number.isInteger(rate) || rate < 1))
      throw usageError(
        `FOOTING_RATE_LIMIT must be a whole number of requests per minute per client (got "${rateText}")`,
      );
    // Email (invitations, password reset) and the public address of links: src/server/mail/mail-config.ts.
    const { mailConfigFromEnv } = await import('../server/mail/mail-config.js');
    let mail;
    try {
      mail = mailConfigFromEnv(process.env);
    } catch (e) {
      throw usageError((e as Error).message);
    }
    const store = await openCliStore(str(values.db));
    // Behind a reverse proxy that terminates https, FOOTING_TRUST_PROXY=1 makes session cookies Secure.
    // Loaded here: the server (fastify, every route) is ~40 MB of modules that the other commands never need.
    const { buildApp, webAppBuilt, WEB_APP_NOT_BUILT } = await import('../server/app.js');
    if (!webAppBuilt()) out.write(`${WEB_APP_NOT_BUILT}\n`);
    const app = await buildApp({
      store,
      log: process.env.FOOTING_LOG === '1',
      trustProxy: process.env.FOOTING_TRUST_PROXY === '1',
      ...(rate ? { rateLimitPerMinute: rate } : {}),
      mail,
    });
    const host = str(values.host) ?? '127.0.0.1';
    try {
      await app.listen({ port, host });
    } catch (e) {
      await store.close();
      throw new CliError(
        `Cannot listen on ${host}:${port}: ${(e as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'the port is in use (set --port or PORT)' : (e as Error).message}`,
      );
    }
    const addr = app.server.address();
    const shown =
      typeof addr === 'object' && addr
        ? `http://${host === '0.0.0.0' ? 'localhost' : host}:${addr.port}`
        : String(addr);
    out.write(
      `Footing is running at ${shown} (database: ${store.config.kind === 'sqlite' ? store.config.path : 'PostgreSQL'}). Press Ctrl+C to stop.\n`,
    );
    const stop = async () => {
      await app.close();
      await store.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await new Promise(() => {}); // serve until stopped
  },
};

const migrateCmd: Command = {
  name: 'migrate',
  summary: 'Create or update the database schema',
  usage: 'footing migrate [--db PATH]',
  options: { db: DB_OPTION },
  async run({ values, out }) {
    const store = await openCliStore(str(values.db));
    await store.close();
    out.write(`Database is up to date (${store.config.kind === 'sqlite' ? store.config.path : 'PostgreSQL'}).\n`);
  },
};

/** Writes the pieces to `out` in order, waiting when it asks to (a large export to a slow pipe is not buffered whole). */
async function writeAll(out: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  for (const p of pieces) if (!out.write(p)) await once(out, 'drain');
}

const exportCmd: Command = {
  name: 'export',
  summary: 'Export all of your data (backup), or your record as FHIR R4',
  usage: 'footing export [--format json|fhir] [--out FILE] [--date YYYY-MM-DD] [--db PATH]',
  options: {
    format: {
      type: 'string',
      description: 'Output format: json (a complete backup) or fhir (a FHIR R4 Bundle for a health record system)',
      default: 'json',
    },
    out: { type: 'string', description: 'Write to this file instead of standard output' },
    date: { type: 'string', description: 'fhir: the day whose program and walking target go in (default: today)' },
    db: DB_OPTION,
    email: EMAIL_OPTION,
  },
  async run({ values, out }) {
    const format = str(values.format) ?? 'json';
    if (format !== 'json' && format !== 'fhir') throw usageError(`--format must be json or fhir (got "${format}")`);
    const date = str(values.date);
    if (date !== undefined && (format !== 'fhir' || !isIsoDate(date)))
      throw usageError(
        format !== 'fhir'
          ? '--date goes with --format fhir'
          : `--date must be a calendar date like 2026-11-25 (got "${date}")`,
      );
    const store = await openCliStore(str(values.db));
    try {
      const personId = await personForCommand(store, values.email);
      const file = str(values.out);
      if (format === 'fhir') {
        // Written a batch of resources at a time (the same bytes as the whole bundle stringified with an indent of 2).
        const { exportFhirJson } = await import('../services/fhir-export-service.js');
        const { pieces } = await exportFhirJson(store.db, personId, {
          today: date ?? localCalendarDate(new Date()),
          exportedAt: new Date().toISOString(),
          indent: 2,
        });
        const text = (function* () {
          yield* pieces;
          yield '\n';
        })();
        if (file) {
          await pipeline(Readable.from(text), createWriteStream(file));
          out.write(`FHIR R4 Bundle written to ${file}\n`);
        } else await writeAll(out, text);
        return;
      }
      const { exportBackup } = await import('../store/backup.js');
      const text = `${JSON.stringify(await exportBackup(store.db, personId), null, 2)}\n`;
      if (file) {
        await writeFile(file, text);
        out.write(`Backup written to ${file}\n`);
      } else out.write(text);
    } finally {
      await store.close();
    }
  },
};

const importBackupCmd: Command = {
  name: 'import-backup',
  summary: 'Restore a backup made by `footing export`',
  usage: 'footing import-backup FILE [--db PATH]',
  options: { db: DB_OPTION, email: EMAIL_OPTION },
  positionals: { min: 1, name: 'FILE' },
  async run({ values, positionals, out }) {
    const file = positionals[0]!;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new CliError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const { parseBackup, restoreBackup } = await import('../store/backup.js');
    const parsed = parseBackup(text);
    if ('problem' in parsed)
      throw new CliError(`${file}: at ${parsed.problem.path}: ${parsed.problem.message}. Nothing was imported.`);
    const store = await openCliStore(str(values.db));
    try {
      const personId = await personForCommand(store, values.email);
      const { messagesLeftOut, monitoringMinutesLeftOut, ...counts } = await restoreBackup(
        store.db,
        personId,
        parsed.backup,
      );
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const leftOut =
        (messagesLeftOut
          ? ` ${messagesLeftOut} message${messagesLeftOut === 1 ? ' was' : 's were'} left out: their clinician has no account on this install.`
          : '') +
        (monitoringMinutesLeftOut
          ? ` ${monitoringMinutesLeftOut} entr${monitoringMinutesLeftOut === 1 ? 'y' : 'ies'} of minutes logged by a clinician ${monitoringMinutesLeftOut === 1 ? 'was' : 'were'} left out: that clinician has no account on this install.`
          : '');
      out.write(
        `Restored ${total} records from ${file} (${Object.entries(counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}).${leftOut}\n`,
      );
    } finally {
      await store.close();
    }
  },
};

export const COMMANDS: Command[] = [
  serve,
  migrateCmd,
  backupCommand,
  exportCmd,
  reportCommand,
  importBackupCmd,
  importCommand,
  analyzeCommand,
  stepsCommand,
  explainCommand,
  clinicCommand,
  userCommand,
];

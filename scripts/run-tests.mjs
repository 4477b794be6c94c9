#!/usr/bin/env node
// The one test command (README, CI): builds the web app the browser tests load, then runs every *.test.ts
// under node's own runner. Node 20's --test has no glob support and skips .ts files, so the files are listed here.
// The browser tests (e2e/) that start a server run on SQLite, on PostgreSQL (FOOTING_E2E_DB=postgres,
// e2e/helpers/database.ts) or on both (ONE_DATABASE below says which and why), alongside the other tests; the
// command fails if any run fails.
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { groupTestFiles } from './test-groups.mjs';

// web/src: the web app's logic checked in Node, beside it (pure .ts, no DOM: tsconfig.json type-checks those tests
// without the DOM's types, web/tsconfig.json leaves them out).
const roots = ['src', 'web/src', 'e2e', 'test', 'bench'];
const skipDirs = new Set(['node_modules', 'dist', 'fixtures']);

function collect(dir, out) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { if (!skipDirs.has(name)) collect(path, out); }
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const filter = process.argv.slice(2);
let files = roots.flatMap((r) => collect(r, [])).sort();
if (filter.length) files = files.filter((f) => filter.some((p) => f.includes(p)));
if (files.length === 0) { console.error('No test files matched.'); process.exit(1); }

/** Runs a command to its end, its output on the terminal; resolves with its exit status. */
const step = (command, args) => new Promise((resolve) => {
  spawn(command, args, { stdio: 'inherit' }).on('close', (code) => resolve(code ?? 1));
});

// The PostgreSQL half of the store and API tests needs a server: start Debian's if nobody named one.
if (!process.env.FOOTING_TEST_PG_URL) {
  const pgStart = spawnSync('bash', ['scripts/start-postgres.sh'], { stdio: 'inherit' });
  if (pgStart.status === 0) process.env.FOOTING_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
  else console.error('PostgreSQL could not be started: the PostgreSQL tests will fail. See STACK notes in README.');
}

// The smoke runs of the benches that drive chromium (bench/smoke-browser.test.ts: the gait-browser bench) run in the
// browser lane (after the browser tests on SQLite; never two browsers at once) and need web/dist; the other benches'
// smoke runs (bench/smoke.test.ts) go with the other tests.
const inBrowserLane = (f) => f.startsWith('e2e') || f === join('bench', 'smoke-browser.test.ts');

// Before any test: the types (a type error anywhere, server, core or web, fails the run; checked on a whole run
// only) and the web app's build, side by side (each is one process on one core; together they save the shorter).
const checks = [
  ...(filter.length === 0 ? ['tsconfig.json', 'web/tsconfig.json'].map((project) => [`Type check failed (${project}).`, process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit']]) : []),
  ...(files.some(inBrowserLane) ? [['The web app did not build (npm run build:web).', 'npm', ['run', 'build:web']]] : []),
];
const statuses = await Promise.all(checks.map(([, command, args]) => step(command, args)));
const failed = statuses.findIndex((status) => status !== 0);
if (failed >= 0) { console.error(checks[failed][0]); process.exit(statuses[failed]); }

/**
 * Runs the files under node --test with the browser tests on that database. Output goes to the terminal, or to a
 * file when `logFile` is given. Resolves with the exit status and the seconds it took.
 */
function run(list, db, logFile, concurrency = 1, env = {}) {
  const t0 = Date.now();
  const out = logFile ? openSync(logFile, 'w') : 'inherit';
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...list], { stdio: ['ignore', out, out], env: { ...process.env, NODE_ENV: 'test', FOOTING_E2E_DB: db, ...env } });
  return new Promise((resolve) => child.on('close', (code) => {
    if (typeof out === 'number') closeSync(out);
    resolve({ status: code ?? 1, seconds: Math.round((Date.now() - t0) / 1000) });
  }));
}

// Browser test files that use a database call startServer (e2e/helpers/server.ts) or serverAndPhone
// (e2e/helpers/fixture.ts); the others (pure helpers of the web app checked in Node) would only repeat themselves
// on PostgreSQL.
const e2e = files.filter(inBrowserLane);
const others = files.filter((f) => !inBrowserLane(f));
const usesServer = (f) => /\b(startServer|serverAndPhone)\(/.test(readFileSync(f, 'utf8'));

/**
 * Browser files that run on one database; every other browser file runs on both. Why not all on both: the browser
 * files are the longest lane (about 10 minutes per database on this 2-core machine) and what they add over the
 * store and API tests, which run on both databases (test/helpers/databases.ts), is the page: its screens, its
 * service worker, what it sends. The store under every one of these flows is tested on both databases in src/.
 * - The gait files pay for a pose model (a minute or more per run; the same frames and numbers on either database).
 *   Both databases still see a gait analysis saved from the page: the one-engine test and the server job (upload,
 *   queue, result, video deleted) save on PostgreSQL; the rest on SQLite.
 * - The others are shared out so that each database sees a patient's flows (session, check-in, outbox, walking),
 *   a clinician's (patient list, messages, monitoring, walking target, report), signing in and the safety stop.
 * Kept on both (not listed): the first run (sign-up to the first plan), the offline outbox (resends stored once,
 * which rests on each database's unique keys), the walking import (a job writing many rows in one transaction) and
 * the clinician's workspace (the patient list's figures from each database's SQL).
 */
const ONE_DATABASE = new Map([
  [join('e2e', 'gait-one-engine.test.ts'), 'postgres'],
  [join('e2e', 'gait-server.test.ts'), 'postgres'],
  [join('e2e', 'gait-video.test.ts'), 'sqlite'],
  [join('e2e', 'gait-treadmill.test.ts'), 'sqlite'],
  [join('e2e', 'gait-walker.test.ts'), 'sqlite'],
  [join('e2e', 'gait-bad-input.test.ts'), 'sqlite'],
  // The wording of citations and the References page (served from the app and the service worker's cache).
  [join('e2e', 'references.test.ts'), 'sqlite'],
  // A patient's day.
  [join('e2e', 'session-progress.test.ts'), 'postgres'],
  [join('e2e', 'session-pictures.test.ts'), 'sqlite'],
  [join('e2e', 'walk-now.test.ts'), 'sqlite'],
  [join('e2e', 'reminders.test.ts'), 'postgres'],
  [join('e2e', 'spanish.test.ts'), 'sqlite'],
  // The clinician's screens in Spanish: catalogue words only (the data behind them is e2e/messages' and
  // clinic-monitoring's, which run on PostgreSQL).
  [join('e2e', 'spanish-clinician.test.ts'), 'sqlite'],
  [join('e2e', 'assessment.test.ts'), 'postgres'],
  // Getting in and staying safe.
  [join('e2e', 'getting-in.test.ts'), 'sqlite'],
  [join('e2e', 'red-flag-stop.test.ts'), 'sqlite'],
  // The clinic.
  [join('e2e', 'messages.test.ts'), 'postgres'],
  [join('e2e', 'report-download.test.ts'), 'postgres'],
  [join('e2e', 'clinic-monitoring.test.ts'), 'postgres'],
  [join('e2e', 'clinic-admin.test.ts'), 'postgres'],
  [join('e2e', 'clinic-walking-target.test.ts'), 'sqlite'],
]);
/** How many processes of the other test files run at once (two; one when asked, to look at a run in order). */
const OTHER_CONCURRENCY = process.env.FOOTING_TEST_CONCURRENCY === '1' ? 1 : 2;
const runsOn = (db) => (f) => (ONE_DATABASE.get(f) ?? db) === db;
const sqliteE2e = e2e.filter(runsOn('sqlite'));
const pgE2e = e2e.filter((f) => usesServer(f) && runsOn('postgres')(f));

// node --test runs one file at a time here (2 cores) and most tests wait on I/O. So the browser tests run alongside
// the other tests: first on SQLite, then on PostgreSQL (never two browsers at once, which made slow pages flaky).
// Their reports are printed after the other tests' (straight to the terminal when only browser tests were chosen).
const t0 = Date.now();
const logDir = others.length && e2e.length ? mkdtempSync(join(tmpdir(), 'footing-e2e-')) : null;
const logFile = (name) => (logDir ? join(logDir, name) : undefined);
if (logDir) console.log('# The browser tests run alongside (SQLite, then PostgreSQL); their reports come after this one.');
if (!logDir && pgE2e.length) console.log('# Browser tests on SQLite first, then on PostgreSQL (FOOTING_E2E_DB=postgres).');
// The other test files run in one process per folder (scripts/test-groups.mjs says why). The browser files keep one
// process each: each starts its server and browser in top-level hooks, which a shared process would run all at once.
const groupDir = mkdtempSync(join(tmpdir(), 'footing-groups-'));
// docs/screenshots is written by each browser file's first run: on SQLite, or on PostgreSQL for a file that runs
// there only (e2e/helpers/browser.ts).
const screenshotWriters = (list) => ({ FOOTING_E2E_SCREENSHOTS: list.map((f) => resolve(f)).join(',') });
const browserLane = async () => [
  ...(sqliteE2e.length ? [['browser test files on SQLite', sqliteE2e, await run(sqliteE2e, 'sqlite', logFile('sqlite.tap'), 1, screenshotWriters(sqliteE2e)), 'sqlite.tap']] : []),
  ...(pgE2e.length ? [['browser test files on PostgreSQL', pgE2e, await run(pgE2e, 'postgres', logFile('postgres.tap'), 1, screenshotWriters(pgE2e.filter((f) => !sqliteE2e.includes(f)))), 'postgres.tap']] : []),
];
const [otherRun, browserRuns] = await Promise.all([
  // Two of the other test processes at a time: alone, with the browser lane beside it, the machine had a core idle
  // about half the time (most of these tests wait on PostgreSQL, the disk or child processes).
  others.length ? run(groupTestFiles(others, groupDir), 'sqlite', undefined, OTHER_CONCURRENCY) : null,
  e2e.length ? browserLane() : [],
]);
const runs = otherRun ? [['other test files', others, otherRun], ...browserRuns] : browserRuns;
if (logDir) {
  for (const [what, list, , tap] of browserRuns) {
    console.log(`\n# ---- ${what} (${list.length}): ${list.join(' ')} ----\n`);
    process.stdout.write(readFileSync(join(logDir, tap), 'utf8'));
  }
  rmSync(logDir, { recursive: true, force: true });
}
rmSync(groupDir, { recursive: true, force: true });
console.log('');
for (const [what, list, r] of runs) console.log(`# ${list.length} ${what}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${r.seconds} s`);
console.log(`# all tests: ${Math.round((Date.now() - t0) / 1000)} s`);
process.exit(runs.find(([, , r]) => r.status !== 0)?.[2].status ?? 0);

#!/usr/bin/env node
// The one test command (README, CI): builds the web app the browser tests load, then runs every *.test.ts
// under node's own runner. Node 20's --test has no glob support and skips .ts files, so the files are listed here.
// The browser tests (e2e/) that start a server run on SQLite and on PostgreSQL (FOOTING_E2E_DB=postgres,
// e2e/helpers/database.ts; the on-device gait files once, their saves replayed on PostgreSQL: ANALYSIS_ONCE below),
// two browser runs at a time, alongside the other tests; the command fails if any run fails.
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
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!skipDirs.has(name)) collect(path, out);
    } else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const filter = process.argv.slice(2);
let files = roots.flatMap((r) => collect(r, [])).sort();
if (filter.length) files = files.filter((f) => filter.some((p) => f.includes(p)));
if (files.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}

/** Runs a command to its end, its output on the terminal; resolves with its exit status. */
const step = (command, args) =>
  new Promise((resolve) => {
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
  ...(filter.length === 0
    ? ['tsconfig.json', 'web/tsconfig.json'].map((project) => [
        `Type check failed (${project}).`,
        process.execPath,
        ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit'],
      ])
    : []),
  ...(files.some(inBrowserLane)
    ? [['The web app did not build (npm run build:web).', 'npm', ['run', 'build:web']]]
    : []),
];
const statuses = await Promise.all(checks.map(([, command, args]) => step(command, args)));
const failed = statuses.findIndex((status) => status !== 0);
if (failed >= 0) {
  console.error(checks[failed][0]);
  process.exit(statuses[failed]);
}

/**
 * Runs the files under node --test with the browser tests on that database. Output goes to the terminal, or to a
 * file when `logFile` is given. Resolves with the exit status and the seconds it took.
 */
function run(list, db, logFile, concurrency = 1, env = {}) {
  const t0 = Date.now();
  const out = logFile ? openSync(logFile, 'w') : 'inherit';
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...list], {
    stdio: ['ignore', out, out],
    env: { ...process.env, NODE_ENV: 'test', FOOTING_E2E_DB: db, TMPDIR: runTmp, ...env },
  });
  return new Promise((resolve) =>
    child.on('close', (code) => {
      if (typeof out === 'number') closeSync(out);
      resolve({ status: code ?? 1, seconds: Math.round((Date.now() - t0) / 1000) });
    }),
  );
}

// Browser test files that use a database call startServer (e2e/helpers/server.ts) or serverAndPhone
// (e2e/helpers/fixture.ts); the others (pure helpers of the web app checked in Node, the gait-browser bench's smoke
// run) would only repeat themselves on PostgreSQL.
const e2e = files.filter(inBrowserLane);
const others = files.filter((f) => !inBrowserLane(f));
const usesServer = (f) => /\b(startServer|serverAndPhone)\(/.test(readFileSync(f, 'utf8'));

/**
 * Every browser file that uses a server runs on SQLite and on PostgreSQL (issue 14's quality bar). The files below
 * are the exception in form only: their work is a gait analysis on the page (a pose model over every frame, 25-140 s
 * of CPU a file; the same frames and numbers on either database), so they run once, on SQLite, and every analysis
 * the page saves is sent byte for byte to a second server on PostgreSQL beside it, which must then hold the same
 * analyses, keypoints and stills (FOOTING_E2E_MIRROR, e2e/helpers/mirror.ts). e2e/gait-server, whose analysis is
 * the server's own job (upload, queue, result, video deleted: each database's part), runs whole on both.
 */
const ANALYSIS_ONCE = new Set(
  ['gait-video', 'gait-treadmill', 'gait-walker', 'gait-bad-input', 'gait-one-engine'].map((n) =>
    join('e2e', `${n}.test.ts`),
  ),
);
/**
 * The browser runs that keep a core busy from start to end: the gait files and the gait-browser bench (the pose
 * model in the page uses every core it is given). Never two of them at once; the others wait on the page, timers and
 * the database most of their time, so one of them runs beside.
 */
const heavy = (f) => f.startsWith(join('e2e', 'gait-')) || f === join('bench', 'smoke-browser.test.ts');
/** How many browser runs at once (two; one when asked, to look at a run in order or on a slower machine). */
const BROWSER_SLOTS = process.env.FOOTING_TEST_BROWSERS === '1' ? 1 : 2;
/** How many processes of the other test files run at once (two; one when asked, to look at a run in order). */
const OTHER_CONCURRENCY = process.env.FOOTING_TEST_CONCURRENCY === '1' ? 1 : 2;

/** The browser runs: [file, database, extra environment]; docs/screenshots is written by each file's SQLite run. */
const browserJobs = e2e.flatMap((f) => {
  const shots = { FOOTING_E2E_SCREENSHOTS: resolve(f), FOOTING_E2E_MIRROR: '' };
  if (!usesServer(f)) return [[f, 'sqlite', shots]];
  if (ANALYSIS_ONCE.has(f)) return [[f, 'sqlite', { ...shots, FOOTING_E2E_MIRROR: 'postgres' }]];
  return [
    [f, 'sqlite', shots],
    [f, 'postgres', { FOOTING_E2E_SCREENSHOTS: '', FOOTING_E2E_MIRROR: '' }],
  ];
});

/**
 * Runs the browser jobs, BROWSER_SLOTS at a time and never two heavy ones at once: the heavy ones first (longest
 * tail), the others by size of file, largest first, in the other slot. Each run's report goes to its own file.
 * Resolves with one entry per job, in the jobs' order.
 */
async function browserLane(jobs) {
  const results = new Array(jobs.length);
  const size = (f) => statSync(f).size;
  const queue = jobs
    .map((job, i) => ({ job, i }))
    .sort((a, b) => Number(heavy(b.job[0])) - Number(heavy(a.job[0])) || size(b.job[0]) - size(a.job[0]));
  let heavyRunning = false;
  const next = () => {
    const k = queue.findIndex(({ job }) => !heavyRunning || !heavy(job[0]));
    return k < 0 ? undefined : queue.splice(k, 1)[0];
  };
  const wake = [];
  const slot = async () => {
    for (;;) {
      const item = next();
      if (!item) {
        if (queue.length === 0) return;
        await new Promise((r) => wake.push(r)); // a heavy job is running and only heavy ones are left
        continue;
      }
      const [file, db, env] = item.job;
      const isHeavy = heavy(file);
      if (isHeavy) heavyRunning = true;
      const tap = join(browserDir, `${item.i}.tap`);
      results[item.i] = { file, db, tap, ...(await run([file], db, tap, 1, env)) };
      if (isHeavy) {
        heavyRunning = false;
        wake.splice(0).forEach((r) => r());
      }
      // Alone (only browser files chosen), each run's report as soon as it ends; else all after the other tests'.
      if (!others.length) printBrowserRun(results[item.i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(BROWSER_SLOTS, jobs.length) }, slot));
  browserSeconds = Math.round((Date.now() - t0) / 1000);
  return results;
}

// node --test runs one file at a time here (2 cores) and most tests wait on I/O. So the browser tests run alongside
// the other tests, two browser runs at a time (browserLane). Their reports are printed after the other tests' (in
// one piece per run, SQLite's first).
const t0 = Date.now();
/** When the browser lane ended, seconds from t0 (the other tests may go on after it). */
let browserSeconds = 0;
const groupDir = mkdtempSync(join(tmpdir(), 'footing-groups-'));
// Every test process gets a temporary folder of this run's (TMPDIR, which os.tmpdir() reads), removed at the end:
// the files tests write there (PDFs, imports, clips, databases, the browser's profile) hold made-up records, and a
// test that forgets one leaves nothing behind on the machine.
const runTmp = mkdtempSync(join(tmpdir(), 'footing-test-run-'));
const browserDir = mkdtempSync(join(tmpdir(), 'footing-e2e-'));
const dbLabel = (db) => (db === 'postgres' ? 'PostgreSQL' : 'SQLite');
function printBrowserRun(r) {
  console.log(
    `\n# ---- ${r.file} on ${dbLabel(r.db)}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${r.seconds} s ----\n`,
  );
  process.stdout.write(readFileSync(r.tap, 'utf8'));
}
if (e2e.length)
  console.log(
    `# The browser tests run ${BROWSER_SLOTS === 1 ? 'one at a time' : `${BROWSER_SLOTS} at a time`}${others.length ? ' alongside' : ''} (each on SQLite and on PostgreSQL, FOOTING_E2E_DB); their reports come after${others.length ? ' this one' : ' they end'}.`,
  );
// The other test files run in one process per folder (scripts/test-groups.mjs says why). The browser files keep one
// process each: each starts its server and browser in top-level hooks, which a shared process would run all at once.
const [otherRun, browserRuns] = await Promise.all([
  // Two of the other test processes at a time: alone, with the browser lane beside it, the machine had a core idle
  // about half the time (most of these tests wait on PostgreSQL, the disk or child processes).
  others.length ? run(groupTestFiles(others, groupDir), 'sqlite', undefined, OTHER_CONCURRENCY) : null,
  e2e.length ? browserLane(browserJobs) : [],
]);
if (others.length)
  for (const db of ['sqlite', 'postgres']) browserRuns.filter((r) => r.db === db).forEach(printBrowserRun);
rmSync(browserDir, { recursive: true, force: true });
rmSync(groupDir, { recursive: true, force: true });
rmSync(runTmp, { recursive: true, force: true });
console.log('');
if (otherRun)
  console.log(
    `# ${others.length} other test files: ${otherRun.status === 0 ? 'passed' : 'FAILED'} in ${otherRun.seconds} s`,
  );
for (const db of ['sqlite', 'postgres']) {
  const mine = browserRuns.filter((r) => r.db === db);
  if (!mine.length) continue;
  const failed = mine.filter((r) => r.status !== 0).map((r) => r.file);
  console.log(
    `# ${mine.length} browser test files on ${dbLabel(db)}: ${failed.length ? `FAILED (${failed.join(' ')})` : 'passed'}, ${mine.reduce((n, r) => n + r.seconds, 0)} s of runs`,
  );
}
if (browserRuns.length)
  console.log(
    `# browser lane: ${browserRuns.length} runs, ${BROWSER_SLOTS} at a time, ended after ${browserSeconds} s`,
  );
console.log(`# all tests: ${Math.round((Date.now() - t0) / 1000)} s`);
process.exit([otherRun, ...browserRuns].find((r) => r && r.status !== 0)?.status ?? 0);

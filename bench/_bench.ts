/**
 * What the benchmarks share (bench/run.ts skips files starting with `_`). Every bench exports
 * `run(options?: BenchOptions): Promise<BenchFigures>`: it prints its figures and returns the main ones by name.
 * In smoke mode it takes the same path end to end at tiny sizes, so that bench/smoke.test.ts (part of `npm test`)
 * fails when a change breaks a bench. Neither mode passes or fails on timings; both throw when the bench's own work
 * fails (errors, non-2xx answers, wrong counts, no frames).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import type { DbConfig, Store } from '../src/store/db.js';
import { openStore } from '../src/store/db.js';

export interface BenchOptions {
  /** Tiny sizes, same code path: a few requests, a few patients, a short clip, a few MB of XML. */
  smoke?: boolean;
}

/** A bench's main figures, by name (ms, req/s, MB/s, ...). */
export type BenchFigures = Record<string, number>;

/** A bench's entry point. */
export type RunBench = (options?: BenchOptions) => Promise<BenchFigures>;

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

/** The benches in bench/, by file name, sorted: what `npm run bench` and bench/smoke.test.ts run. */
export function benchFiles(): string[] {
  return readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts') && !f.startsWith('_'))
    .sort();
}

/**
 * True when the bench drives a browser (it imports playwright-core or the browser tests' launcher): its smoke run goes with the browser tests
 * (bench/smoke-browser.test.ts), never beside them, since two browsers at once made slow pages flaky here.
 */
export function drivesBrowser(file: string): boolean {
  return /from ['"](playwright-core|\.\.\/e2e\/helpers\/browser\.js)['"]/.test(
    readFileSync(join(BENCH_DIR, file), 'utf8'),
  );
}

/** A bench file's run(), or null when it exports none. */
export async function loadBench(file: string): Promise<RunBench | null> {
  const mod = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as { run?: RunBench };
  return typeof mod.run === 'function' ? mod.run : null;
}

/** `npm run bench -- --smoke`: the benches' smoke mode from the command line. */
export const SMOKE_FLAG = '--smoke';

/** Requests per autocannon run in smoke mode. */
export const SMOKE_REQUESTS = 40;

/** The bench's work failed: throws (never use it for a timing). */
export function failBench(what: string): never {
  throw new Error(`bench failed: ${what}`);
}

/** Throws when the bench's work failed (never use it for a timing). */
export function expectWork(ok: boolean, what: string): asserts ok {
  if (!ok) failBench(what);
}

/**
 * How long an autocannon run lasts: `seconds`, or a few requests in smoke mode. A smoke run waits up to 2 minutes
 * for an answer (autocannon's default is 10 s): the smoke runs share one process (bench/_smoke.ts), so another
 * bench's synchronous work (a model's graphs converted, a big file built) can hold this in-process server's event
 * loop for seconds, which is not a failure of the path being smoke-tested (seen: /api/health answered after 14 s
 * while pose-node loaded its model, counted as 16 failed requests). A real run keeps the default.
 */
export function loadLength(
  options: BenchOptions,
  seconds: number,
): Pick<autocannon.Options, 'amount' | 'duration' | 'timeout'> {
  return options.smoke ? { amount: SMOKE_REQUESTS, timeout: 120 } : { duration: seconds };
}

/** The requests of an autocannon run that failed: connection errors, timeouts and non-2xx answers. */
export function failedRequests(r: autocannon.Result): number {
  return r.errors + r.timeouts + r.non2xx;
}

/** Completed requests per second over the run's real length (autocannon's per-second average rounds short runs). */
export function requestsPerSecond(r: autocannon.Result): number {
  return r.requests.total / r.duration;
}

/** Listens on a free port of 127.0.0.1; resolves with the base URL. */
export async function listenLocal(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('server has no port');
  return `http://127.0.0.1:${addr.port}`;
}

/** How long serveFooting waits for a server to say where it listens. */
const START_TIMEOUT_MS = 300_000;

const FOOTING_BIN = fileURLToPath(new URL('../bin/footing.js', import.meta.url));

/**
 * Starts `footing serve --port 0` (plus `args`) with `env` added to this process's environment and `nodeFlags`
 * before bin/footing.js; resolves with its base URL once it says where it listens.
 */
export function serveFooting(
  env: Record<string, string>,
  args: string[] = [],
  nodeFlags: string[] = [],
): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, FOOTING_BIN, 'serve', '--port', '0', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    // Only against a hang: a start takes seconds, but well over a minute while the smoke runs share 2 loaded cores.
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`server did not start in ${START_TIMEOUT_MS / 1000} s: ${out}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it listened: ${out}`));
    });
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /running at (http:\/\/[^\s]+) /.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child });
      }
    });
    child.stderr!.on('data', (d) => {
      out += String(d);
    });
  });
}

/** Stops a server serveFooting started (SIGTERM) and waits for it to exit. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

let databaseUrlHeld: Promise<unknown> = Promise.resolve();
/**
 * Runs `fn` with DATABASE_URL set to `url` (unchanged when undefined), then puts the old value back. The smoke test
 * runs the benches at the same time in one process (bench/smoke.test.ts), and two of them run `footing user add`
 * in-process on their own database: the variable is held by one of them at a time, or one bench's command opens the
 * other's database.
 */
export function withDatabaseUrl<T>(url: string | undefined, fn: () => Promise<T>): Promise<T> {
  const turn = databaseUrlHeld.then(async () => {
    const prev = process.env.DATABASE_URL;
    if (url !== undefined) process.env.DATABASE_URL = url;
    try {
      return await fn();
    } finally {
      if (prev === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = prev;
    }
  });
  databaseUrlHeld = turn.catch(() => undefined);
  return turn;
}

/** The PostgreSQL server the benches use: FOOTING_TEST_PG_URL, or the local cluster of scripts/start-postgres.sh. */
export const PG_ADMIN_URL = process.env.FOOTING_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh PostgreSQL database `name` (an older one of that name is dropped first): its URL, and how to drop it. */
export async function freshPgDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The kernel's clock ticks per second, in which /proc/PID/stat counts CPU time (100 on Linux's every common build). */
const CLOCK_TICKS = 100;

/**
 * CPU seconds (user + system) process `pid` has used so far, from /proc (Linux); null where there is no /proc or the
 * process is gone. CPU time is what a loaded machine changes least: a request's latency waits for the other users of
 * the cores, its CPU time mostly does not, so it compares a change made between two runs at different loads.
 */
export function cpuSecondsOf(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The fields after "pid (command) ": state is the first, utime the 12th and stime the 13th (proc(5), fields 14 and 15).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** The server processes (backends) connected to PostgreSQL database `name` now, by pid. */
export async function pgBackendPids(name: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    const r = await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
    return r.rows.map((row) => row.pid);
  } finally {
    await c.end();
  }
}

/** How many statements a store's Kysely has run since countStatements wrapped it. */
export interface StatementCount {
  readonly statements: number;
}

/**
 * Counts every statement the store runs from now on (each one a round trip on PostgreSQL), in a transaction or not;
 * a transaction's BEGIN and COMMIT are not counted (Kysely's driver sends them itself). Call it before building the
 * app on the store: the app reads `store.db` at each request, so it then runs on the counting instance.
 */
export function countStatements(store: Store): StatementCount {
  const count = { statements: 0 };
  store.db = store.db.withPlugin({
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      count.statements++;
      return args.result;
    },
  });
  return count;
}

/** What one request costs in this process: statements and CPU time per request, over `n` requests in a row. */
export interface InProcessCost {
  statements: number;
  cpuMs: number;
}

/**
 * The app in this process on a database a `footing serve` also has open (`config`), each GET of `paths` sent `n`
 * times in a row through app.inject with `headers`, the paths taken in turn for `rounds` rounds so a change in the
 * machine's load falls on all of them alike. Per path: the statements per request (the same every round) and the
 * lowest CPU time per request of the rounds (server work only: no socket, no client). Every answer must be 200.
 */
export async function costInProcess(
  config: DbConfig,
  paths: Record<string, string>,
  headers: Record<string, string>,
  n: number,
  rounds = 3,
): Promise<Record<string, InProcessCost>> {
  const store = openStore(config);
  const counter = countStatements(store);
  const app = await buildApp({ store, webRoot: null, rateLimitPerMinute: 1_000_000_000 });
  const out: Record<string, InProcessCost> = {};
  try {
    for (const [name, url] of Object.entries(paths))
      for (let i = 0; i < 5; i++) await getInjected(app, url, headers, name); // warm-up
    for (let r = 0; r < rounds; r++) {
      for (const [name, url] of Object.entries(paths)) {
        const before = counter.statements;
        const cpu = process.cpuUsage();
        for (let i = 0; i < n; i++) await getInjected(app, url, headers, name);
        const used = process.cpuUsage(cpu);
        const cost = { statements: (counter.statements - before) / n, cpuMs: (used.user + used.system) / 1000 / n };
        out[name] = out[name] ? { statements: cost.statements, cpuMs: Math.min(out[name]!.cpuMs, cost.cpuMs) } : cost;
      }
    }
    return out;
  } finally {
    await app.close();
    await store.close();
  }
}

async function getInjected(
  app: FastifyInstance,
  url: string,
  headers: Record<string, string>,
  name: string,
): Promise<void> {
  const res = await app.inject({ method: 'GET', url, headers });
  expectWork(res.statusCode === 200, `${name} in-process answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
}

/** A deterministic pseudo-random in [0, 1) (xorshift32): the same seed gives the same data or traffic on every run,
 * so runs are comparable. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

/** The machine's load averages (1, 5, 15 min), printed beside a figure so a busy machine's figure is read as one. */
export const loadAverage = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** The q-quantile of ascending `sorted` by the nearest-rank method (p99 of 100 values is the 99th). */
export const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;

/**
 * The clinic on PostgreSQL (issues 7 and 17; bench/clinic-sqlite.ts measures the list on SQLite, and bench/_clinic.ts
 * holds what the two share): the patient list and sign-in in-process, then `footing serve`
 * processes under autocannon load (one process as the baseline, then two on the same database). Two clinicians in
 * one database: one with 1,000 patients and a year of data each, one with 10,000 patients and 90 days each (a year
 * for 10,000 would take many minutes to seed; the list reads kept figures, so history length changes only the
 * seeding). Every seeded patient gets their list figures through refreshListFigures, the function the writes call.
 * The list is measured for its first page, a search and two orders (one the database gives, one worked out for
 * every patient), each against GET /api/health in the same run. Creates its own database (dropped at the end);
 * PostgreSQL from FOOTING_TEST_PG_URL or postgres://postgres@127.0.0.1:5432/postgres (bash scripts/start-postgres.sh).
 * BENCH_PATIENTS, BENCH_LARGE_PATIENTS and BENCH_LARGE_DAYS change the sizes.
 * Smoke mode (bench/smoke.test.ts): 5 patients x 2 weeks and 8 x 1 week, 2 sign-ins, a few requests per load run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { migrate, openStore } from '../src/store/db.js';
import {
  countStatements,
  expectWork,
  failedRequests,
  listenLocal,
  loadLength,
  requestsPerSecond,
  serveFooting,
  stopServer,
  type BenchFigures,
  type BenchOptions,
} from './_bench.js';
import {
  LIST_BOUND,
  listCases,
  load,
  measureListInProcess,
  PASSWORD,
  seedClinics,
  signIn,
  sizeFor,
  TODAY,
  type BulkInsert,
} from './_clinic.js';

const ADMIN_URL = process.env.FOOTING_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  bad: number;
}

/** Multi-row insert through unnest of one array per column: one statement (one round trip) for many rows. */
function pgBulk(db: pg.Pool): BulkInsert {
  return async (table, cols, rows) => {
    if (rows.length === 0) return;
    const names = Object.keys(cols);
    const arrays = names.map((_, c) => rows.map((r) => r[c]));
    const select = names.map((n, i) => `$${i + 1}::${cols[n]}[]`).join(', ');
    await db.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${select})`, arrays);
  };
}

async function cannon(
  urls: string[],
  path: (i: number) => string,
  cookie: string,
  connections: number,
  length: Pick<autocannon.Options, 'amount' | 'duration'>,
): Promise<Figures[]> {
  const runs = urls.map((url) => {
    let i = 0;
    return autocannon({
      url,
      connections,
      ...length,
      timeout: 120,
      headers: { cookie },
      requests: [{ setupRequest: (req) => ({ ...req, path: path(i++) }) }],
    } as autocannon.Options);
  });
  const results = await Promise.all(runs);
  // Completed requests over the run's length: at under one request a second, autocannon's per-second average rounds to whole samples.
  return results.map((r) => ({
    rps: requestsPerSecond(r),
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    bad: failedRequests(r),
  }));
}

/** Starts `footing serve --port 0` on the database; resolves with its base URL once it says where it listens. */
const serve = (databaseUrl: string) => serveFooting({ DATABASE_URL: databaseUrl });

/** Fresh server processes for each measurement: `footing serve` limits each client address to 6,000 requests a minute. */
async function withServers<T>(databaseUrl: string, n: number, fn: (urls: string[]) => Promise<T>): Promise<T> {
  const servers = await Promise.all(Array.from({ length: n }, () => serve(databaseUrl)));
  try {
    return await fn(servers.map((s) => s.url));
  } finally {
    await Promise.all(servers.map((s) => stopServer(s.child)));
  }
}

export async function run(options: BenchOptions = {}): Promise<BenchFigures> {
  const size = sizeFor(options);
  const [small, large] = size.clinics;
  const figures: BenchFigures = {};
  /** autocannon's length: `seconds`, or a few requests in smoke mode; and how it is said. */
  const length = (seconds: number) => loadLength(options, seconds);
  const lengthText = (seconds: number) => (options.smoke ? 'a few requests' : `${seconds} s`);
  const noneFailed = (what: string, f: Figures) =>
    expectWork(f.bad === 0 && f.requests > 0, `${what}: ${f.bad} of ${f.requests} requests failed`);
  const name = `footing_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  const dir = mkdtempSync(join(tmpdir(), 'footing-bench-pg-'));
  const store = openStore({ kind: 'postgres', url });
  const raw = new pg.Pool({ connectionString: url, max: 2 });
  try {
    console.log(
      `PostgreSQL; ${size.clinics.map((c) => `${c.patients} patients x ${c.days} days`).join(' and ')}; Node ${process.version}; load average at start ${load()} (2 cores shared)`,
    );
    if (!options.smoke)
      console.log(
        `(The ${large.patients} patients have ${large.days} days each, not a year: seeding a year for all of them takes many minutes, and the list reads kept figures whatever the history.)`,
      );
    await migrate(store);
    const pw = join(dir, 'pw');
    writeFileSync(pw, `${PASSWORD}\n`);
    const ids = await seedClinics(store, size, pgBulk(raw), { databaseUrl: url, args: [], passwordFile: pw });
    const dbSize = (await raw.query(`SELECT pg_size_pretty(pg_database_size(current_database())) s`)).rows[0].s;
    console.log(`Database ${dbSize}`);

    // ---- in-process: sign-in, then the list's requests in a row and under load, each against /api/health ----
    const counter = countStatements(store);
    const app = await buildApp({
      store,
      webRoot: null,
      rateLimitPerMinute: 10_000_000,
      auth: { signInPerMinute: 1_000_000 },
    });
    try {
      const base = await listenLocal(app);
      const cookies = await measureListInProcess(base, size, ids, options, figures, counter);
      const [h] = await cannon([base], () => '/api/health', '', 2, length(DURATION_S));
      noneFailed('health in-process', h!);
      console.log(
        `\nUnder autocannon in-process (2 connections, ${lengthText(DURATION_S)} each; ratio = req/s against GET /api/health's ${h!.rps.toFixed(0)} req/s):`,
      );
      for (const [c, lc] of [
        [small, listCases(small)[0]!],
        [large, listCases(large)[0]!],
        [large, listCases(large)[3]!],
      ] as const) {
        const [f] = await cannon([base], () => lc.path, cookies[c.key]!, 2, length(DURATION_S));
        noneFailed(`${lc.label} at ${c.patients} in-process`, f!);
        figures[`${lc.key}${c.key === 'small' ? '' : 'Large'}Rps`] = f!.rps;
        console.log(
          `  ${`${c.patients} patients, ${lc.label}`.padEnd(44)} ${f!.rps.toFixed(1).padStart(8)} req/s  p50 ${String(f!.p50).padStart(4)} ms  p99 ${String(f!.p99).padStart(4)} ms  ratio ${(f!.rps / h!.rps).toFixed(3)}  bad ${f!.bad}`,
        );
      }
    } finally {
      await app.close();
    }

    // ---- footing serve: one process (baseline), then two on the same database at once ----
    interface Phase {
      key: string;
      label: string;
      path: (i: number) => string;
      connections: number;
      seconds: number;
    }
    const smallIds = ids[small.key]!;
    const phases: Phase[] = [
      {
        key: 'list',
        label: `GET /api/patients, first page of ${small.patients}`,
        path: () => listCases(small)[0]!.path,
        connections: 2,
        seconds: DURATION_S,
      },
      {
        key: 'patientToday',
        label: 'GET /api/patients/:id/today',
        path: (i) => `/api/patients/${smallIds[i % smallIds.length]}/today?date=${TODAY}`,
        connections: 10,
        seconds: DURATION_S,
      },
    ];
    // Fresh processes for each phase (the rate limit: see withServers); a smoke run's few requests share them.
    const groups = options.smoke ? [phases] : phases.map((ph) => [ph]);
    console.log(
      `\nfooting serve processes, autocannon ${lengthText(DURATION_S)} per run, fresh processes per ${options.smoke ? 'process count' : 'run'}; sign-in session made by the first process is used on all`,
    );
    const row = (label: string, f: Figures) =>
      console.log(
        `  ${label.padEnd(22)} ${f.rps.toFixed(1).padStart(8)} req/s   p50 ${String(f.p50).padStart(5)} ms   p99 ${String(f.p99).padStart(5)} ms   requests ${f.requests}   bad ${f.bad}`,
      );
    for (const group of groups) {
      /** Each phase of the group on n fresh processes: per phase, one figure per process. */
      const measure = (n: number) =>
        withServers(url, n, async (urls) => {
          const { cookie: c } = await signIn(urls[0]!, small.email);
          const out: Figures[][] = [];
          for (const ph of group) out.push(await cannon(urls, ph.path, c, ph.connections, length(ph.seconds)));
          return out;
        });
      const ones = await measure(1);
      const twos = await measure(2);
      group.forEach((ph, i) => {
        const one = ones[i]![0]!;
        const two = twos[i]!;
        console.log(`${ph.label}, ${ph.connections} connections per process, ${lengthText(ph.seconds)}:`);
        row('1 process (baseline)', one);
        row('2 processes: A', two[0]!);
        row('2 processes: B', two[1]!);
        const both = two[0]!.rps + two[1]!.rps;
        console.log(
          `  ${'2 processes: combined'.padEnd(22)} ${both.toFixed(1).padStart(8)} req/s   p99 max ${Math.max(two[0]!.p99, two[1]!.p99)} ms   ratio to 1 process ${(both / one.rps).toFixed(2)}`,
        );
        for (const [who, f] of [
          ['1 process', one],
          ['2 processes: A', two[0]!],
          ['2 processes: B', two[1]!],
        ] as const)
          noneFailed(`${ph.label}, ${who}`, f);
        figures[`${ph.key}ServeRps`] = one.rps;
        figures[`${ph.key}TwoProcessRatio`] = both / one.rps;
      });
    }
    console.log(`\n${LIST_BOUND.join('\n')}`);
    console.log(
      "/today reads one patient's whole history and runs the program engine, plus the access check and one audit insert.",
    );
    console.log('On 2 shared cores, PostgreSQL, autocannon and the servers compete for the CPUs.');
    console.log(`Load average at end ${load()}`);
    return figures;
  } finally {
    await raw.end();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
}

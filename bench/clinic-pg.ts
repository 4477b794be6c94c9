/**
 * The clinic on PostgreSQL (issue 7): sign-in and patient-list latency with 1,000 patients and a year of data each,
 * then two `footing serve` processes on the same database under autocannon load, against one process as the
 * baseline in the same run. Creates its own database (dropped at the end); PostgreSQL from FOOTING_TEST_PG_URL or
 * postgres://postgres@127.0.0.1:5432/postgres (bash scripts/start-postgres.sh).
 * Smoke mode (bench/smoke.test.ts): 5 patients x 2 weeks, 2 sign-ins, a few requests per load run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { main } from '../src/cli/main.js';
import { addDays } from '../src/core/dates.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../src/core/red-flags.js';
import { LAST_STAGE } from '../src/core/stages.js';
import { buildApp } from '../src/server/app.js';
import { hashPassword } from '../src/server/auth/password.js';
import { submitScreen } from '../src/server/services/program-service.js';
import { migrate, openStore } from '../src/store/db.js';
import { expectWork, failedRequests, listenLocal, loadLength, requestsPerSecond, type BenchFigures, type BenchOptions } from './_bench.js';

const ADMIN_URL = process.env.FOOTING_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 1000);
const DAYS = 365;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const SIGN_INS = 50;
/** The patient list takes seconds at 1,000 patients: longer runs so each figure rests on more than a few requests. */
const LIST_SECONDS = Math.max(DURATION_S, 20);
const TODAY = '2026-06-30';
const PASSWORD = 'a long enough bench passphrase 42';
const BIN = fileURLToPath(new URL('../bin/footing.js', import.meta.url));

interface Figures { rps: number; p50: number; p99: number; requests: number; bad: number }

/** How much the bench seeds and measures: the patients, the days of data each (up to TODAY), the sign-ins timed. */
interface Size { patients: number; days: number; start: string; signIns: number }
function sizeFor(o: BenchOptions): Size {
  const s = o.smoke ? { patients: 5, days: 14, signIns: 2 } : { patients: PATIENTS, days: DAYS, signIns: SIGN_INS };
  return { ...s, start: addDays(TODAY, -(s.days - 1)) };
}

const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!; };
const ms = (x: number) => `${x.toFixed(1)} ms`;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** Multi-row insert through unnest of one array per column: one statement (one round trip) for many rows. */
async function bulk(db: pg.Pool, table: string, cols: Record<string, string>, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(cols);
  const arrays = names.map((_, c) => rows.map((r) => r[c]));
  const select = names.map((n, i) => `$${i + 1}::${cols[n]}[]`).join(', ');
  await db.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${select})`, arrays);
}

/** A deterministic pseudo-random in [0, 1) (the seed is the same on every run, so runs are comparable). */
function rng(seed: number) { let s = seed >>> 0 || 1; return () => { s ^= s << 13; s >>>= 0; s ^= s >> 17; s ^= s << 5; s >>>= 0; return s / 2 ** 32; }; }

/** The patients (1,000 by default), each linked to the clinician, with `days` (a year) of daily check-ins, sessions, walking and
 * program events. */
async function seed(db: pg.Pool, size: Size, clinicId: string, clinicianId: string, screen: { answers: string; status: string; urgency: string | null; result: string }): Promise<string[]> {
  const { patients, days, start } = size;
  // One real scrypt hash shared by the patient accounts: hashing 1,000 at production cost would take minutes and
  // nothing here signs in as a patient.
  const patientHash = await hashPassword(PASSWORD, 2 ** 10);
  const ids: string[] = [];
  const BATCH = 25;
  const now = new Date().toISOString();
  const reasons = (text: string) => JSON.stringify([{ rule: 'bench', text, refs: [] }]);
  const items = JSON.stringify([{ exercise: 'ball-roll', position: 'sitting', completed: true, setsDone: 0, repsDone: 0, secondsDone: 120 }]);
  for (let b = 0; b < patients; b += BATCH) {
    const people: unknown[][] = []; const accounts: unknown[][] = []; const links: unknown[][] = []; const programs: unknown[][] = [];
    const screens: unknown[][] = []; const events: unknown[][] = []; const checkins: unknown[][] = []; const sessions: unknown[][] = []; const walking: unknown[][] = [];
    for (let i = b; i < Math.min(patients, b + BATCH); i++) {
      const id = randomUUID(); ids.push(id);
      const r = rng(i + 1);
      people.push([id, `Patient ${i + 1}`, 1950 + (i % 50), now]);
      accounts.push([randomUUID(), `patient${i + 1}@bench.example`, `Patient ${i + 1}`, patientHash, 'patient', id, null, now]);
      links.push([randomUUID(), clinicId, clinicianId, id, randomUUID(), `Patient ${i + 1}`, now, addDays(start, 14) + 'T00:00:00.000Z', `${start}T09:00:00.000Z`, null]);
      screens.push([randomUUID(), id, `${start}T08:00:00.000Z`, screen.answers, screen.status, screen.urgency, screen.result]);
      // A few program events: the start, then a step up about every quarter (some patients regress once).
      events.push([randomUUID(), id, `${start}T08:00:01.000Z`, start, 'start', null, 1, reasons('Started at stage 1.'), 'engine']);
      let stage = 1;
      for (const d of [90, 180, 270].map((x) => Math.round((x * days) / 365))) {
        const to = r() < 0.15 ? Math.max(1, stage - 1) : Math.min(LAST_STAGE, stage + 1);
        const on = addDays(start, d);
        events.push([randomUUID(), id, `${on}T06:00:00.000Z`, on, to > stage ? 'progress' : to < stage ? 'regress' : 'hold', stage, to, reasons(`Review on ${on}.`), 'engine']);
        stage = to;
      }
      // About 2% stopped after a red-flag answer; they show in the list as needing attention.
      programs.push([id, stage, addDays(start, Math.round((270 * days) / 365)), start, r() < 0.02 ? 'stopped' : 'active', TODAY, now]);
      const adherence = 0.5 + r() * 0.45; // some patients fall under half the days (needs attention)
      const basePain = 3 + Math.floor(r() * 5);
      for (let d = 0; d < days; d++) {
        const date = addDays(start, d);
        const pain = Math.max(0, Math.min(10, Math.round(basePain - (d / days) * 2 + (r() - 0.5) * 3)));
        checkins.push([randomUUID(), id, `${date}T07:30:00+00:00`, date, 'daily', null, pain, Math.max(0, pain - 2), Math.max(0, pain - 3), '[]', null, null, null]);
        if (r() < adherence) sessions.push([randomUUID(), id, `bench-${date}`, date, `${date}T18:00:00+00:00`, `${date}T18:12:00+00:00`, stage, 'completed', items]);
        const steps = 3000 + Math.round(r() * 6000);
        walking.push([id, date, steps, Math.round(steps * 0.7), Math.round(steps / 100), 1.2, 105, 0.68, null, null, '["manual"]']);
      }
    }
    await bulk(db, 'people', { id: 'text', display_name: 'text', birth_year: 'int', created_at: 'text' }, people);
    await bulk(db, 'accounts', { id: 'text', email: 'text', display_name: 'text', password_hash: 'text', role: 'text', person_id: 'text', clinic_id: 'text', created_at: 'text' }, accounts);
    await bulk(db, 'care_links', { id: 'text', clinic_id: 'text', clinician_account_id: 'text', person_id: 'text', token_hash: 'text', label: 'text', created_at: 'text', expires_at: 'text', accepted_at: 'text', revoked_at: 'text' }, links);
    await bulk(db, 'screens', { id: 'text', person_id: 'text', taken_at: 'text', answers: 'text', status: 'text', urgency: 'text', result: 'text' }, screens);
    await bulk(db, 'programs', { person_id: 'text', stage: 'int', stage_started_on: 'text', started_on: 'text', status: 'text', decided_on: 'text', updated_at: 'text' }, programs);
    await bulk(db, 'program_events', { id: 'text', person_id: 'text', at: 'text', on_date: 'text', action: 'text', from_stage: 'int', to_stage: 'int', reasons: 'text', actor: 'text' }, events);
    await bulk(db, 'sessions', { id: 'text', person_id: 'text', client_id: 'text', date: 'text', started_at: 'text', completed_at: 'text', stage: 'int', status: 'text', items: 'text' }, sessions);
    await bulk(db, 'checkins', { id: 'text', person_id: 'text', at: 'text', date: 'text', context: 'text', session_id: 'text', back: 'int', neck: 'int', foot: 'int', regions: 'text', note: 'text', heel_first_steps: 'int', new_lower_limb: 'int' }, checkins);
    await bulk(db, 'walking_days', { person_id: 'text', date: 'text', steps: 'float8', distance_m: 'float8', minutes: 'float8', speed_mps: 'float8', cadence_spm: 'float8', step_length_m: 'float8', asymmetry_pct: 'float8', double_support_pct: 'float8', sources: 'text' }, walking);
  }
  await db.query('ANALYZE');
  return ids;
}

async function cannon(urls: string[], path: (i: number) => string, cookie: string, connections: number, length: Pick<autocannon.Options, 'amount' | 'duration'>): Promise<Figures[]> {
  const runs = urls.map((url) => {
    let i = 0;
    return autocannon({
      url, connections, ...length, timeout: 120, headers: { cookie },
      requests: [{ setupRequest: (req) => ({ ...req, path: path(i++) }) }],
    } as autocannon.Options);
  });
  const results = await Promise.all(runs);
  // Completed requests over the run's length: at under one request a second, autocannon's per-second average rounds to whole samples.
  return results.map((r) => ({ rps: requestsPerSecond(r), p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, bad: failedRequests(r) }));
}

/** Starts `footing serve --port 0` on the database; resolves with its base URL once it says where it listens. */
function serve(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`server did not start: ${out}`)); }, 60_000);
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /running at (http:\/\/[^\s]+) /.exec(out);
      if (m) { clearTimeout(timer); resolve({ url: m[1]!, child }); }
    });
    child.stderr!.on('data', (d) => { out += String(d); });
  });
}

/** Fresh server processes for each measurement: `footing serve` limits each client address to 6,000 requests a minute. */
async function withServers<T>(databaseUrl: string, n: number, fn: (urls: string[]) => Promise<T>): Promise<T> {
  const servers = await Promise.all(Array.from({ length: n }, () => serve(databaseUrl)));
  try { return await fn(servers.map((s) => s.url)); } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((r) => { if (s.child.exitCode !== null) r(null); else s.child.once('exit', r); })));
  }
}

/** GETs a JSON answer; throws with the answer's text unless it is 200. */
async function getOk<T>(url: string, cookie: string): Promise<T> {
  const res = await fetch(url, { headers: { cookie } });
  const text = await res.text();
  expectWork(res.status === 200, `GET ${new URL(url).pathname} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

async function signIn(base: string): Promise<{ cookie: string; ms: number }> {
  const t = performance.now();
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'dr@bench.example', password: PASSWORD }) });
  const took = performance.now() - t;
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, ms: took };
}

export async function run(options: BenchOptions = {}): Promise<BenchFigures> {
  const size = sizeFor(options);
  const { patients, days, start } = size;
  const figures: BenchFigures = {};
  /** autocannon's length: `seconds`, or a few requests in smoke mode; and how it is said. */
  const length = (seconds: number) => loadLength(options, seconds);
  const lengthText = (seconds: number) => (options.smoke ? 'a few requests' : `${seconds} s`);
  const noneFailed = (what: string, f: Figures) => expectWork(f.bad === 0 && f.requests > 0, `${what}: ${f.bad} of ${f.requests} requests failed`);
  const name = `footing_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(ADMIN_URL); u.pathname = `/${name}`;
  const url = u.toString();
  const dir = mkdtempSync(join(tmpdir(), 'footing-bench-pg-'));
  const store = openStore({ kind: 'postgres', url });
  const raw = new pg.Pool({ connectionString: url, max: 2 });
  try {
    console.log(`PostgreSQL, ${patients} patients x ${days} days, Node ${process.version}, load average at start ${load()} (2 cores shared)`);
    await migrate(store);
    const pw = join(dir, 'pw');
    writeFileSync(pw, `${PASSWORD}\n`);
    const quiet = new Writable({ write(_c, _e, cb) { cb(); } });
    const prev = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    try {
      if (await main(['clinic', 'create', 'Bench Clinic'], { out: quiet, err: quiet }) !== 0) throw new Error('clinic create failed');
      if (await main(['user', 'add', '--role', 'clinician', '--clinic', 'Bench Clinic', '--email', 'dr@bench.example', '--name', 'Dr Bench', '--password-file', pw], { out: quiet, err: quiet }) !== 0) throw new Error('user add failed');
    } finally { if (prev === undefined) delete process.env.DATABASE_URL; else process.env.DATABASE_URL = prev; }
    const clinician = (await raw.query<{ id: string; clinic_id: string }>(`SELECT id, clinic_id FROM accounts WHERE email = 'dr@bench.example'`)).rows[0]!;

    // The screen row comes from the real service (one patient), so its JSON is what the app writes and reads.
    const probe = randomUUID();
    await raw.query(`INSERT INTO people (id, display_name, birth_year, created_at) VALUES ($1, 'probe', NULL, $2)`, [probe, new Date().toISOString()]);
    await submitScreen(store.db, probe, { answers: Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false])) }, start);
    const screen = (await raw.query(`SELECT answers, status, urgency, result FROM screens WHERE person_id = $1`, [probe])).rows[0];
    await raw.query(`DELETE FROM people WHERE id = $1`, [probe]);

    const t0 = performance.now();
    const ids = await seed(raw, size, clinician.clinic_id, clinician.id, screen);
    const seedS = (performance.now() - t0) / 1000;
    const counts = (await raw.query(`SELECT (SELECT count(*) FROM checkins) c, (SELECT count(*) FROM sessions) s, (SELECT count(*) FROM walking_days) w, (SELECT count(*) FROM program_events) e`)).rows[0];
    const dbSize = (await raw.query(`SELECT pg_size_pretty(pg_database_size(current_database())) s`)).rows[0].s;
    console.log(`Seeded in ${seedS.toFixed(1)} s (multi-row unnest inserts, 25 patients a batch): ${counts.c} check-ins, ${counts.s} sessions, ${counts.w} walking days, ${counts.e} program events; database ${dbSize}`);
    expectWork(Number(counts.c) === patients * days && Number(counts.w) === patients * days, `seeded ${patients} x ${days} days, stored ${counts.c} check-ins and ${counts.w} walking days`);

    // ---- in-process: sign-in and the patient list ----
    const app = await buildApp({ store, webRoot: null, rateLimitPerMinute: 10_000_000, auth: { signInPerMinute: 1_000_000 } });
    try {
      const base = await listenLocal(app);
      const signIns: number[] = [];
      let cookie = '';
      for (let i = 0; i < size.signIns; i++) { const s = await signIn(base); signIns.push(s.ms); cookie = s.cookie; }
      figures.signInP50Ms = quantile(signIns, 0.5);
      console.log(`\nSign-in (in-process, ${size.signIns} in a row): p50 ${ms(quantile(signIns, 0.5))}  p99 ${ms(quantile(signIns, 0.99))}`);
      console.log('  Bound: scrypt at the production cost (N = 2^16, r = 8: 64 MiB and a few hundred ms of one core here), deliberately slow against password guessing; the session insert is a small part.');

      const list = async () => {
        const t = performance.now();
        const body = await getOk<unknown[]>(`${base}/api/patients?date=${TODAY}`, cookie);
        expectWork(body.length === patients, `patient list answered ${body.length} rows for ${patients} patients`);
        return performance.now() - t;
      };
      // The other route measured below, once, so that a failure says why.
      await getOk(`${base}/api/patients/${ids[0]}/today?date=${TODAY}`, cookie);
      await list(); // warm-up
      const lists: number[] = [];
      for (let i = 0; i < 5; i++) lists.push(await list());
      figures.listP50Ms = quantile(lists, 0.5);
      console.log(`Patient list (in-process, ${patients} patients, 5 in a row): p50 ${ms(quantile(lists, 0.5))}  max ${ms(Math.max(...lists))}`);
      const [inproc] = await cannon([base], () => `/api/patients?date=${TODAY}`, cookie, 2, length(LIST_SECONDS));
      console.log(`Patient list under autocannon (in-process, 2 connections, ${lengthText(LIST_SECONDS)}): ${inproc!.rps.toFixed(1)} req/s  p50 ${inproc!.p50} ms  p99 ${inproc!.p99} ms  bad ${inproc!.bad}`);
      noneFailed('patient list in-process', inproc!);
      figures.listRps = inproc!.rps;
    } finally { await app.close(); }

    // ---- footing serve: one process (baseline), then two on the same database at once ----
    interface Phase { key: string; label: string; path: (i: number) => string; connections: number; seconds: number }
    const phases: Phase[] = [
      { key: 'list', label: `GET /api/patients (${patients} rows)`, path: () => `/api/patients?date=${TODAY}`, connections: 2, seconds: LIST_SECONDS },
      { key: 'patientToday', label: 'GET /api/patients/:id/today', path: (i) => `/api/patients/${ids[i % ids.length]}/today?date=${TODAY}`, connections: 10, seconds: DURATION_S },
    ];
    // Fresh processes for each phase (the rate limit: see withServers); a smoke run's few requests share them.
    const groups = options.smoke ? [phases] : phases.map((ph) => [ph]);
    console.log(`\nfooting serve processes, autocannon ${lengthText(LIST_SECONDS)} per patient-list run and ${lengthText(DURATION_S)} per /today run, fresh processes per ${options.smoke ? 'process count' : 'run'}; sign-in session made by the first process is used on all`);
    const row = (label: string, f: Figures) => console.log(`  ${label.padEnd(22)} ${f.rps.toFixed(1).padStart(8)} req/s   p50 ${String(f.p50).padStart(5)} ms   p99 ${String(f.p99).padStart(5)} ms   requests ${f.requests}   bad ${f.bad}`);
    for (const group of groups) {
      /** Each phase of the group on n fresh processes: per phase, one figure per process. */
      const measure = (n: number) => withServers(url, n, async (urls) => {
        const { cookie: c } = await signIn(urls[0]!);
        const out: Figures[][] = [];
        for (const ph of group) out.push(await cannon(urls, ph.path, c, ph.connections, length(ph.seconds)));
        return out;
      });
      const ones = await measure(1);
      const twos = await measure(2);
      group.forEach((ph, i) => {
        const one = ones[i]![0]!; const two = twos[i]!;
        console.log(`${ph.label}, ${ph.connections} connections per process, ${lengthText(ph.seconds)}:`);
        row('1 process (baseline)', one);
        row('2 processes: A', two[0]!);
        row('2 processes: B', two[1]!);
        const both = two[0]!.rps + two[1]!.rps;
        console.log(`  ${'2 processes: combined'.padEnd(22)} ${both.toFixed(1).padStart(8)} req/s   p99 max ${Math.max(two[0]!.p99, two[1]!.p99)} ms   ratio to 1 process ${(both / one.rps).toFixed(2)}`);
        for (const [who, f] of [['1 process', one], ['2 processes: A', two[0]!], ['2 processes: B', two[1]!]] as const) noneFailed(`${ph.label}, ${who}`, f);
        figures[`${ph.key}ServeRps`] = one.rps;
        figures[`${ph.key}TwoProcessRatio`] = both / one.rps;
      });
    }
    console.log('\nBound: the patient list runs a handful of set-based queries for all patients (window functions for the baseline week,\na grouped max for the latest check-in) and one multi-row audit insert, so it is bound by');
    console.log('PostgreSQL round trips and the one Node thread of each process; /today reads one patient\'s whole year (check-ins, sessions,');
    console.log('walking) and runs the program engine, plus the access check and one audit insert. On 2 shared cores, PostgreSQL, autocannon');
    console.log('and both servers compete for the same CPUs, so a second process can add at most what the idle core allows.');
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

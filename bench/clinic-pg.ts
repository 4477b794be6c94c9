/**
 * The clinic on PostgreSQL (issues 7 and 17): the patient list and sign-in in-process, then `footing serve`
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
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import autocannon from 'autocannon';
import pg from 'pg';
import { main } from '../src/cli/main.js';
import { addDays } from '../src/core/dates.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../src/core/red-flags.js';
import { LAST_STAGE } from '../src/core/stages.js';
import { buildApp } from '../src/server/app.js';
import { hashPassword } from '../src/server/auth/password.js';
import { submitScreen } from '../src/services/program-service.js';
import { migrate, openStore } from '../src/store/db.js';
import { inTransaction, refreshListFigures } from '../src/store/repos/patient-list.js';
import { expectWork, failedRequests, listenLocal, loadLength, requestsPerSecond, serveFooting, stopServer, withDatabaseUrl, type BenchFigures, type BenchOptions } from './_bench.js';

const ADMIN_URL = process.env.FOOTING_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 1000);
const LARGE_PATIENTS = Number(process.env.BENCH_LARGE_PATIENTS ?? 10_000);
const LARGE_DAYS = Number(process.env.BENCH_LARGE_DAYS ?? 90);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const SIGN_INS = 50;
/** Requests in a row for each in-process latency figure. */
const IN_A_ROW = 40;
const TODAY = '2026-06-30';
const PASSWORD = 'a long enough bench passphrase 42';
/** The search measured: names "Patient N" with N starting 12. */
const SEARCH = 'patient 12';

interface Figures { rps: number; p50: number; p99: number; requests: number; bad: number }

/** One clinician's list: how many patients, the days of data each (up to TODAY), who signs in. */
interface Clinic { key: string; patients: number; days: number; start: string; email: string; name: string }
/** How much the bench seeds and measures. */
interface Size { clinics: Clinic[]; signIns: number }
function sizeFor(o: BenchOptions): Size {
  const clinic = (key: string, patients: number, days: number): Clinic => ({ key, patients, days, start: addDays(TODAY, -(days - 1)), email: `dr.${key}@bench.example`, name: `Dr ${key}` });
  return o.smoke
    ? { clinics: [clinic('small', 5, 14), clinic('large', 8, 7)], signIns: 2 }
    : { clinics: [clinic('small', PATIENTS, 365), clinic('large', LARGE_PATIENTS, LARGE_DAYS)], signIns: SIGN_INS };
}

/** Patients named "Patient N" (1 <= N <= n) that the search finds: N's digits start with 12. */
const searchHits = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1)).filter((d) => d.startsWith('12')).length;

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

/** A clinic's patients, each linked to its clinician, with `days` of daily check-ins, sessions, walking and program
 * events. */
async function seed(db: pg.Pool, c: Clinic, clinicId: string, clinicianId: string, screen: { answers: string; status: string; urgency: string | null; result: string }): Promise<string[]> {
  const { patients, days, start } = c;
  // One real scrypt hash shared by the patient accounts: hashing thousands at production cost would take minutes
  // and nothing here signs in as a patient.
  const patientHash = await hashPassword(PASSWORD, 2 ** 10);
  const ids: string[] = [];
  const BATCH = Math.max(1, Math.floor(9000 / days));
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
      accounts.push([randomUUID(), `patient${i + 1}.${c.key}@bench.example`, `Patient ${i + 1}`, patientHash, 'patient', id, null, now]);
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
const serve = (databaseUrl: string) => serveFooting({ DATABASE_URL: databaseUrl });

/** Fresh server processes for each measurement: `footing serve` limits each client address to 6,000 requests a minute. */
async function withServers<T>(databaseUrl: string, n: number, fn: (urls: string[]) => Promise<T>): Promise<T> {
  const servers = await Promise.all(Array.from({ length: n }, () => serve(databaseUrl)));
  try { return await fn(servers.map((s) => s.url)); } finally {
    await Promise.all(servers.map((s) => stopServer(s.child)));
  }
}

/** GETs a JSON answer; throws with the answer's text unless it is 200. */
async function getOk<T>(url: string, cookie: string): Promise<T> {
  const res = await fetch(url, { headers: { cookie } });
  const text = await res.text();
  expectWork(res.status === 200, `GET ${new URL(url).pathname} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

async function signIn(base: string, email: string): Promise<{ cookie: string; ms: number }> {
  const t = performance.now();
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  const took = performance.now() - t;
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, ms: took };
}

interface ListPage { patients: { personId: string }[]; total: number }
/** A list request measured: its path, and the total its answer must give. */
interface ListCase { label: string; key: string; path: string; total: number }
function listCases(c: Clinic): ListCase[] {
  const list = (query: string) => `/api/patients?date=${TODAY}${query}`;
  return [
    { label: 'first page (names A to Z)', key: 'firstPage', path: list(''), total: c.patients },
    { label: `search "${SEARCH}"`, key: 'search', path: list(`&q=${encodeURIComponent(SEARCH)}`), total: searchHits(c.patients) },
    { label: 'sort by last check-in', key: 'sortCheckin', path: list('&sort=lastCheckin'), total: c.patients },
    { label: 'sort by needs attention', key: 'sortAttention', path: list('&sort=attention'), total: c.patients },
  ];
}

/** Latency of `n` requests in a row (after a warm-up), each answer checked. */
async function inARow(base: string, path: string, cookie: string, n: number, check: (body: unknown) => void): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = -3; i < n; i++) {
    const t = performance.now();
    check(await getOk(`${base}${path}`, cookie));
    if (i >= 0) times.push(performance.now() - t);
  }
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

export async function run(options: BenchOptions = {}): Promise<BenchFigures> {
  const size = sizeFor(options);
  const [small, large] = size.clinics as [Clinic, Clinic];
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
    console.log(`PostgreSQL; ${size.clinics.map((c) => `${c.patients} patients x ${c.days} days`).join(' and ')}; Node ${process.version}; load average at start ${load()} (2 cores shared)`);
    if (!options.smoke) console.log(`(The ${large.patients} patients have ${large.days} days each, not a year: seeding a year for all of them takes many minutes, and the list reads kept figures whatever the history.)`);
    await migrate(store);
    const pw = join(dir, 'pw');
    writeFileSync(pw, `${PASSWORD}\n`);
    const quiet = new Writable({ write(_c, _e, cb) { cb(); } });
    await withDatabaseUrl(url, async () => {
      if (await main(['clinic', 'create', 'Bench Clinic'], { out: quiet, err: quiet }) !== 0) throw new Error('clinic create failed');
      for (const c of size.clinics) {
        if (await main(['user', 'add', '--role', 'clinician', '--clinic', 'Bench Clinic', '--email', c.email, '--name', c.name, '--password-file', pw], { out: quiet, err: quiet }) !== 0) throw new Error('user add failed');
      }
    });
    const clinicianOf = async (c: Clinic) => (await raw.query<{ id: string; clinic_id: string }>('SELECT id, clinic_id FROM accounts WHERE email = $1', [c.email])).rows[0]!;

    // The screen row comes from the real service (one patient), so its JSON is what the app writes and reads.
    const probe = randomUUID();
    await raw.query(`INSERT INTO people (id, display_name, birth_year, created_at) VALUES ($1, 'probe', NULL, $2)`, [probe, new Date().toISOString()]);
    await submitScreen(store.db, probe, { answers: Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false])) }, small.start);
    const screen = (await raw.query(`SELECT answers, status, urgency, result FROM screens WHERE person_id = $1`, [probe])).rows[0];
    await raw.query(`DELETE FROM people WHERE id = $1`, [probe]);

    const ids: Record<string, string[]> = {};
    let t0 = performance.now();
    for (const c of size.clinics) { const dr = await clinicianOf(c); ids[c.key] = await seed(raw, c, dr.clinic_id, dr.id, screen); }
    const seedS = (performance.now() - t0) / 1000;
    // The list figures of every seeded patient, through the refresh each write calls (a thousand people a transaction).
    t0 = performance.now();
    const everyone = Object.values(ids).flat();
    for (let i = 0; i < everyone.length; i += 1000) await inTransaction(store.db, (trx) => refreshListFigures(trx, everyone.slice(i, i + 1000)));
    const refreshS = (performance.now() - t0) / 1000;
    await raw.query('ANALYZE');
    const counts = (await raw.query(`SELECT (SELECT count(*) FROM checkins) c, (SELECT count(*) FROM sessions) s, (SELECT count(*) FROM walking_days) w, (SELECT count(*) FROM program_events) e, (SELECT count(*) FROM patient_list_figures) f`)).rows[0];
    const dbSize = (await raw.query(`SELECT pg_size_pretty(pg_database_size(current_database())) s`)).rows[0].s;
    const dayRows = size.clinics.reduce((n, c) => n + c.patients * c.days, 0);
    console.log(`Seeded in ${seedS.toFixed(1)} s (multi-row unnest inserts): ${counts.c} check-ins, ${counts.s} sessions, ${counts.w} walking days, ${counts.e} program events; database ${dbSize}`);
    console.log(`List figures of ${everyone.length} patients by refreshListFigures in ${refreshS.toFixed(1)} s (${(refreshS * 1000 / everyone.length).toFixed(2)} ms a patient)`);
    expectWork(Number(counts.c) === dayRows && Number(counts.w) === dayRows, `seeded ${dayRows} patient-days, stored ${counts.c} check-ins and ${counts.w} walking days`);
    expectWork(Number(counts.f) === everyone.length, `${everyone.length} patients seeded, ${counts.f} rows of list figures`);

    // ---- in-process: sign-in, then the list's requests in a row and under load, each against /api/health ----
    const app = await buildApp({ store, webRoot: null, rateLimitPerMinute: 10_000_000, auth: { signInPerMinute: 1_000_000 } });
    try {
      const base = await listenLocal(app);
      const signIns: number[] = [];
      for (let i = 0; i < size.signIns; i++) signIns.push((await signIn(base, small.email)).ms);
      figures.signInP50Ms = quantile(signIns, 0.5);
      console.log(`\nSign-in (in-process, ${size.signIns} in a row): p50 ${ms(quantile(signIns, 0.5))}  p99 ${ms(quantile(signIns, 0.99))}`);
      console.log('  Bound: scrypt at the production cost (N = 2^16, r = 8: 64 MiB and a few hundred ms of one core here), deliberately slow against password guessing; the session insert is a small part.');

      const n = options.smoke ? 3 : IN_A_ROW;
      const health = await inARow(base, '/api/health', '', n, () => {});
      figures.healthP50Ms = health.p50;
      console.log(`\nIn-process, ${n} requests in a row each (p50 / p99, and the p50 against GET /api/health's ${ms(health.p50)}):`);
      const cookies: Record<string, string> = {};
      for (const c of size.clinics) {
        const cookie = cookies[c.key] = (await signIn(base, c.email)).cookie;
        // The other route measured below, once, so that a failure says why.
        await getOk(`${base}/api/patients/${ids[c.key]![0]}/today?date=${TODAY}`, cookie);
        console.log(`  ${c.patients} patients (${c.days} days each):`);
        for (const lc of listCases(c)) {
          const f = await inARow(base, lc.path, cookie, n, (body) => {
            const page = body as ListPage;
            expectWork(page.total === lc.total && page.patients.length === Math.min(50, lc.total), `${lc.label} at ${c.patients} patients answered ${page.patients.length} of ${page.total}, expected ${Math.min(50, lc.total)} of ${lc.total}`);
          });
          figures[`${lc.key}${c.key === 'small' ? '' : 'Large'}P50Ms`] = f.p50;
          console.log(`    ${lc.label.padEnd(28)} p50 ${ms(f.p50).padStart(9)}  p99 ${ms(f.p99).padStart(9)}  ${(f.p50 / health.p50).toFixed(1).padStart(6)} x health`);
        }
      }
      const [h] = await cannon([base], () => '/api/health', '', 2, length(DURATION_S));
      noneFailed('health in-process', h!);
      console.log(`\nUnder autocannon in-process (2 connections, ${lengthText(DURATION_S)} each; ratio = req/s against GET /api/health's ${h!.rps.toFixed(0)} req/s):`);
      for (const [c, lc] of [[small, listCases(small)[0]!], [large, listCases(large)[0]!], [large, listCases(large)[3]!]] as const) {
        const [f] = await cannon([base], () => lc.path, cookies[c.key]!, 2, length(DURATION_S));
        noneFailed(`${lc.label} at ${c.patients} in-process`, f!);
        figures[`${lc.key}${c.key === 'small' ? '' : 'Large'}Rps`] = f!.rps;
        console.log(`  ${`${c.patients} patients, ${lc.label}`.padEnd(44)} ${f!.rps.toFixed(1).padStart(8)} req/s  p50 ${String(f!.p50).padStart(4)} ms  p99 ${String(f!.p99).padStart(4)} ms  ratio ${(f!.rps / h!.rps).toFixed(3)}  bad ${f!.bad}`);
      }
    } finally { await app.close(); }

    // ---- footing serve: one process (baseline), then two on the same database at once ----
    interface Phase { key: string; label: string; path: (i: number) => string; connections: number; seconds: number }
    const smallIds = ids[small.key]!;
    const phases: Phase[] = [
      { key: 'list', label: `GET /api/patients, first page of ${small.patients}`, path: () => listCases(small)[0]!.path, connections: 2, seconds: DURATION_S },
      { key: 'patientToday', label: 'GET /api/patients/:id/today', path: (i) => `/api/patients/${smallIds[i % smallIds.length]}/today?date=${TODAY}`, connections: 10, seconds: DURATION_S },
    ];
    // Fresh processes for each phase (the rate limit: see withServers); a smoke run's few requests share them.
    const groups = options.smoke ? [phases] : phases.map((ph) => [ph]);
    console.log(`\nfooting serve processes, autocannon ${lengthText(DURATION_S)} per run, fresh processes per ${options.smoke ? 'process count' : 'run'}; sign-in session made by the first process is used on all`);
    const row = (label: string, f: Figures) => console.log(`  ${label.padEnd(22)} ${f.rps.toFixed(1).padStart(8)} req/s   p50 ${String(f.p50).padStart(5)} ms   p99 ${String(f.p99).padStart(5)} ms   requests ${f.requests}   bad ${f.bad}`);
    for (const group of groups) {
      /** Each phase of the group on n fresh processes: per phase, one figure per process. */
      const measure = (n: number) => withServers(url, n, async (urls) => {
        const { cookie: c } = await signIn(urls[0]!, small.email);
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
    console.log('\nBound: a page of the list reads the clinician\'s linked patients with their kept figures (one short row each, kept up');
    console.log('to date by the writes), counts them, and writes one audit row per patient shown; names, the latest check-in or session and');
    console.log('the stage are orders PostgreSQL gives with LIMIT/OFFSET, while "needs attention" and adherence depend on the date asked, so those');
    console.log('orders work out every patient\'s line from the kept rows in Node. /today reads one patient\'s whole history and runs the program');
    console.log('engine, plus the access check and one audit insert. On 2 shared cores, PostgreSQL, autocannon and the servers compete for the CPUs.');
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

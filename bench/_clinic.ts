/**
 * What the two clinic benches share (bench/clinic-pg.ts on PostgreSQL, bench/clinic-sqlite.ts on SQLite): the
 * seeded clinic (two clinicians, one with 1,000 patients and a year of data each, one with 10,000 and 90 days
 * each), seeded with bulk inserts, every patient's list figures through refreshListFigures (the function the writes
 * call), and the patient list measured in-process (first page, a search, two orders) against GET /api/health.
 * bench/run.ts skips this file (its name starts with `_`).
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { main } from '../src/cli/main.js';
import { addDays } from '../src/core/dates.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../src/core/red-flags.js';
import { LAST_STAGE } from '../src/core/stages.js';
import { hashPassword } from '../src/server/auth/password.js';
import { submitScreen } from '../src/services/program-service.js';
import type { Store } from '../src/store/db.js';
import { inTransaction, refreshListFigures } from '../src/store/repos/patient-list.js';
import {
  expectWork,
  rng,
  withDatabaseUrl,
  type BenchFigures,
  type BenchOptions,
  type StatementCount,
} from './_bench.js';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 1000);
const LARGE_PATIENTS = Number(process.env.BENCH_LARGE_PATIENTS ?? 10_000);
const LARGE_DAYS = Number(process.env.BENCH_LARGE_DAYS ?? 90);
const SIGN_INS = 50;
/** Requests in a row for each in-process latency figure. */
const IN_A_ROW = 40;
export const TODAY = '2026-06-30';
export const PASSWORD = 'a long enough bench passphrase 42';
/** The search measured: names "Patient N" with N starting 12. */
const SEARCH = 'patient 12';

/** One clinician's list: how many patients, the days of data each (up to TODAY), who signs in. */
export interface Clinic {
  key: string;
  patients: number;
  days: number;
  start: string;
  email: string;
  name: string;
}
/** How much the bench seeds and measures. */
export interface Size {
  clinics: [Clinic, Clinic];
  signIns: number;
}
export function sizeFor(o: BenchOptions): Size {
  const clinic = (key: string, patients: number, days: number): Clinic => ({
    key,
    patients,
    days,
    start: addDays(TODAY, -(days - 1)),
    email: `dr.${key}@bench.example`,
    name: `Dr ${key}`,
  });
  return o.smoke
    ? { clinics: [clinic('small', 5, 14), clinic('large', 8, 7)], signIns: 2 }
    : { clinics: [clinic('small', PATIENTS, 365), clinic('large', LARGE_PATIENTS, LARGE_DAYS)], signIns: SIGN_INS };
}

/** Patients named "Patient N" (1 <= N <= n) that the search finds: N's digits start with 12. */
const searchHits = (n: number) =>
  Array.from({ length: n }, (_, i) => String(i + 1)).filter((d) => d.startsWith('12')).length;

export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
export const ms = (x: number) => `${x.toFixed(1)} ms`;
export const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/**
 * Inserts many rows of one table at once. `cols` maps each column to its PostgreSQL type (the PostgreSQL writer
 * casts its arrays to them; SQLite takes the values as they are).
 */
export type BulkInsert = (table: string, cols: Record<string, string>, rows: unknown[][]) => Promise<void>;

interface ScreenRow {
  answers: string;
  status: string;
  urgency: string | null;
  result: string;
}

/** A clinic's patients, each linked to its clinician, with `days` of daily check-ins, sessions, walking and program
 * events. */
async function seed(
  bulk: BulkInsert,
  c: Clinic,
  clinicId: string,
  clinicianId: string,
  screen: ScreenRow,
): Promise<string[]> {
  const { patients, days, start } = c;
  // One real scrypt hash shared by the patient accounts: hashing thousands at production cost would take minutes
  // and nothing here signs in as a patient.
  const patientHash = await hashPassword(PASSWORD, 2 ** 10);
  const ids: string[] = [];
  const BATCH = Math.max(1, Math.floor(9000 / days));
  const now = new Date().toISOString();
  const reasons = (text: string) => JSON.stringify([{ rule: 'bench', text, refs: [] }]);
  const items = JSON.stringify([
    { exercise: 'ball-roll', position: 'sitting', completed: true, setsDone: 0, repsDone: 0, secondsDone: 120 },
  ]);
  for (let b = 0; b < patients; b += BATCH) {
    const people: unknown[][] = [];
    const accounts: unknown[][] = [];
    const links: unknown[][] = [];
    const programs: unknown[][] = [];
    const screens: unknown[][] = [];
    const events: unknown[][] = [];
    const checkins: unknown[][] = [];
    const sessions: unknown[][] = [];
    const walking: unknown[][] = [];
    for (let i = b; i < Math.min(patients, b + BATCH); i++) {
      const id = randomUUID();
      ids.push(id);
      const r = rng(i + 1);
      people.push([id, `Patient ${i + 1}`, 1950 + (i % 50), now]);
      accounts.push([
        randomUUID(),
        `patient${i + 1}.${c.key}@bench.example`,
        `Patient ${i + 1}`,
        patientHash,
        'patient',
        id,
        null,
        now,
      ]);
      links.push([
        randomUUID(),
        clinicId,
        clinicianId,
        id,
        randomUUID(),
        `Patient ${i + 1}`,
        now,
        addDays(start, 14) + 'T00:00:00.000Z',
        `${start}T09:00:00.000Z`,
        null,
      ]);
      screens.push([
        randomUUID(),
        id,
        `${start}T08:00:00.000Z`,
        screen.answers,
        screen.status,
        screen.urgency,
        screen.result,
      ]);
      // A few program events: the start, then a step up about every quarter (some patients regress once).
      events.push([
        randomUUID(),
        id,
        `${start}T08:00:01.000Z`,
        start,
        'start',
        null,
        1,
        reasons('Started at stage 1.'),
        'engine',
      ]);
      let stage = 1;
      for (const d of [90, 180, 270].map((x) => Math.round((x * days) / 365))) {
        const to = r() < 0.15 ? Math.max(1, stage - 1) : Math.min(LAST_STAGE, stage + 1);
        const on = addDays(start, d);
        events.push([
          randomUUID(),
          id,
          `${on}T06:00:00.000Z`,
          on,
          to > stage ? 'progress' : to < stage ? 'regress' : 'hold',
          stage,
          to,
          reasons(`Review on ${on}.`),
          'engine',
        ]);
        stage = to;
      }
      // About 2% stopped after a red-flag answer; they show in the list as needing attention.
      programs.push([
        id,
        stage,
        addDays(start, Math.round((270 * days) / 365)),
        start,
        r() < 0.02 ? 'stopped' : 'active',
        TODAY,
        now,
      ]);
      const adherence = 0.5 + r() * 0.45; // some patients fall under half the days (needs attention)
      const basePain = 3 + Math.floor(r() * 5);
      for (let d = 0; d < days; d++) {
        const date = addDays(start, d);
        const pain = Math.max(0, Math.min(10, Math.round(basePain - (d / days) * 2 + (r() - 0.5) * 3)));
        checkins.push([
          randomUUID(),
          id,
          `${date}T07:30:00+00:00`,
          date,
          'daily',
          null,
          pain,
          Math.max(0, pain - 2),
          Math.max(0, pain - 3),
          '[]',
          null,
          null,
          null,
        ]);
        if (r() < adherence)
          sessions.push([
            randomUUID(),
            id,
            `bench-${date}`,
            date,
            `${date}T18:00:00+00:00`,
            `${date}T18:12:00+00:00`,
            stage,
            'completed',
            items,
          ]);
        const steps = 3000 + Math.round(r() * 6000);
        walking.push([
          id,
          date,
          steps,
          Math.round(steps * 0.7),
          Math.round(steps / 100),
          1.2,
          105,
          0.68,
          null,
          null,
          '["manual"]',
        ]);
      }
    }
    await bulk('people', { id: 'text', display_name: 'text', birth_year: 'int', created_at: 'text' }, people);
    await bulk(
      'accounts',
      {
        id: 'text',
        email: 'text',
        display_name: 'text',
        password_hash: 'text',
        role: 'text',
        person_id: 'text',
        clinic_id: 'text',
        created_at: 'text',
      },
      accounts,
    );
    await bulk(
      'care_links',
      {
        id: 'text',
        clinic_id: 'text',
        clinician_account_id: 'text',
        person_id: 'text',
        token_hash: 'text',
        label: 'text',
        created_at: 'text',
        expires_at: 'text',
        accepted_at: 'text',
        revoked_at: 'text',
      },
      links,
    );
    await bulk(
      'screens',
      {
        id: 'text',
        person_id: 'text',
        taken_at: 'text',
        answers: 'text',
        status: 'text',
        urgency: 'text',
        result: 'text',
      },
      screens,
    );
    await bulk(
      'programs',
      {
        person_id: 'text',
        stage: 'int',
        stage_started_on: 'text',
        started_on: 'text',
        status: 'text',
        decided_on: 'text',
        updated_at: 'text',
      },
      programs,
    );
    await bulk(
      'program_events',
      {
        id: 'text',
        person_id: 'text',
        at: 'text',
        on_date: 'text',
        action: 'text',
        from_stage: 'int',
        to_stage: 'int',
        reasons: 'text',
        actor: 'text',
      },
      events,
    );
    await bulk(
      'sessions',
      {
        id: 'text',
        person_id: 'text',
        client_id: 'text',
        date: 'text',
        started_at: 'text',
        completed_at: 'text',
        stage: 'int',
        status: 'text',
        items: 'text',
      },
      sessions,
    );
    await bulk(
      'checkins',
      {
        id: 'text',
        person_id: 'text',
        at: 'text',
        date: 'text',
        context: 'text',
        session_id: 'text',
        back: 'int',
        neck: 'int',
        foot: 'int',
        regions: 'text',
        note: 'text',
        heel_first_steps: 'int',
        new_lower_limb: 'int',
      },
      checkins,
    );
    await bulk(
      'walking_days',
      {
        person_id: 'text',
        date: 'text',
        steps: 'float8',
        distance_m: 'float8',
        minutes: 'float8',
        speed_mps: 'float8',
        cadence_spm: 'float8',
        step_length_m: 'float8',
        asymmetry_pct: 'float8',
        double_support_pct: 'float8',
        sources: 'text',
      },
      walking,
    );
  }
  return ids;
}

/**
 * The clinic on a migrated, empty store: the clinic and its two clinicians by `footing clinic create` and `footing
 * user add` (in this process; `cli` is the database's part of their arguments and DATABASE_URL), the patients by
 * `bulk`, then their list figures; prints what was seeded and checks the row counts. The patients' ids per clinic.
 */
export async function seedClinics(
  store: Store,
  size: Size,
  bulk: BulkInsert,
  cli: { databaseUrl?: string; args: string[]; passwordFile: string },
): Promise<Record<string, string[]>> {
  const quiet = new Writable({
    write(_c, _e, cb) {
      cb();
    },
  });
  await withDatabaseUrl(cli.databaseUrl, async () => {
    if ((await main(['clinic', 'create', 'Bench Clinic', ...cli.args], { out: quiet, err: quiet })) !== 0)
      throw new Error('clinic create failed');
    for (const c of size.clinics) {
      if (
        (await main(
          [
            'user',
            'add',
            '--role',
            'clinician',
            '--clinic',
            'Bench Clinic',
            '--email',
            c.email,
            '--name',
            c.name,
            '--password-file',
            cli.passwordFile,
            ...cli.args,
          ],
          { out: quiet, err: quiet },
        )) !== 0
      )
        throw new Error('user add failed');
    }
  });
  const db = store.db;
  // The screen row comes from the real service (one patient), so its JSON is what the app writes and reads.
  const probe = randomUUID();
  await db
    .insertInto('people')
    .values({ id: probe, display_name: 'probe', birth_year: null, created_at: new Date().toISOString() })
    .execute();
  await submitScreen(
    db,
    probe,
    { answers: Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false])) },
    size.clinics[0].start,
  );
  const screen = (await db
    .selectFrom('screens')
    .select(['answers', 'status', 'urgency', 'result'])
    .where('person_id', '=', probe)
    .executeTakeFirstOrThrow()) as ScreenRow;
  await db.deleteFrom('people').where('id', '=', probe).execute();

  const ids: Record<string, string[]> = {};
  let t0 = performance.now();
  for (const c of size.clinics) {
    const dr = await db
      .selectFrom('accounts')
      .select(['id', 'clinic_id'])
      .where('email', '=', c.email)
      .executeTakeFirstOrThrow();
    ids[c.key] = await seed(bulk, c, dr.clinic_id!, dr.id, screen);
  }
  const seedS = (performance.now() - t0) / 1000;
  // The list figures of every seeded patient, through the refresh each write calls (a thousand people a transaction).
  t0 = performance.now();
  const everyone = Object.values(ids).flat();
  for (let i = 0; i < everyone.length; i += 1000)
    await inTransaction(db, (trx) => refreshListFigures(trx, everyone.slice(i, i + 1000)));
  const refreshS = (performance.now() - t0) / 1000;
  await sql`ANALYZE`.execute(db);
  const counts = (
    await sql<{
      c: number | string;
      s: number | string;
      w: number | string;
      e: number | string;
      f: number | string;
    }>`SELECT (SELECT count(*) FROM checkins) c, (SELECT count(*) FROM sessions) s, (SELECT count(*) FROM walking_days) w, (SELECT count(*) FROM program_events) e, (SELECT count(*) FROM patient_list_figures) f`.execute(
      db,
    )
  ).rows[0]!;
  const dayRows = size.clinics.reduce((n, c) => n + c.patients * c.days, 0);
  console.log(
    `Seeded in ${seedS.toFixed(1)} s (bulk inserts): ${counts.c} check-ins, ${counts.s} sessions, ${counts.w} walking days, ${counts.e} program events`,
  );
  console.log(
    `List figures of ${everyone.length} patients by refreshListFigures in ${refreshS.toFixed(1)} s (${((refreshS * 1000) / everyone.length).toFixed(2)} ms a patient)`,
  );
  expectWork(
    Number(counts.c) === dayRows && Number(counts.w) === dayRows,
    `seeded ${dayRows} patient-days, stored ${counts.c} check-ins and ${counts.w} walking days`,
  );
  expectWork(
    Number(counts.f) === everyone.length,
    `${everyone.length} patients seeded, ${counts.f} rows of list figures`,
  );
  return ids;
}

/** GETs a JSON answer; throws with the answer's text unless it is 200. */
export async function getOk<T>(url: string, cookie: string): Promise<T> {
  const res = await fetch(url, { headers: { cookie } });
  const text = await res.text();
  expectWork(res.status === 200, `GET ${new URL(url).pathname} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export async function signIn(base: string, email: string): Promise<{ cookie: string; ms: number }> {
  const t = performance.now();
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const took = performance.now() - t;
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, ms: took };
}

interface ListPage {
  patients: { personId: string }[];
  total: number;
}
/** A list request measured: its path, and the total its answer must give. */
export interface ListCase {
  label: string;
  key: string;
  path: string;
  total: number;
}
export function listCases(c: Clinic): ListCase[] {
  const list = (query: string) => `/api/patients?date=${TODAY}${query}`;
  return [
    { label: 'first page (names A to Z)', key: 'firstPage', path: list(''), total: c.patients },
    {
      label: `search "${SEARCH}"`,
      key: 'search',
      path: list(`&q=${encodeURIComponent(SEARCH)}`),
      total: searchHits(c.patients),
    },
    { label: 'sort by last check-in', key: 'sortCheckin', path: list('&sort=lastCheckin'), total: c.patients },
    { label: 'sort by needs attention', key: 'sortAttention', path: list('&sort=attention'), total: c.patients },
  ];
}

/**
 * Latency of `n` requests in a row (after a warm-up), each answer checked, the CPU time this process spent per
 * request (server and client together; on SQLite that is all of the work, on PostgreSQL without the database's),
 * and the statements per request the app ran (each a round trip on PostgreSQL). CPU time is what a loaded machine
 * inflates least: latency also waits for the other users of the cores.
 */
async function inARow(
  base: string,
  path: string,
  cookie: string,
  n: number,
  counter: StatementCount,
  check: (body: unknown) => void,
): Promise<{ p50: number; p99: number; cpuMs: number; statements: number }> {
  const times: number[] = [];
  let cpu = process.cpuUsage();
  let statements = counter.statements;
  for (let i = -3; i < n; i++) {
    if (i === 0) {
      cpu = process.cpuUsage();
      statements = counter.statements;
    }
    const t = performance.now();
    check(await getOk(`${base}${path}`, cookie));
    if (i >= 0) times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  return {
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    cpuMs: (used.user + used.system) / 1000 / n,
    statements: (counter.statements - statements) / n,
  };
}

/** The list's p50 targets of issue 17, by clinic: 30 ms at 1,000 patients, 100 ms at 10,000. */
const TARGET_P50_MS: Record<string, number> = { small: 30, large: 100 };

/**
 * In-process on a listening app: sign-ins in a row, then each list case `n` requests in a row per clinic (every
 * answer's total and page length checked) against GET /api/health. `counter` counts the app's statements (see
 * countStatements). Adds the figures; returns each clinic's cookie.
 */
export async function measureListInProcess(
  base: string,
  size: Size,
  ids: Record<string, string[]>,
  options: BenchOptions,
  figures: BenchFigures,
  counter: StatementCount,
): Promise<Record<string, string>> {
  const signIns: number[] = [];
  for (let i = 0; i < size.signIns; i++) signIns.push((await signIn(base, size.clinics[0].email)).ms);
  figures.signInP50Ms = quantile(signIns, 0.5);
  console.log(
    `\nSign-in (in-process, ${size.signIns} in a row): p50 ${ms(quantile(signIns, 0.5))}  p99 ${ms(quantile(signIns, 0.99))}`,
  );
  console.log(
    '  Bound: scrypt at the production cost (N = 2^16, r = 8: 64 MiB and a few hundred ms of one core here), deliberately slow against password guessing; the session insert is a small part.',
  );

  const n = options.smoke ? 3 : IN_A_ROW;
  const health = await inARow(base, '/api/health', '', n, counter, () => {});
  figures.healthP50Ms = health.p50;
  console.log(
    `\nIn-process, ${n} requests in a row each (p50 / p99, the p50 against GET /api/health's ${ms(health.p50)}, CPU per request`,
  );
  console.log(
    `against health's ${ms(health.cpuMs)}, and statements per request, each a round trip on PostgreSQL; load average now ${load()}):`,
  );
  const cookies: Record<string, string> = {};
  for (const c of size.clinics) {
    const cookie = (cookies[c.key] = (await signIn(base, c.email)).cookie);
    // The patient page's first read, once, so that a failure says why.
    await getOk(`${base}/api/patients/${ids[c.key]![0]}/today?date=${TODAY}`, cookie);
    console.log(`  ${c.patients} patients (${c.days} days each; target p50 <= ${TARGET_P50_MS[c.key]} ms):`);
    for (const lc of listCases(c)) {
      const f = await inARow(base, lc.path, cookie, n, counter, (body) => {
        const page = body as ListPage;
        expectWork(
          page.total === lc.total && page.patients.length === Math.min(50, lc.total),
          `${lc.label} at ${c.patients} patients answered ${page.patients.length} of ${page.total}, expected ${Math.min(50, lc.total)} of ${lc.total}`,
        );
      });
      figures[`${lc.key}${c.key === 'small' ? '' : 'Large'}P50Ms`] = f.p50;
      figures[`${lc.key}${c.key === 'small' ? '' : 'Large'}CpuMs`] = f.cpuMs;
      figures[`${lc.key}${c.key === 'small' ? '' : 'Large'}Statements`] = f.statements;
      const met = f.p50 <= TARGET_P50_MS[c.key]! ? 'met' : 'MISSED';
      console.log(
        `    ${lc.label.padEnd(28)} p50 ${ms(f.p50).padStart(9)}  p99 ${ms(f.p99).padStart(9)}  ${(f.p50 / health.p50).toFixed(1).padStart(6)} x health  CPU ${ms(f.cpuMs).padStart(9)} (${(f.cpuMs / health.cpuMs).toFixed(1)} x health)  ${f.statements.toFixed(1)} statements  p50 ${met}`,
      );
    }
  }
  return cookies;
}

/** What bounds a page of the list, printed after the figures by both clinic benches. */
export const LIST_BOUND = [
  "Bound: a page of the list reads the clinician's linked patients with their kept figures (one short row each, kept up to date",
  'by the writes), counts them, and writes one audit row per patient shown. Names, the latest check-in or session and the stage',
  'are orders the database gives with LIMIT/OFFSET; "needs attention" and adherence depend on the date asked, so each row also',
  'keeps its judgement for one date (migration 0022): the rows not judged for the date asked are judged in Node and stored',
  "(every row on a clinic's first request of a day, one row after a write), then the database sorts and pages on them too.",
];

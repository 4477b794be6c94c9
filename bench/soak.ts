/**
 * A busy clinic for ten minutes (issue 17, "Soak"): two `footing serve` processes (with the node flags
 * bin/footing.js runs with) on one PostgreSQL database, and a steady open-loop rate of mixed traffic spread over
 * both. Patients are real accounts: a clinician invites each one, the patient signs up from the invitation (a
 * signed-in session and its CSRF token), answers the safety check, then records check-ins, guided sessions (with
 * pain before and after) and small walking imports, and reads GET /api/today; clinicians read their patient list
 * and a patient's page (the requests the web app's patient page makes). Check-ins and sessions are sometimes sent
 * again as a phone resends after a lost answer (the same clientId, to the other process, sometimes to both at once):
 * each must be stored once. Imports alternate between a Fitbit daily-steps CSV the bench writes (the layout
 * docs/walking-data.md documents; two new days each) and a real FIT walk from ../shared/data (stored the first
 * time, nothing new after that).
 *
 * Every minute it prints the requests by kind, errors, p50/p99 latency (from each request's scheduled time: open
 * loop, so a stall counts against every request it held up), each server process's RSS (/proc/PID/status VmRSS)
 * and the load average; then each process's memory split at the end of each minute, from bench/_memory-report.mjs
 * preloaded into the servers: the JavaScript heap used, external memory (array buffers and other memory V8 is told
 * of), and the rest of RSS outside the heap (code, stacks, native allocations such as the pg driver's and the
 * sockets'), so that growth outside the heap shows too. At the end: every answer must have been right (expectWork: no error, no unexpected status),
 * and nothing lost: the rows in the database (sessions, check-ins, imports, walking samples and days) equal what
 * the accepted writes should have stored (2xx answers counted per kind, a resend once). RSS is reported (first vs
 * last minute, and the slope), never asserted.
 *
 * Rate: BENCH_SOAK_RATE actions a second (default 40; an action is one request, or seven for a patient page:
 * about 45 requests a second in all, ~23 per process). `footing serve` limits each client address to 6,000
 * requests a minute per process (FOOTING_RATE_LIMIT changes it, and the servers inherit this process's
 * environment): the default rate stays well under it, so the servers run with their shipped limit.
 * Sign-ups are limited to 20 a minute per address and process, so BENCH_SOAK_PATIENTS (default 20) stays under 40.
 * BENCH_SOAK_SECONDS (default 600) is the length; BENCH_SERVER_FLAGS adds node flags to both servers. PostgreSQL from FOOTING_TEST_PG_URL or
 * postgres://postgres@127.0.0.1:5432/postgres (bash scripts/start-postgres.sh); the bench creates its own database
 * and drops it. Smoke mode (bench/smoke.test.ts): 2 patients, one clinician, 4 s at 15 actions/s, a line each 2 s.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { main } from '../src/cli/main.js';
import { footingNodeFlags } from '../src/cli/node-flags.js';
import { addDays } from '../src/core/dates.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../src/core/red-flags.js';
import {
  expectWork,
  freshPgDatabase,
  rng,
  serveFooting,
  stopServer,
  withDatabaseUrl,
  type BenchFigures,
  type BenchOptions,
  loadAverage,
  quantile,
} from './_bench.js';

const RATE = Number(process.env.BENCH_SOAK_RATE ?? 40);
const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const PATIENTS = Number(process.env.BENCH_SOAK_PATIENTS ?? 20);
const PASSWORD = 'a long enough bench passphrase 42';
/** The real small walking file (made by others): a Garmin Fenix 5 walk. */
const FIT_FILE = fileURLToPath(new URL('../../shared/data/fit/garmin-fenix-5-walk.fit', import.meta.url));
/** Days in each Fitbit CSV the bench writes. */
const CSV_DAYS = 2;

interface Size {
  rate: number;
  seconds: number;
  window: number;
  patients: number;
  clinicians: number;
  rssEvery: number;
}
const sizeFor = (o: BenchOptions): Size =>
  o.smoke
    ? { rate: 15, seconds: 4, window: 2, patients: 2, clinicians: 1, rssEvery: 0.5 }
    : { rate: RATE, seconds: SECONDS, window: 60, patients: PATIENTS, clinicians: 2, rssEvery: 5 };

/** What the traffic is made of: each action's share. A page is the seven reads of the clinician's patient page. */
const MIX = { today: 40, checkin: 15, session: 12, import: 5, list: 10, page: 4 } as const;
type Kind = keyof typeof MIX;
const KINDS = Object.keys(MIX) as Kind[];
/** Of the check-ins and sessions: a resend of the patient's last one (to the other process), and a write sent to
 * both processes at once (a retry racing its original). */
const RESEND = 0.1;
const RACE = 0.05;

/** A server process: where it listens, its keep-alive agent and its process (for its RSS). */
interface Server {
  url: string;
  agent: Agent;
  child: ChildProcess;
  label: string;
}
/** A signed-in account: its cookie and CSRF token. */
interface Who {
  cookie: string;
  csrf: string;
}
interface Patient extends Who {
  email: string;
  personId: string;
  clinician: number;
  checkins: number;
  sessions: number;
  imports: number;
  csvImports: number;
  lastCheckin: object | null;
  lastSession: object | null;
}
interface Clinician extends Who {
  email: string;
  patients: Patient[];
}

interface Answer {
  status: number;
  text: string;
}
function call(server: Server, method: string, path: string, who: Who | null, body?: object | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const raw = Buffer.isBuffer(body);
    const payload = body === undefined ? undefined : raw ? body : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = {};
    if (who) {
      headers.cookie = who.cookie;
      if (method !== 'GET') headers['x-csrf-token'] = who.csrf;
    }
    if (payload) {
      headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
      headers['content-length'] = String(payload.length);
    }
    const req = request(`${server.url}${path}`, { method, agent: server.agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        text += d;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          text,
          ...(res.headers['set-cookie'] ? { cookie: res.headers['set-cookie'][0]!.split(';')[0]! } : {}),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** A setup request that must succeed: its JSON answer (and the session cookie it set, if any). */
async function must<T>(
  server: Server,
  method: string,
  path: string,
  who: Who | null,
  body?: object,
): Promise<T & { cookie?: string }> {
  const res = (await call(server, method, path, who, body)) as Answer & { cookie?: string };
  expectWork(
    res.status >= 200 && res.status < 300,
    `${method} ${path.split('?')[0]} answered ${res.status}: ${res.text.slice(0, 300)}`,
  );
  return { ...(JSON.parse(res.text) as T), ...(res.cookie ? { cookie: res.cookie } : {}) };
}

/** RSS of a process in MiB, from /proc/PID/status (VmRSS), or NaN once it has gone. */
function rssMiB(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** A server's memory as bench/_memory-report.mjs last wrote it (bytes), or null before its first report. */
interface MemoryReport {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}
const MEMORY_REPORT = fileURLToPath(new URL('./_memory-report.mjs', import.meta.url));
function memoryOf(dir: string, pid: number | undefined): MemoryReport | null {
  try {
    return JSON.parse(readFileSync(join(dir, `${pid}.json`), 'utf8')) as MemoryReport;
  } catch {
    return null;
  }
}
const MiB = 2 ** 20;
/** The parts printed per process: heap used, external, and what RSS holds beyond the heap and external memory. */
const memoryParts = (m: MemoryReport) => ({
  heap: m.heapUsed / MiB,
  external: m.external / MiB,
  outside: (m.rss - m.heapTotal - m.external) / MiB,
});

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  const num = points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  const den = points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** The Fitbit daily-steps CSV (dailySteps_merged.csv's layout, docs/walking-data.md) of `days` days from `first`. */
function fitbitCsv(first: string, days: number, steps: number): Buffer {
  const rows = Array.from({ length: days }, (_, i) => {
    const [y, m, d] = addDays(first, i).split('-').map(Number);
    return `1000000001,${m}/${d}/${y},${steps + i * 100}`;
  });
  return Buffer.from(`Id,ActivityDay,StepTotal\n${rows.join('\n')}\n`);
}

/** One window of the run (a minute; two seconds in smoke mode). */
interface Window {
  requests: Record<Kind, number>;
  errors: number;
  latencies: number[];
  rss: number[][];
  memory: (MemoryReport | null)[];
}
const newWindow = (servers: number): Window => ({
  requests: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>,
  errors: 0,
  latencies: [],
  rss: Array.from({ length: servers }, () => []),
  memory: Array.from({ length: servers }, () => null),
});

/** The accepted writes, by kind: what the database must hold afterwards. */
interface Accepted {
  checkinNew: number;
  checkinResent: number;
  sessionNew: number;
  sessionResent: number;
  checkinIds: Set<string>;
  sessionIds: Set<string>;
  imports: number;
  csvImports: number;
  fitPatients: Set<string>;
  jobIds: string[];
}

export async function run(options: BenchOptions = {}): Promise<BenchFigures> {
  const size = sizeFor(options);
  const today = new Date().toISOString().slice(0, 10);
  /** The safety check's day: the writes fill the year from it to today. */
  const start = addDays(today, -364);
  const figures: BenchFigures = {};
  const { url, drop } = await freshPgDatabase(`footing_bench_soak_${process.pid}`);
  const dir = mkdtempSync(join(tmpdir(), 'footing-bench-soak-'));
  const raw = new pg.Pool({ connectionString: url, max: 2 });
  const servers: Server[] = [];
  try {
    console.log(
      `Soak on PostgreSQL: two \`footing serve\` processes on one database, ${size.patients} patients and ${size.clinicians} clinician${size.clinicians > 1 ? 's' : ''}, ${size.rate} actions/s open loop for ${size.seconds} s; Node ${process.version}; load average at start ${loadAverage()} (2 cores, shared)`,
    );
    const quiet = new Writable({
      write(_c, _e, cb) {
        cb();
      },
    });
    const pw = join(dir, 'pw');
    writeFileSync(pw, `${PASSWORD}\n`);
    // The FIT walk's samples, from the importer on a scratch SQLite database: what the first import of it stores.
    let fitSamples = 0;
    const fitOut = new Writable({
      write(c, _e, cb) {
        const r = JSON.parse(String(c)) as { added: number };
        fitSamples = r.added;
        cb();
      },
    });
    expectWork(
      (await main(['import', FIT_FILE, '--json', '--db', join(dir, 'probe.sqlite')], { out: fitOut, err: quiet })) ===
        0 && fitSamples > 0,
      `footing import of ${FIT_FILE} failed`,
    );
    const clinicians: Clinician[] = Array.from({ length: size.clinicians }, (_, i) => ({
      email: `dr${i + 1}@soak.example`,
      cookie: '',
      csrf: '',
      patients: [],
    }));
    await withDatabaseUrl(url, async () => {
      expectWork((await main(['migrate'], { out: quiet, err: quiet })) === 0, 'footing migrate failed');
      expectWork(
        (await main(['clinic', 'create', 'Soak Clinic'], { out: quiet, err: quiet })) === 0,
        'footing clinic create failed',
      );
      for (const c of clinicians)
        expectWork(
          (await main(
            [
              'user',
              'add',
              '--role',
              'clinician',
              '--clinic',
              'Soak Clinic',
              '--email',
              c.email,
              '--name',
              c.email,
              '--password-file',
              pw,
            ],
            { out: quiet, err: quiet },
          )) === 0,
          'footing user add failed',
        );
    });
    // BENCH_SERVER_FLAGS adds node flags to the servers, e.g. "--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=DIR" to
    // take heap snapshots of a running server (kill -USR2 PID) and compare what it retains between two minutes.
    const flags = [
      ...footingNodeFlags(),
      '--import',
      pathToFileURL(MEMORY_REPORT).href,
      ...(process.env.BENCH_SERVER_FLAGS ?? '').split(/\s+/).filter(Boolean),
    ];
    const memoryDir = join(dir, 'memory');
    mkdirSync(memoryDir);
    // One after the other: two processes starting at once on a fresh database can fail with "deadlock detected"
    // (seen while writing this bench; the first start creates the job queue's schema).
    for (const label of ['A', 'B']) {
      const s = await serveFooting({ DATABASE_URL: url, FOOTING_BENCH_MEMORY_DIR: memoryDir }, [], flags);
      servers.push({ url: s.url, child: s.child, agent: new Agent({ keepAlive: true, maxSockets: 64 }), label });
    }
    const other = (s: number) => (s + 1) % servers.length;

    // ---- accounts through the API, spread over both processes ----
    const t0 = performance.now();
    for (const [i, c] of clinicians.entries()) {
      const r = await must<{ csrfToken: string }>(servers[i % 2]!, 'POST', '/api/auth/sign-in', null, {
        email: c.email,
        password: PASSWORD,
      });
      c.cookie = r.cookie!;
      c.csrf = r.csrfToken;
    }
    const patients: Patient[] = [];
    const answers = Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
    for (let i = 0; i < size.patients; i++) {
      const c = clinicians[i % clinicians.length]!;
      const s = servers[i % 2]!;
      const inv = await must<{ token: string }>(s, 'POST', '/api/invitations', c, { label: `Patient ${i + 1}` });
      const email = `patient${i + 1}@soak.example`;
      const r = await must<{ csrfToken: string; link: { personId: string } }>(
        servers[other(i % 2)]!,
        'POST',
        `/api/invitations/${inv.token}/sign-up`,
        null,
        { email, password: PASSWORD, displayName: `Patient ${i + 1}` },
      );
      const p: Patient = {
        email,
        personId: r.link.personId,
        cookie: r.cookie!,
        csrf: r.csrfToken,
        clinician: i % clinicians.length,
        checkins: 0,
        sessions: 0,
        imports: 0,
        csvImports: 0,
        lastCheckin: null,
        lastSession: null,
      };
      await must(s, 'POST', `/api/screen?date=${start}`, p, { answers });
      patients.push(p);
      c.patients.push(p);
    }
    console.log(
      `${size.clinicians} clinician sign-ins, ${size.patients} invitations and patient sign-ups (scrypt at the production cost, in the servers) and safety checks in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // ---- the traffic ----
    const r = rng(17);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const totalWeight = KINDS.reduce((s, k) => s + MIX[k], 0);
    const pickKind = (): Kind => {
      let x = r() * totalWeight;
      for (const k of KINDS) {
        x -= MIX[k];
        if (x < 0) return k;
      }
      return 'today';
    };
    const acc: Accepted = {
      checkinNew: 0,
      checkinResent: 0,
      sessionNew: 0,
      sessionResent: 0,
      checkinIds: new Set(),
      sessionIds: new Set(),
      imports: 0,
      csvImports: 0,
      fitPatients: new Set(),
      jobIds: [],
    };
    const windows: Window[] = [];
    const all: number[] = [];
    const byKind: Record<Kind, number[]> = Object.fromEntries(KINDS.map((k) => [k, []])) as unknown as Record<
      Kind,
      number[]
    >;
    const failures: string[] = [];
    const fitBytes = readFileSync(FIT_FILE);
    const totalActions = Math.round(size.rate * size.seconds);
    const windowOf = (t: number) =>
      windows[Math.min(windows.length - 1, Math.max(0, Math.floor(t / (size.window * 1000))))]!;
    for (let w = 0; w < Math.ceil(size.seconds / size.window); w++) windows.push(newWindow(servers.length));
    const tStart = performance.now() + 20;

    /** Sends one request of an action; latency from `from` (the action's scheduled time for its first request). */
    const send = async (
      kind: Kind,
      server: Server,
      method: string,
      path: string,
      who: Who,
      body: object | Buffer | undefined,
      from: number,
      ok: (a: Answer) => string | null,
    ): Promise<Answer | null> => {
      const w = windowOf(from - tStart);
      w.requests[kind]++;
      let a: Answer;
      try {
        a = await call(server, method, path, who, body);
      } catch (e) {
        a = { status: 0, text: (e as Error).message };
      }
      const took = performance.now() - from;
      const why = ok(a);
      if (why) {
        w.errors++;
        if (failures.length < 10) failures.push(`${kind} ${method} ${path.split('?')[0]} on ${server.label}: ${why}`);
        return null;
      }
      w.latencies.push(took);
      all.push(took);
      byKind[kind].push(took);
      return a;
    };
    const status =
      (...want: number[]) =>
      (a: Answer) =>
        want.includes(a.status) ? null : `answered ${a.status}: ${a.text.slice(0, 200)}`;

    /** A check-in or a session: new, a resend of the last one (other process), or new and sent to both at once. */
    const write = async (kind: 'checkin' | 'session', p: Patient, s: number, from: number) => {
      const path = kind === 'checkin' ? '/api/checkins' : '/api/sessions';
      const last = kind === 'checkin' ? p.lastCheckin : p.lastSession;
      const ids = kind === 'checkin' ? acc.checkinIds : acc.sessionIds;
      const count = (a: Answer | null, clientId: string) => {
        if (!a) return;
        ids.add(clientId);
        if (a.status === 201) {
          if (kind === 'checkin') acc.checkinNew++;
          else acc.sessionNew++;
        } else if (kind === 'checkin') acc.checkinResent++;
        else acc.sessionResent++;
      };
      const x = r();
      if (last && x < RESEND) {
        // A resend after a lost answer: already stored, so 200 with the stored record.
        const body = last as { clientId: string };
        count(await send(kind, servers[other(s)]!, 'POST', path, p, body, from, status(200)), body.clientId);
        return;
      }
      const n = kind === 'checkin' ? p.checkins++ : p.sessions++;
      const date = addDays(start, n % 365);
      const clientId = `soak-${randomUUID()}`;
      const body =
        kind === 'checkin'
          ? {
              clientId,
              at: `${date}T07:30:00+00:00`,
              context: 'daily',
              back: 2 + (n % 3),
              neck: 2,
              foot: 1,
              regions: [],
            }
          : {
              clientId,
              startedAt: `${date}T18:00:00+00:00`,
              completedAt: `${date}T18:12:00+00:00`,
              items: [
                {
                  exercise: 'ball-roll',
                  position: 'sitting',
                  completed: true,
                  setsDone: 0,
                  repsDone: 0,
                  secondsDone: 120,
                },
              ],
              painBefore: { back: 3 },
              painAfter: { back: 2 },
            };
      // Resent later only once answered (a resend while the original is in flight is the race below).
      const answered = (a: Answer | null) => {
        if (a) {
          if (kind === 'checkin') p.lastCheckin = body;
          else p.lastSession = body;
        }
      };
      if (x < RESEND + RACE) {
        // The same new write to both processes at once: one stores it (201), the other answers with it (200).
        const both = await Promise.all(
          [s, other(s)].map((k) => send(kind, servers[k]!, 'POST', path, p, body, from, status(200, 201))),
        );
        both.forEach((a) => count(a, clientId));
        answered(both[0]!);
        if (both.every((a) => a) && both.filter((a) => a!.status === 201).length !== 1) {
          windowOf(from - tStart).errors++;
          failures.push(
            `${kind} sent to both processes at once answered ${both.map((a) => a!.status).join(' and ')}, not one 201 and one 200`,
          );
        }
        return;
      }
      const a = await send(kind, servers[s]!, 'POST', path, p, body, from, status(201));
      count(a, clientId);
      answered(a);
    };

    const act = async (kind: Kind, s: number, from: number) => {
      const server = servers[s]!;
      switch (kind) {
        case 'today': {
          await send(kind, server, 'GET', `/api/today?date=${today}`, pick(patients), undefined, from, (a) =>
            a.status !== 200
              ? `answered ${a.status}: ${a.text.slice(0, 200)}`
              : (JSON.parse(a.text) as { program: unknown }).program
                ? null
                : 'no program',
          );
          return;
        }
        case 'checkin':
        case 'session':
          await write(kind, pick(patients), s, from);
          return;
        case 'import': {
          const p = pick(patients);
          // A patient's second import and every fourth after it is the real FIT walk (new the first time, nothing new after).
          const fit = p.imports++ % 4 === 1;
          // Each CSV its own new days (numbered before it is sent: two of one patient's imports may be in flight).
          const k = fit ? 0 : p.csvImports++;
          const body = fit ? fitBytes : fitbitCsv(addDays(start, -CSV_DAYS * (k + 1)), CSV_DAYS, 3000 + k);
          const a = await send(
            kind,
            server,
            'POST',
            `/api/imports?name=${fit ? 'garmin-fenix-5-walk.fit' : 'dailySteps_merged.csv'}`,
            p,
            body,
            from,
            status(202),
          );
          if (a) {
            acc.imports++;
            acc.jobIds.push((JSON.parse(a.text) as { jobId: string }).jobId);
            if (fit) acc.fitPatients.add(p.personId);
            else acc.csvImports++;
          }
          return;
        }
        case 'list': {
          const c = pick(clinicians);
          await send(kind, server, 'GET', `/api/patients?date=${today}`, c, undefined, from, (a) =>
            a.status !== 200
              ? `answered ${a.status}: ${a.text.slice(0, 200)}`
              : (JSON.parse(a.text) as { total: number }).total === c.patients.length
                ? null
                : `listed ${(JSON.parse(a.text) as { total: number }).total} patients, not ${c.patients.length}`,
          );
          return;
        }
        case 'page': {
          const c = pick(clinicians);
          const base = `/api/patients/${pick(c.patients).personId}`;
          // As web/src/clinic/clinician-patient.tsx loads it: today first, then the rest together.
          if (!(await send(kind, server, 'GET', `${base}/today?date=${today}`, c, undefined, from, status(200))))
            return;
          const rest = [
            `${base}/summary?date=${today}`,
            `${base}/progress?date=${today}`,
            `${base}/checkins?from=${addDays(today, -27)}&to=${today}`,
            `${base}/walking/daily?from=${addDays(today, -13)}&to=${today}`,
            `${base}/gait-analyses`,
            `${base}/assessment`,
          ];
          const t = performance.now();
          await Promise.all(rest.map((path) => send(kind, server, 'GET', path, c, undefined, t, status(200))));
          return;
        }
      }
    };

    // RSS of both processes, sampled through the run.
    const rssPoints: Array<Array<[number, number]>> = servers.map(() => []);
    /** Each process's memory split over the run (minutes, MiB), for the slopes at the end. */
    const memoryPoints = servers.map(() => ({
      heap: [] as Array<[number, number]>,
      external: [] as Array<[number, number]>,
      outside: [] as Array<[number, number]>,
    }));
    const sampleRss = () => {
      const t = performance.now() - tStart;
      const w = windowOf(Math.max(0, t));
      servers.forEach((s, i) => {
        const v = rssMiB(s.child.pid);
        if (Number.isFinite(v)) {
          w.rss[i]!.push(v);
          rssPoints[i]!.push([t / 60_000, v]);
        }
        const m = memoryOf(memoryDir, s.child.pid);
        if (m) {
          w.memory[i] = m;
          const parts = memoryParts(m);
          for (const k of ['heap', 'external', 'outside'] as const) memoryPoints[i]![k].push([t / 60_000, parts[k]]);
        }
      });
    };
    const rssTimer = setInterval(sampleRss, size.rssEvery * 1000);
    const col = (x: string | number, n: number) => String(x).padStart(n);
    /** Actions of each window not yet answered: a window's line waits for its last answer. */
    const pending = windows.map(() => 0);
    let nextLine = 0;
    const header = `${'min'.padStart(5)} ${KINDS.map((k) => col(k, 8)).join('')} ${col('errors', 7)} ${col('p50 ms', 8)} ${col('p99 ms', 8)} ${servers.map((s) => col(`RSS ${s.label} MiB`, 11)).join('')}  load average`;
    const memoryLines: string[] = [];
    const printWindow = (i: number) => {
      const w = windows[i]!;
      memoryLines.push(
        `${col(options.smoke ? `${((i + 1) * size.window).toFixed(0)} s` : String(i + 1), 5)} ${w.memory
          .map((m) =>
            m
              ? Object.values(memoryParts(m))
                  .map((x) => col(x.toFixed(1), 9))
                  .join('')
              : col('-', 27),
          )
          .join('   ')}`,
      );
      const lat = [...w.latencies].sort((a, b) => a - b);
      const rss = w.rss.map((xs) => (xs.length ? xs[xs.length - 1]!.toFixed(1) : '-'));
      const label = options.smoke ? `${((i + 1) * size.window).toFixed(0)} s` : String(i + 1);
      console.log(
        `${col(label, 5)} ${KINDS.map((k) => col(w.requests[k], 8)).join('')} ${col(w.errors, 7)} ${col(quantile(lat, 0.5).toFixed(1), 8)} ${col(quantile(lat, 0.99).toFixed(1), 8)} ${rss.map((x) => col(x, 11)).join('')}  ${loadAverage()}`,
      );
    };
    console.log(
      `\nEach ${options.smoke ? `${size.window} s` : 'minute'}: requests by kind (a page is 7 requests), errors, latency of the answered requests, each process's RSS at the end of the ${options.smoke ? 'window' : 'minute'} (VmRSS), load average:`,
    );
    console.log(header);
    /** Prints, in order, the lines of the windows that are over and fully answered. */
    const flush = (all: boolean) => {
      const now = Math.floor((performance.now() - tStart) / (size.window * 1000));
      while (nextLine < windows.length && (all || nextLine < now) && pending[nextLine] === 0) printWindow(nextLine++);
    };
    const windowIndex = (t: number) => Math.min(windows.length - 1, Math.floor(t / (size.window * 1000)));
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; i < totalActions; i++) {
      const due = tStart + (i * 1000) / size.rate;
      const wait = due - performance.now();
      if (wait > 0.5) await sleep(wait);
      flush(false);
      const w = windowIndex(due - tStart);
      pending[w]!++;
      // The first actions take every kind in turn (so that a smoke run's few seconds meet each one), then at random.
      const p = act(i < 3 * KINDS.length ? KINDS[i % KINDS.length]! : pickKind(), i % servers.length, due)
        .catch((e: Error) => {
          windows[w]!.errors++;
          failures.push(e.message);
        })
        .finally(() => {
          pending[w]!--;
          flush(false);
        });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await Promise.all(inFlight);
    sampleRss();
    clearInterval(rssTimer);
    flush(true);
    const runS = (performance.now() - tStart) / 1000;
    console.log(
      `\nMemory of each process at the end of each ${options.smoke ? 'window' : 'minute'} (MiB, from process.memoryUsage() in the server): the JavaScript heap used, external (array buffers and other memory V8 is told of), and RSS outside both (code, stacks, native allocations):`,
    );
    console.log(
      `${'min'.padStart(5)} ${servers.map((s) => `${col(`heap ${s.label}`, 9)}${col(`ext ${s.label}`, 9)}${col(`other ${s.label}`, 9)}`).join('   ')}`,
    );
    for (const line of memoryLines) console.log(line);

    // ---- the imports finish as jobs (pg-boss, either process): wait for all of them ----
    const waitFrom = performance.now();
    let jobs: { status: string; n: string }[] = [];
    for (;;) {
      jobs = (
        await raw.query<{ status: string; n: string }>(
          `SELECT status, count(*) n FROM jobs WHERE kind = 'import' GROUP BY status`,
        )
      ).rows;
      if (!jobs.some((j) => j.status === 'queued' || j.status === 'running')) break;
      expectWork(
        performance.now() - waitFrom < 300_000,
        `import jobs still unfinished after 5 minutes: ${JSON.stringify(jobs)}`,
      );
      await sleep(250);
    }
    const jobsWaitS = (performance.now() - waitFrom) / 1000;

    // ---- nothing lost: the database against the accepted writes ----
    const q = async (sql: string) => Number((await raw.query<{ n: string }>(sql)).rows[0]!.n);
    const stored = {
      sessions: await q(`SELECT count(*) n FROM sessions`),
      daily: await q(`SELECT count(*) n FROM checkins WHERE context = 'daily'`),
      sessionCheckins: await q(`SELECT count(*) n FROM checkins WHERE context <> 'daily'`),
      imports: await q(`SELECT count(*) n FROM imports`),
      jobsDone: Number(jobs.find((j) => j.status === 'done')?.n ?? 0),
      jobsFailed: Number(jobs.find((j) => j.status === 'failed')?.n ?? 0),
      samples: await q(`SELECT coalesce(sum(sample_count), 0) n FROM walking_sample_chunks`),
      walkingDays: await q(`SELECT count(*) n FROM walking_days`),
    };
    const expected = {
      sessions: acc.sessionIds.size,
      daily: acc.checkinIds.size,
      sessionCheckins: 2 * acc.sessionIds.size,
      imports: acc.imports,
      jobsDone: acc.imports,
      jobsFailed: 0,
      samples: acc.csvImports * CSV_DAYS + acc.fitPatients.size * fitSamples,
      // The CSV days are new days; the FIT walk is one day of its own.
      walkingDays: acc.csvImports * CSV_DAYS + acc.fitPatients.size,
    };
    const totalRequests = windows.reduce((s, w) => s + KINDS.reduce((t, k) => t + w.requests[k], 0), 0);
    const errors = windows.reduce((s, w) => s + w.errors, 0);
    all.sort((a, b) => a - b);
    console.log(
      `\n${totalRequests} requests in ${runS.toFixed(0)} s (${(totalRequests / runS).toFixed(1)} req/s, about ${(totalRequests / runS / servers.length).toFixed(1)} per process), ${errors} errors; latency p50 ${quantile(all, 0.5).toFixed(1)} ms, p99 ${quantile(all, 0.99).toFixed(1)} ms, max ${(all.at(-1) ?? NaN).toFixed(0)} ms`,
    );
    console.log('By kind over the whole run (ms):');
    for (const k of KINDS) {
      const xs = byKind[k].sort((a, b) => a - b);
      console.log(
        `  ${k.padEnd(8)} ${String(xs.length).padStart(7)} answered   p50 ${quantile(xs, 0.5).toFixed(1).padStart(7)}   p99 ${quantile(xs, 0.99).toFixed(1).padStart(7)}`,
      );
    }
    console.log(
      `Writes accepted: check-ins ${acc.checkinNew} new + ${acc.checkinResent} resent, sessions ${acc.sessionNew} new + ${acc.sessionResent} resent, imports ${acc.imports} (${acc.csvImports} CSV, FIT walk by ${acc.fitPatients.size} patients); import jobs finished ${jobsWaitS.toFixed(1)} s after the load`,
    );
    console.log('Nothing lost (stored / expected from the accepted writes):');
    for (const key of Object.keys(expected) as Array<keyof typeof expected>)
      console.log(`  ${key.padEnd(16)} ${String(stored[key]).padStart(8)} / ${expected[key]}`);

    // RSS: first window against last, and the slope after the first (the first holds start-up and warm-up).
    console.log(
      'RSS (MiB): mean of the first and the last minute, and the least-squares slope over the run after the first minute:',
    );
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
    servers.forEach((s, i) => {
      const first = mean(windows[0]!.rss[i]!);
      const last = mean(windows.at(-1)!.rss[i]!);
      const after = windows.length >= 3 ? rssPoints[i]!.filter(([t]) => t >= size.window / 60) : rssPoints[i]!;
      const perMin = slope(after);
      console.log(
        `  process ${s.label}: first ${first.toFixed(1)}, last ${last.toFixed(1)} (${last - first >= 0 ? '+' : ''}${(last - first).toFixed(1)}), slope ${perMin >= 0 ? '+' : ''}${perMin.toFixed(2)} MiB/min, max ${Math.max(...rssPoints[i]!.map((p) => p[1])).toFixed(1)}`,
      );
      figures[`rssFirst${s.label}MiB`] = first;
      figures[`rssLast${s.label}MiB`] = last;
      figures[`rssSlope${s.label}MiBPerMin`] = perMin;
      // The same slope for each part of the memory: which part grows, if RSS does.
      const parts = (['heap', 'external', 'outside'] as const).map((k) => {
        const pts = memoryPoints[i]![k];
        const tail = windows.length >= 3 ? pts.filter(([t]) => t >= size.window / 60) : pts;
        const sl = slope(tail);
        figures[`${k}Slope${s.label}MiBPerMin`] = sl;
        return `${k === 'outside' ? 'other' : k} ${pts[0]?.[1].toFixed(1) ?? '-'} -> ${pts.at(-1)?.[1].toFixed(1) ?? '-'} (${sl >= 0 ? '+' : ''}${sl.toFixed(2)}/min)`;
      });
      console.log(`    of which: ${parts.join(', ')}`);
    });
    console.log(`Load average at end ${loadAverage()}`);

    expectWork(errors === 0 && failures.length === 0, `${errors} errors: ${failures.join('; ')}`);
    expectWork(
      acc.checkinNew + acc.sessionNew > 0 && acc.imports > 0,
      'no new check-in, session or import was accepted',
    );
    for (const key of Object.keys(expected) as Array<keyof typeof expected>)
      expectWork(
        stored[key] === expected[key],
        `${key}: ${stored[key]} stored, ${expected[key]} expected from the accepted writes`,
      );
    expectWork(
      acc.checkinNew === acc.checkinIds.size && acc.sessionNew === acc.sessionIds.size,
      `new writes answered 201 (${acc.checkinNew} check-ins, ${acc.sessionNew} sessions) differ from the distinct writes accepted (${acc.checkinIds.size}, ${acc.sessionIds.size})`,
    );
    Object.assign(figures, {
      requests: totalRequests,
      errors,
      requestsPerSecond: totalRequests / runS,
      p50Ms: quantile(all, 0.5),
      p99Ms: quantile(all, 0.99),
      checkins: stored.daily,
      sessions: stored.sessions,
      imports: stored.imports,
    });
    return figures;
  } finally {
    await Promise.all(servers.map((s) => stopServer(s.child)));
    for (const s of servers) s.agent.destroy();
    await raw.end();
    rmSync(dir, { recursive: true, force: true });
    await drop();
  }
}

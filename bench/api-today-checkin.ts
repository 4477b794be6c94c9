/**
 * API throughput and tail latency for the two requests a person makes every day: the today plan and a check-in.
 * In-process Fastify on a temporary SQLite file holding 12 weeks of history; autocannon drives it over loopback.
 * The baseline is the trivial health endpoint, measured in the same run, so the ratios show what the work costs.
 * The history is written through the API itself (safety check, then each day's check-in, session and hand-logged
 * walking), as a person's phone would, so the bench follows the store wherever it goes.
 * Smoke mode (bench/smoke.test.ts): a week of history and a few requests per endpoint.
 */
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import { addDays } from '../src/core/dates.js';
import { seedDays, seededSteps } from './_seed-days.js';
import { buildApp } from '../src/server/app.js';
import { freshStore } from '../test/helpers/databases.js';
import {
  expectWork,
  failedRequests,
  listenLocal,
  loadLength,
  requestsPerSecond,
  type BenchFigures,
  type BenchOptions,
} from './_bench.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;
const START = '2026-09-01';

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

/** One call through the app's routes (no socket); throws unless it answered 2xx. */
async function send<T>(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
): Promise<T> {
  const res = await app.inject({ method, url, ...(payload ? { payload } : {}) });
  expectWork(
    res.statusCode >= 200 && res.statusCode < 300,
    `${method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`,
  );
  return res.json() as T;
}

/** `days` days of history from START: the safety check, then a check-in, a session and a hand log each day. */
async function seed(app: FastifyInstance, days: number): Promise<void> {
  await seedDays((method, path, body) => send(app, method, path, body), START, days);
  const walking = await send<Array<{ date: string; steps: number }>>(app, 'GET', `/api/walking/daily?from=${START}`);
  const sessions = await send<unknown[]>(app, 'GET', `/api/sessions?from=${START}`);
  expectWork(
    walking.length === days && walking.every((w, d) => w.steps === seededSteps(d)),
    `seeded ${days} walking days, the API reads back ${walking.length} (${JSON.stringify(walking.slice(0, 2))})`,
  );
  expectWork(sessions.length === days, `seeded ${days} sessions, the API reads back ${sessions.length}`);
}

async function load(
  url: string,
  options: BenchOptions,
  opts: { method?: 'GET' | 'POST'; body?: (i: number) => string } = {},
): Promise<Figures> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    ...loadLength(options, DURATION_S),
    method: opts.method ?? 'GET',
    headers: { 'content-type': 'application/json' },
    ...(opts.body ? { requests: [{ setupRequest: (req) => ({ ...req, body: opts.body!(i++) }) }] } : {}),
  } as autocannon.Options);
  return {
    rps: requestsPerSecond(result),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: failedRequests(result),
  };
}

export async function run(options: BenchOptions = {}): Promise<BenchFigures> {
  const days = options.smoke ? 7 : 84;
  const { store, cleanup } = await freshStore('sqlite');
  const app = await buildApp({ store, webRoot: null, rateLimitPerMinute: 10_000_000 });
  try {
    await seed(app, days);
    const base = await listenLocal(app);
    const today = addDays(START, days);

    console.log(
      `SQLite, ${days} days of history, ${CONNECTIONS} connections, ${options.smoke ? 'smoke: a few requests' : `${DURATION_S} s`} per endpoint, Node ${process.version}`,
    );
    const health = await load(`${base}/api/health`, options);
    const plan = await load(`${base}/api/today?date=${today}`, options);
    const checkin = await load(`${base}/api/checkins`, options, {
      method: 'POST',
      body: (i) =>
        JSON.stringify({
          at: `${today}T${String(8 + (i % 12)).padStart(2, '0')}:00:00+00:00`,
          context: 'daily',
          back: i % 11,
          regions: [{ region: 'low-back', side: 'centre', intensity: i % 11, view: 'back' }],
        }),
    });
    const row = (name: string, f: Figures) =>
      console.log(
        `${name.padEnd(26)} ${f.rps.toFixed(0).padStart(8)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   errors ${f.failed}   ratio to baseline ${(f.rps / health.rps).toFixed(3)}`,
      );
    row('GET /api/health (baseline)', health);
    row('GET /api/today', plan);
    row('POST /api/checkins', checkin);
    console.log(
      'Bound: GET /api/today reads the whole history (check-ins, sessions, walking) and runs the engine per request; POST is bound by SQLite commits (WAL, one writer).',
    );

    for (const [name, f] of [
      ['GET /api/health', health],
      ['GET /api/today', plan],
      ['POST /api/checkins', checkin],
    ] as const) {
      expectWork(f.failed === 0 && f.ok > 0, `${name}: ${f.failed} failed requests, ${f.ok} answered 2xx`);
    }
    // Daily check-ins only: each seeded session with pain before and after stored two more.
    const daily = (await send<Array<{ context: string }>>(app, 'GET', `/api/checkins?from=${START}`)).filter(
      (c) => c.context === 'daily',
    );
    // A timed run stops with up to one request per connection in flight: the server may have stored those too.
    const posted = days + checkin.ok;
    expectWork(
      daily.length >= posted && daily.length <= posted + CONNECTIONS,
      `${days} seeded + ${checkin.ok} posted daily check-ins, ${daily.length} stored`,
    );
    return {
      healthRps: health.rps,
      todayRps: plan.rps,
      todayP50Ms: plan.p50,
      todayP99Ms: plan.p99,
      checkinRps: checkin.rps,
      checkinP50Ms: checkin.p50,
      checkinP99Ms: checkin.p99,
      todayRatio: plan.rps / health.rps,
      checkinRatio: checkin.rps / health.rps,
    };
  } finally {
    await app.close();
    await cleanup();
  }
}

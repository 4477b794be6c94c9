/**
 * API throughput and tail latency for the two requests a person makes every day: the today plan and a check-in.
 * In-process Fastify on a temporary SQLite file holding 12 weeks of history; autocannon drives it over loopback.
 * The baseline is the trivial health endpoint, measured in the same run, so the ratios show what the work costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { addDays } from '../src/core/dates.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../src/core/red-flags.js';
import { buildApp } from '../src/server/app.js';
import { submitScreen } from '../src/server/services/program-service.js';
import { migrate, openStore } from '../src/store/db.js';
import { insertCheckin } from '../src/store/repos/checkins.js';
import { ensureLocalPerson } from '../src/store/repos/people.js';
import { saveSession } from '../src/store/repos/sessions.js';
import { replaceManualDay } from '../src/store/repos/walking.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;

interface Figures { rps: number; p50: number; p99: number; errors: number; non2xx: number }

async function load(url: string, opts: { method?: 'GET' | 'POST'; body?: (i: number) => string } = {}): Promise<Figures> {
  let i = 0;
  const result = await autocannon({
    url, connections: CONNECTIONS, duration: DURATION_S, method: opts.method ?? 'GET',
    headers: { 'content-type': 'application/json' },
    ...(opts.body ? { requests: [{ setupRequest: (req) => ({ ...req, body: opts.body!(i++) }) }] } : {}),
  } as autocannon.Options);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'footing-bench-'));
  const store = openStore({ kind: 'sqlite', path: join(dir, 'bench.sqlite') });
  await migrate(store);
  const me = await ensureLocalPerson(store.db);
  const start = '2026-09-01';
  const answers = Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
  await submitScreen(store.db, me.id, { answers }, start);
  for (let d = 0; d < 84; d++) {
    const date = addDays(start, d);
    await insertCheckin(store.db, me.id, { at: `${date}T07:30:00+00:00`, context: 'daily', back: 3 + (d % 3), neck: 2, foot: 1, regions: [] });
    await saveSession(store.db, me.id, 1, { clientId: `bench-${date}`, startedAt: `${date}T18:00:00+00:00`, completedAt: `${date}T18:12:00+00:00`, items: [{ exercise: 'ball-roll', position: 'sitting', completed: true, setsDone: 0, repsDone: 0, secondsDone: 120 }], painBefore: { back: 4 }, painAfter: { back: 3 } });
    await replaceManualDay(store.db, me.id, date, [{ source: 'manual', device: null, start: `${date}T00:00:00`, end: `${date}T23:59:59`, kind: 'steps', value: 5000 + d * 20, unit: 'count' }]);
  }
  const app = await buildApp({ store, webRoot: null, rateLimitPerMinute: 10_000_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const today = addDays(start, 84);

  console.log(`SQLite, 12 weeks of history, ${CONNECTIONS} connections, ${DURATION_S} s per endpoint, Node ${process.version}`);
  const health = await load(`${base}/api/health`);
  const plan = await load(`${base}/api/today?date=${today}`);
  const checkin = await load(`${base}/api/checkins`, {
    method: 'POST',
    body: (i) => JSON.stringify({ at: `${today}T${String(8 + (i % 12)).padStart(2, '0')}:00:00+00:00`, context: 'daily', back: i % 11, regions: [{ region: 'low-back', side: 'centre', intensity: i % 11, view: 'back' }] }),
  });
  const row = (name: string, f: Figures) => console.log(`${name.padEnd(26)} ${f.rps.toFixed(0).padStart(8)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors + f.non2xx}   ratio to baseline ${(f.rps / health.rps).toFixed(3)}`);
  row('GET /api/health (baseline)', health);
  row('GET /api/today', plan);
  row('POST /api/checkins', checkin);
  console.log('Bound: GET /api/today reads the whole history (check-ins, sessions, walking) and runs the engine per request; POST is bound by SQLite commits (WAL, one writer).');
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

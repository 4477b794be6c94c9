/**
 * Account enumeration by timing (issue 14 item 7): POST /api/auth/password-reset must take as long for an email
 * with an account as for one without, or its answer time tells which emails have accounts. In this process on a
 * migrated SQLite file, with a real SMTP server on 127.0.0.1 (test/helpers/smtp-sink.ts): requests for a known and
 * an unknown email alternate (so a drift of the machine's load falls on both alike), each timed from inject() to its
 * answer in wall time and in this process's CPU time; after each answer the work left for after it (the link and
 * its mail) is awaited, so it never falls inside the next request's time. Prints the medians of each and their
 * ratio (known / unknown); near 1 is what is wanted. Nothing fails on a timing. BENCH_PAIRS (400) sets the pairs.
 * Smoke mode (bench/smoke.test.ts): 10 pairs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/server/app.js';
import { migrate, openStore } from '../src/store/db.js';
import { startSmtpSink } from '../test/helpers/smtp-sink.js';
import { makeAccount, TEST_AUTH } from '../test/helpers/test-clinic.js';
import type { BenchFigures, BenchOptions } from './_bench.js';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 400);
// The same length, so the answers have the same length too.
const KNOWN = 'ann@example.org';
const UNKNOWN = 'bob@example.org';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

export async function run(options: BenchOptions = {}): Promise<BenchFigures> {
  const pairs = options.smoke ? 10 : PAIRS;
  const dir = mkdtempSync(join(tmpdir(), 'footing-bench-reset-'));
  const store = openStore({ kind: 'sqlite', path: join(dir, 'footing.sqlite') });
  const smtp = await startSmtpSink();
  try {
    await migrate(store);
    await makeAccount(store, { email: KNOWN, role: 'patient', displayName: 'Ann' });
    // Limits high enough for the run: the limits are counted on both paths alike, and are not what is measured.
    const app = await buildApp({
      store,
      webRoot: null,
      auth: { ...TEST_AUTH, resetsPerEmailPerHour: 1e9, resetsPerClientPerHour: 1e9 },
      mail: {
        publicUrl: 'https://footing.bench.example',
        smtp: { url: smtp.url, from: 'Footing <footing@bench.example>' },
      },
    });
    try {
      const times = {
        known: { wall: [] as number[], cpu: [] as number[] },
        unknown: { wall: [] as number[], cpu: [] as number[] },
      };
      const ask = async (who: 'known' | 'unknown', record: boolean) => {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/password-reset',
          payload: { email: who === 'known' ? KNOWN : UNKNOWN },
        });
        const wall = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        if (res.statusCode !== 202) throw new Error(`password reset request answered ${res.statusCode}: ${res.body}`);
        await app.mail.idle();
        if (record) {
          times[who].wall.push(wall);
          times[who].cpu.push((cpu.user + cpu.system) / 1000);
        }
      };
      for (let i = 0; i < Math.min(20, pairs); i++) {
        await ask('known', false);
        await ask('unknown', false);
      } // warm-up
      for (let i = 0; i < pairs; i++) {
        // Alternate which goes first, so neither always follows the other's leftover work.
        const order = i % 2 === 0 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const);
        for (const who of order) await ask(who, true);
      }
      if (smtp.received < pairs) throw new Error(`expected a mail per known request, got ${smtp.received}`);
      const f = {
        knownWallMs: median(times.known.wall),
        unknownWallMs: median(times.unknown.wall),
        knownCpuMs: median(times.known.cpu),
        unknownCpuMs: median(times.unknown.cpu),
      };
      const figures = { ...f, wallRatio: f.knownWallMs / f.unknownWallMs, cpuRatio: f.knownCpuMs / f.unknownCpuMs };
      console.log(
        `password reset request, ${pairs} alternating pairs (medians): known ${f.knownWallMs.toFixed(3)} ms wall / ${f.knownCpuMs.toFixed(3)} ms CPU; unknown ${f.unknownWallMs.toFixed(3)} ms wall / ${f.unknownCpuMs.toFixed(3)} ms CPU; known/unknown ${figures.wallRatio.toFixed(3)}x wall, ${figures.cpuRatio.toFixed(3)}x CPU`,
      );
      return figures;
    } finally {
      await app.close();
    }
  } finally {
    await smtp.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

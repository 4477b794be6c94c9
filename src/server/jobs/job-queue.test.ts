import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshStore } from '../../../test/helpers/databases.js';
import { pgBossQueue } from './job-queue.js';

// Two `footing serve` processes started at the same moment on a new PostgreSQL database: pg-boss installs its
// schema and each queue's tables on first use, and two installs at once ended one server with "deadlock detected"
// (found by the soak bench, bench/soak.ts). Each start must come up, and a job sent through one reaches a worker.
test(
  'two queues started at once on a new PostgreSQL database both come up, and a job is worked once',
  { timeout: 120_000 },
  async () => {
    const { store, cleanup } = await freshStore('postgres');
    const url = (store.config as { url: string }).url;
    try {
      for (let round = 0; round < 3; round++) {
        const name = `race-${round}`;
        const worked: string[] = [];
        const queues = await Promise.all(
          [0, 1].map(async (i) => {
            const q = await pgBossQueue(url);
            await q.on<{ n: number }>(name, async (d) => {
              worked.push(`${i}:${d.n}`);
            });
            return q;
          }),
        );
        try {
          await queues[0]!.send(name, { n: round });
          for (let t = 0; t < 200 && worked.length === 0; t++) await new Promise((r) => setTimeout(r, 100));
          assert.equal(worked.length, 1, `round ${round}: ${JSON.stringify(worked)}`);
        } finally {
          await Promise.all(queues.map((q) => q.stop()));
        }
      }
    } finally {
      await cleanup();
    }
  },
);

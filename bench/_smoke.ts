/**
 * Benchmarks do not rot (issue 17): the benches' smoke runs (`run({ smoke: true })`: the same path end to end at
 * tiny sizes), so a change that breaks a bench fails `npm test`. A bench throws when its work fails (errors, non-2xx
 * answers, wrong counts, no frames); nothing here looks at how fast it was. Two test files use this: smoke.test.ts
 * (the benches without a browser, beside the other tests) and smoke-browser.test.ts (those with one, in the browser
 * tests' lane). The benches of one file run at once (most of a smoke run is waiting: server start-ups, autocannon's
 * one-second ticks, model loads), each one's printed figures held back and printed together when it ends.
 */
import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, test } from 'node:test';
import { format } from 'node:util';
import { loadBench } from './_bench.js';

/** Defines one test per bench that runs its smoke mode and checks it returned finite figures. */
export function smokeTests(benches: string[]): void {
  // Each bench's console lines go to its own buffer (the benches run at once), printed in one piece when it ends.
  const output = new AsyncLocalStorage<string[]>();
  const print = console.log.bind(console);
  console.log = (...args: unknown[]) => {
    const lines = output.getStore();
    if (lines) lines.push(format(...args));
    else print(...args);
  };
  describe('bench smoke runs', { concurrency: true }, () => {
    for (const file of benches) {
      // Only against a hang: a smoke run on a quiet machine takes seconds, but minutes when other work shares the cores.
      test(file, { timeout: 900_000 }, async () => {
        const run = await loadBench(file);
        assert.ok(run, `${file} exports run()`);
        const lines: string[] = [];
        const t0 = performance.now();
        try {
          const figures = await output.run(lines, () => run({ smoke: true }));
          assert.ok(Object.keys(figures).length > 0, `${file} returned no figures`);
          for (const [name, value] of Object.entries(figures))
            assert.ok(Number.isFinite(value), `${file}: ${name} is ${value}`);
        } finally {
          print(`\n=== ${file} (smoke, ${((performance.now() - t0) / 1000).toFixed(1)} s) ===\n${lines.join('\n')}`);
        }
      });
    }
  });
}

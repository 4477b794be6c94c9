// The smoke runs of the benches that need no browser (bench/_smoke.ts says what a smoke run checks); the ones that
// drive chromium run in smoke-browser.test.ts, with the browser tests. PostgreSQL from FOOTING_TEST_PG_URL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benchFiles, drivesBrowser } from './_bench.js';
import { smokeTests } from './_smoke.js';

/** Every bench bench/run.ts would run: a new bench is smoke-tested without being listed anywhere. */
const benches = benchFiles();

test('the benches are found (a new one is smoke-tested too), and the browser ones are told apart', () => {
  for (const known of [
    'api-today-checkin.ts',
    'clinic-pg.ts',
    'gait-browser.ts',
    'import-apple-health.ts',
    'pose-node.ts',
    'today.ts',
  ])
    assert.ok(benches.includes(known), known);
  assert.deepEqual(benches.filter(drivesBrowser), ['gait-browser.ts']);
});

smokeTests(benches.filter((file) => !drivesBrowser(file)));

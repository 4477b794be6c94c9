// The smoke runs of the benches that drive chromium (bench/_smoke.ts says what a smoke run checks). They run in the
// browser tests' lane, one browser at a time, and need web/dist, which scripts/run-tests.mjs builds first.
import { benchFiles, drivesBrowser } from './_bench.js';
import { smokeTests } from './_smoke.js';

smokeTests(benchFiles().filter(drivesBrowser));

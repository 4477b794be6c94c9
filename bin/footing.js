#!/usr/bin/env -S node --max-semi-space-size=2 --no-allocation-site-pretenuring
// Entry point of the `footing` command: registers tsx so the TypeScript sources run as they are.
// V8 flags, for the import of multi-GB exports (bench/import-apple-health.ts runs its contenders with them):
// --max-semi-space-size=2: the main thread's young generation at 2 MB per semi-space instead of 16. Loading the
//   sources grows it to its maximum and it stays resident; at 2 MB the two-part import of a 1 GB export peaks at
//   ~171-182 MiB instead of 220-260, and runs ~3% slower (the main thread reads part of the file).
// --no-allocation-site-pretenuring: without it V8 sometimes decides, mid-import, to allocate the parser's
//   short-lived records straight in the old generation, which then fills with garbage: peak memory jumped from
//   ~188 to 221-227 MiB in about one run in three; with it, 188-190 MiB in five runs out of five, same speed.
// V8 reads them only at start-up, so they are flags here and in package.json's start script (src/cli/node-flags.test.ts).
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

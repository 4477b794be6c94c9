#!/usr/bin/env -S node --max-semi-space-size=4
// Entry point of the `footing` command: registers tsx so the TypeScript sources run as they are.
// --max-semi-space-size=4: V8's young generation of the main thread at 4 MB per semi-space instead of 16. Loading
// the sources grows it to its maximum and it stays resident; the main thread allocates little afterwards (an
// import parses on a worker thread), so the smaller size costs no measurable speed and keeps a multi-GB import
// ~20 MB further under its 200 MB bound (bench/import-apple-health.ts runs its contenders with these flags).
// V8 reads it only at start-up, so it is a flag here and in package.json's start script (src/cli/node-flags.test.ts).
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

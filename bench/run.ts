/**
 * `npm run bench [--smoke] [name...]`: runs every benchmark in bench/ (each file exports `run()`), or those whose
 * file name contains one of the given names (a name that is a whole file name, like `today`, picks that one only).
 * Benchmarks print figures and ratios; they never pass or fail on
 * timings. `--smoke` runs each at tiny sizes along the same path (what bench/smoke.test.ts does in `npm test`).
 */
import { benchFiles, loadBench, SMOKE_FLAG } from './_bench.js';

const args = process.argv.slice(2);
const smoke = args.includes(SMOKE_FLAG);
const filter = args.filter((a) => a !== SMOKE_FLAG);
// A name that is a bench's whole file name picks that bench alone (`today` is not also api-today-checkin).
const picks = (f: string, n: string) => f === `${n}.ts` || (!benchFiles().includes(`${n}.ts`) && f.includes(n));
for (const f of benchFiles().filter((f) => filter.length === 0 || filter.some((n) => picks(f, n)))) {
  const run = await loadBench(f);
  if (!run) continue;
  console.log(`\n=== ${f}${smoke ? ' (smoke)' : ''} ===`);
  await run({ smoke });
}

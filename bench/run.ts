/**
 * `npm run bench [--smoke] [name...]`: runs every benchmark in bench/ (each file exports `run()`), or those whose
 * file name contains one of the given names. Benchmarks print figures and ratios; they never pass or fail on
 * timings. `--smoke` runs each at tiny sizes along the same path (what bench/smoke.test.ts does in `npm test`).
 */
import { benchFiles, loadBench, SMOKE_FLAG } from './_bench.js';

const args = process.argv.slice(2);
const smoke = args.includes(SMOKE_FLAG);
const filter = args.filter((a) => a !== SMOKE_FLAG);
for (const f of benchFiles().filter((f) => filter.length === 0 || filter.some((n) => f.includes(n)))) {
  const run = await loadBench(f);
  if (!run) continue;
  console.log(`\n=== ${f}${smoke ? ' (smoke)' : ''} ===`);
  await run({ smoke });
}

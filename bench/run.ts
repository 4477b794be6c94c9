/**
 * `npm run bench [--smoke] [name...]`: runs every benchmark in bench/ (each file exports `run()`), or those whose
 * file name contains one of the given names. Benchmarks print figures and ratios; they never pass or fail on
 * timings. `--smoke` runs each at tiny sizes along the same path (what bench/smoke.test.ts does in `npm test`).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { SMOKE_FLAG, type BenchFigures, type BenchOptions } from './_bench.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const smoke = args.includes(SMOKE_FLAG);
const filter = args.filter((a) => a !== SMOKE_FLAG);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts') && !f.startsWith('_'))
  .filter((f) => filter.length === 0 || filter.some((n) => f.includes(n))).sort();
for (const f of files) {
  const mod = await import(pathToFileURL(join(dir, f)).href) as { run?: (options?: BenchOptions) => Promise<BenchFigures> };
  if (typeof mod.run !== 'function') continue;
  console.log(`\n=== ${f}${smoke ? ' (smoke)' : ''} ===`);
  await mod.run({ smoke });
}

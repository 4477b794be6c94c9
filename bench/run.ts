/**
 * `npm run bench [name...]`: runs every benchmark in bench/ (each file exports `run()`), or those whose file name
 * contains one of the given names. Benchmarks print figures and ratios; they never pass or fail on timings.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts') && !f.startsWith('_'))
  .filter((f) => filter.length === 0 || filter.some((n) => f.includes(n))).sort();
for (const f of files) {
  const mod = await import(pathToFileURL(join(dir, f)).href) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') continue;
  console.log(`\n=== ${f} ===`);
  await mod.run();
}

/**
 * One FHIR export measured in a process of its own, for bench/fhir.ts: the peak of its resident memory while the
 * export runs, read from the kernel (VmHWM in /proc/self/status, reset to the current size just before by writing 5
 * to /proc/self/clear_refs, Linux 4.0+), so a short synchronous peak (one JSON.stringify of the whole bundle) is
 * counted, which sampling from a timer cannot see. Run as
 * `node --expose-gc --import tsx bench/_fhir-memory.ts MODE DB PERSON_ID DATE OUT`; prints one JSON line.
 * MODE: `http` (GET /api/export/fhir over a socket, the client hashing the bytes), `cli` (`footing export --format
 * fhir --out OUT`), `whole` (the bundle built and stringified whole, as the CLI did before it streamed),
 * `everything` (GET /fhir/R4/Patient/PERSON_ID/$everything over a socket, hashed like `http`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { main } from '../src/cli/main.js';
import { buildApp } from '../src/server/app.js';
import { exportFhirBundle } from '../src/services/fhir-export-service.js';
import { openStore } from '../src/store/db.js';

const [mode, db, personId, today, out] = process.argv.slice(2) as [string, string, string, string, string];
const mb = (kb: number) => kb / 1024;
const status = (key: string) =>
  Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))![1]);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const store = openStore({ kind: 'sqlite', path: db });
const overHttp = mode === 'http' || mode === 'everything';
const app = overHttp ? await buildApp({ store, webRoot: null }) : null;
let port = 0;
if (app) {
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as AddressInfo).port;
}
// Warm up once (modules, prepared statements, the JIT), so the measured run counts the export alone.
const work = async (): Promise<number> => {
  if (overHttp) {
    const path = mode === 'http' ? `/api/export/fhir?date=${today}` : `/fhir/R4/Patient/${personId}/$everything`;
    return new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port, path }, (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`${path}: ${res.statusCode}`));
          return;
        }
        const hash = createHash('sha256');
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          hash.update(c);
          bytes += c.length;
        });
        res.on('end', () => resolve(bytes));
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
  }
  if (mode === 'cli') {
    const quiet = new Writable({
      write(_c, _e, cb) {
        cb();
      },
    });
    const code = await main(['export', '--format', 'fhir', '--date', today, '--out', out, '--db', db], {
      out: quiet,
      err: quiet,
    });
    if (code !== 0) throw new Error(`footing export exited ${code}`);
    return readFileSync(out).length;
  }
  const text = `${JSON.stringify(await exportFhirBundle(store.db, personId, { today }), null, 2)}\n`;
  writeFileSync(out, text);
  return Buffer.byteLength(text);
};
await work();
gc();
gc();
writeFileSync('/proc/self/clear_refs', '5');
const base = status('VmRSS');
const t0 = performance.now();
const bytes = await work();
const ms = performance.now() - t0;
const peak = status('VmHWM');
await app?.close();
await store.close();
console.log(JSON.stringify({ mode, bytes, ms, baseMb: mb(base), peakGrowthMb: mb(peak - base) }));

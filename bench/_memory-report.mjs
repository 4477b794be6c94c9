/**
 * Preloaded into the servers of bench/soak.ts (`node --import` this file): once a second it writes the process's own
 * memory split (process.memoryUsage(): RSS, the JavaScript heap, external and array buffers) to
 * `$FOOTING_BENCH_MEMORY_DIR/<pid>.json`, replaced whole each time, so the bench can tell memory outside the
 * JavaScript heap (pg's buffers, sockets, native allocations) from the heap itself, which RSS alone cannot.
 * Nothing is written without FOOTING_BENCH_MEMORY_DIR. The timer is unref'd: it never keeps a server alive.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.FOOTING_BENCH_MEMORY_DIR;
if (dir) {
  const file = join(dir, `${process.pid}.json`);
  const write = () => {
    try {
      // Written beside, then renamed: the bench never reads half a file.
      writeFileSync(`${file}.tmp`, JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
      renameSync(`${file}.tmp`, file);
    } catch {
      /* the folder went with the bench: nothing to report to */
    }
  };
  write();
  setInterval(write, 1000).unref();
}

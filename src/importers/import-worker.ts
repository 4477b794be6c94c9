/**
 * Worker thread side of `importFileInWorker` (import-in-worker.ts): runs the importer on one file, gathers its
 * samples into day chunks (sample-chunks.ts) and posts them as transferred bytes, waiting for the main thread to
 * take them when too many are in flight. The main thread merges and stores the chunks and sums their days.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { importAppleHealth, importAppleHealthPart } from './apple-health/import.js';
import { detectFormat, DETECT_HEAD_BYTES } from './detect-format.js';
import { displayName, readHead } from './file-input.js';
import type { AnyImportOptions } from './import-file.js';
import type { ImportSummary } from './import-sink.js';
import { ChunkCollector, packChunks } from './sample-chunks.js';
import { threadCpuMs } from './thread-cpu.js';
import type { WorkerReply, WorkerRequest } from './import-in-worker.js';

const cpuAtStart = threadCpuMs();
const port = parentPort!;
const { path, options, maxInFlight, maxChunkSamples, part } = workerData as WorkerRequest;

let inFlight = 0;
let blockedMs = 0;
let wake: (() => void) | null = null;
/** Delivery buffers the main thread handed back, reused for the next deliveries. */
const buffers: ArrayBuffer[] = [];
port.on('message', (m: { type: 'ack'; buffer?: ArrayBuffer }) => {
  if (m.type !== 'ack') return;
  if (m.buffer && buffers.length < maxInFlight + 1) buffers.push(m.buffer);
  inFlight--;
  const w = wake;
  wake = null;
  w?.();
});

const post = (m: WorkerReply, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
const collector = new ChunkCollector(
  (chunks) => {
    const packed = packChunks(chunks, buffers);
    inFlight++;
    post({ type: 'chunks', packed }, [packed.buffer]);
  },
  { recycle: true, ...(maxChunkSamples ? { maxSamples: maxChunkSamples } : {}) },
);

try {
  const importOptions: AnyImportOptions = {
    ...options,
    onBytes: (bytes, total) => post({ type: 'bytes', bytes, total }),
    onBatch: async (batch, times) => {
      for (let i = 0; i < batch.length; i++) collector.add(batch[i]!, times[i]);
      // Back-pressure: the parser runs ahead of the store by at most `maxInFlight` messages (memory stays flat).
      if (inFlight >= maxInFlight) {
        const t = performance.now();
        while (inFlight >= maxInFlight) await new Promise<void>((r) => (wake = r));
        blockedMs += performance.now() - t;
      }
    },
  };
  // A part of a file read by two threads, or the whole file.
  const r = part ? await importAppleHealthPart(path, part, importOptions) : null;
  const summary = r ? r.summary : await importAny(path, importOptions);
  if (r ? r.valid : summary.ok) collector.flush();
  const cpuNow = threadCpuMs();
  const cpuMs = cpuAtStart === null || cpuNow === null ? null : cpuNow - cpuAtStart;
  post({ type: 'done', summary, blockedMs, cpuMs, ...(r ? { part: { merger: r.merger, valid: r.valid } } : {}) });
} catch (e) {
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}

/**
 * Apple Health exports (the files large enough to come here) go straight to their importer; other formats load
 * `importFile` and every importer with it (the FIT SDK alone adds ~6 MB of heap to this thread).
 */
async function importAny(file: string, opts: AnyImportOptions): Promise<ImportSummary> {
  // The main thread detected the format already (import-walking.ts); detect here only when it did not say.
  let format = opts.detected === undefined ? undefined : opts.detected?.format;
  if (opts.detected === undefined) {
    try {
      format = detectFormat(await readHead(file, DETECT_HEAD_BYTES), displayName(file))?.format;
    } catch {
      format = undefined; // importFile reports the unreadable file
    }
  }
  if (format === 'apple-health-xml' || format === 'apple-health-zip') return importAppleHealth(file, opts);
  const { importFile } = await import('./import-file.js');
  return importFile(file, opts);
}

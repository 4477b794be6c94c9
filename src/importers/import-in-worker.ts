/**
 * Runs an import on a worker thread: parsing and normalising on one core while the caller stores the batches on
 * another. Same meaning as `importFile` (summary, strict/lenient, batches in file order, awaited), plus the
 * samples as day chunks (the caller sums their days: WalkingDaysAccumulator.addChunk).
 *
 * Samples arrive as day chunks (sample-chunks.ts), their bytes transferred. At most `maxInFlight` messages are
 * posted but not yet taken by the caller, so a slow store slows the parser rather than filling memory.
 */
import { Worker } from 'node:worker_threads';
import type { AnyImportOptions } from './import-file.js';
import type { ImportSummary } from './import-sink.js';
import type { SampleChunk } from '../core/walking-chunk.js';
import type { MergerState } from '../core/walking-merge.js';
import type { ApplePart } from './apple-health/import.js';
import { unpackChunks, type PackedChunks } from './sample-chunks.js';

/** What the worker is given (plain data only: no callbacks cross the boundary). */
export interface WorkerRequest {
  path: string;
  options: Omit<AnyImportOptions, 'onBatch' | 'onBytes'>;
  maxInFlight: number;
  /** Samples the worker holds before posting its open chunks (default: the collector's). */
  maxChunkSamples?: number | undefined;
  /** Only this part of a plain Apple Health export (apple-health.ts: importAppleHealthPart). */
  part?: ApplePart | undefined;
}

/** What the worker posts back. */
export type WorkerReply =
  | { type: 'chunks'; packed: PackedChunks }
  | { type: 'bytes'; bytes: number; total: number | null }
  | {
      type: 'done';
      summary: ImportSummary;
      blockedMs: number;
      cpuMs: number | null;
      part?: { merger: MergerState | null; valid: boolean };
    }
  | { type: 'error'; message: string };

/** Options of an import on a worker thread. */
export type WorkerImportOptions = Omit<AnyImportOptions, 'onBatch'> & {
  /** Receives the samples as day chunks, in the order the worker posts them; awaited before the worker is told
   * to go on. A day may come in several chunks (the worker holds a bounded number of samples). The chunks' columns
   * are views of a buffer handed back to the worker afterwards: copy what you keep. */
  onChunks: (chunks: SampleChunk[]) => void | Promise<void>;
  /** Messages posted ahead of the caller; default 2 (one being stored, one ready). */
  maxInFlight?: number;
  /** Samples the worker holds before posting (tests make it small). */
  maxChunkSamples?: number;
  /** Import only this part of a plain Apple Health export; the result then carries `part`. */
  part?: ApplePart;
};

/** Where the time went, to tell which side bounds the import (milliseconds of wall time). */
export interface WorkerTiming {
  /** From the call to the first batch: the worker's start-up (module loading) and the first batch's parse. */
  firstBatchMs: number;
  /** The caller storing chunks (its onChunks). */
  storeMs: number;
  /** The worker waiting for the caller to take batches (back-pressure): the store was the slower side. */
  parserBlockedMs: number;
  totalMs: number;
  /** CPU time of the worker thread after its modules loaded (Linux; null elsewhere): the parser's real cost. */
  parserCpuMs: number | null;
}

/** The summary, and where the time went. */
export interface WorkerImportResult {
  summary: ImportSummary;
  /** For a part: its daily merge and whether it can stand (ApplePartResult). */
  part?: { merger: MergerState | null; valid: boolean };
  timing: WorkerTiming;
}

/** Young generation of the worker's heap, MB (see startWorker). */
const WORKER_YOUNG_GENERATION_MB = 8;

/** Default batch size on the worker: smaller than the in-process default so batches die in the young generation. */
export const WORKER_BATCH_SIZE = 500;

/** Imports `path` on a worker thread. Rejects only on internal failures (a bad file is a summary, as ever). */
export function importFileInWorker(path: string, options: WorkerImportOptions): Promise<WorkerImportResult> {
  const { onChunks, onBytes, maxInFlight = 2, maxChunkSamples, part, ...rest } = options;
  const plain = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => typeof v !== 'function'),
  ) as WorkerRequest['options'];
  const request: WorkerRequest = {
    path,
    options: { batchSize: WORKER_BATCH_SIZE, ...plain },
    maxInFlight,
    maxChunkSamples,
    part,
  };
  const t0 = performance.now();
  let firstBatchMs = -1;
  let storeMs = 0;
  const worker = startWorker(request);
  return new Promise<WorkerImportResult>((resolve, reject) => {
    let chain: Promise<void> = Promise.resolve();
    let failed = false;
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      void worker.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    worker.on('message', (m: WorkerReply) => {
      if (failed) return;
      if (m.type === 'chunks') {
        // Batches are taken one after another, in order, even when the caller's store is asynchronous.
        if (firstBatchMs < 0) firstBatchMs = performance.now() - t0;
        chain = chain
          .then(async () => {
            if (failed) return;
            const t = performance.now();
            await onChunks(unpackChunks(m.packed));
            storeMs += performance.now() - t;
            // The buffer goes back for reuse (no garbage per message on either thread).
            worker.postMessage({ type: 'ack', buffer: m.packed.buffer }, [m.packed.buffer]);
          })
          .catch(fail);
      } else if (m.type === 'bytes') onBytes?.(m.bytes, m.total);
      else if (m.type === 'done') {
        chain.then(() => {
          if (failed) return;
          failed = true; // settled
          void worker.terminate();
          const timing = {
            firstBatchMs: Math.max(0, firstBatchMs),
            storeMs,
            parserBlockedMs: m.blockedMs,
            totalMs: performance.now() - t0,
            parserCpuMs: m.cpuMs,
          };
          resolve({ summary: m.summary, timing, ...(m.part ? { part: m.part } : {}) });
        }, fail);
      } else fail(new Error(`import worker: ${m.message}`));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!failed) fail(new Error(`import worker exited (code ${code}) before the end of the file`));
    });
  });
}

/**
 * Starts the worker. From TypeScript sources (tsx, as the CLI and the tests run), a worker thread does not
 * inherit the parent's tsx hooks, so a two-line bootstrap registers tsx before importing the worker module.
 */
function startWorker(request: WorkerRequest): Worker {
  const self = import.meta.url;
  // A small young generation, with small batches (WORKER_BATCH_SIZE) so that samples die young in it: measured
  // on a 100 MB export, 8 MB new + 8 MB old space instead of V8's default 32 MB new + 9-12 MB old (-25 MB RSS).
  const opts = { workerData: request, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } };
  if (!self.endsWith('.ts')) return new Worker(new URL('./import-worker.js', self), opts);
  const entry = new URL('./import-worker.ts', self).href;
  // tsx is resolved here, from this module: an eval'd worker resolves bare names from the current directory, which
  // is wherever the user ran `footing import` from.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, ...opts });
}

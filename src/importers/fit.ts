/**
 * FIT activity importer (Garmin and others), via Garmin's own SDK (@garmin/fitsdk).
 *
 * What becomes samples, for each session that is a walk (walking or hiking: the one rule of
 * src/core/walking-activity.ts; other sessions are left out and counted by what they were):
 * - additive totals once per session: duration (timer time), distance, steps;
 * - per record (instants): heart rate, cadence, speed; and the session's mean step length.
 * Totals come from the session, not from adding records, so a day is never counted twice.
 *
 * Cadence: FIT stores walking and running cadence in strides (cycles) per minute, one stride being two steps,
 * with the fraction in `fractional_cadence`; steps/min = 2 × (cadence + fractional). Steps likewise come from
 * `total_strides` × 2 (see ../shared/data/SOURCES.md, fitdecode's fenix 5 walk: cadence 53-58).
 *
 * Files: a FIT file may be several FIT files chained back to back (each with its own header and CRC); every
 * segment is checked (size, CRC) before decoding, and a truncated or corrupt segment is reported with its byte
 * offset. FIT files are small (kilobytes to a few MB), so the file is read whole; the SDK needs that anyway.
 */
import { said, type ImportProblemWords } from '../core/import-problem-words.js';
import { readFile } from 'node:fs/promises';
import { CrcCalculator, Decoder, Stream } from '@garmin/fitsdk';
import type { WalkingSample } from '../core/walking.js';
import { walkingVerdict } from '../core/walking-activity.js';
import { importError, importWarning, type ImportLocation } from './import-error.js';
import { ImportSink, type ImportOptions, type ImportSummary } from './import-sink.js';
import { displayName, ioDetail, ioProblem } from './file-input.js';
import { formatIsoWithOffset } from '../core/iso-time.js';

/** Options of the FIT importer. */
export type FitImportOptions = ImportOptions;

/** One FIT file inside a (possibly chained) FIT file. */
export interface FitSegment {
  /** Byte offset of the segment's header. */
  offset: number;
  headerSize: number;
  dataSize: number;
  /** Offset just past the segment's CRC. */
  end: number;
}

/** A problem of the chain: where the readable part ends and why. */
export interface FitChainProblem {
  code: 'truncated' | 'corrupt' | 'unsupported-format';
  words: ImportProblemWords;
  byteOffset: number;
}

/** Walks the chain of FIT headers; stops at the first segment that is cut short, corrupt or not FIT. */
export function scanFitChain(bytes: Uint8Array): { segments: FitSegment[]; problem: FitChainProblem | null } {
  const segments: FitSegment[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  while (pos < bytes.length) {
    const n = segments.length + 1;
    if (bytes.length - pos < 12) {
      return {
        segments,
        problem: { code: 'truncated', words: said('fit.header-short', { segment: n }), byteOffset: pos },
      };
    }
    const headerSize = bytes[pos]!;
    const magic = String.fromCharCode(bytes[pos + 8]!, bytes[pos + 9]!, bytes[pos + 10]!, bytes[pos + 11]!);
    if ((headerSize !== 12 && headerSize !== 14) || magic !== '.FIT') {
      const code = segments.length === 0 ? 'unsupported-format' : 'corrupt';
      return { segments, problem: { code, words: said('fit.no-header', { byte: pos }), byteOffset: pos } };
    }
    const dataSize = view.getUint32(pos + 4, true);
    const end = pos + headerSize + dataSize + 2;
    if (end > bytes.length) {
      return {
        segments,
        problem: {
          code: 'truncated',
          words: said('fit.segment-short', {
            segment: n,
            byte: pos,
            size: dataSize,
            end: bytes.length,
            short: end - bytes.length,
          }),
          byteOffset: bytes.length,
        },
      };
    }
    const crc = view.getUint16(end - 2, true);
    if (crc !== CrcCalculator.calculateCRC(bytes, pos, end - 2)) {
      return { segments, problem: { code: 'corrupt', words: said('fit.crc', { segment: n }), byteOffset: end - 2 } };
    }
    segments.push({ offset: pos, headerSize, dataSize, end });
    pos = end;
  }
  return { segments, problem: null };
}

/** Seconds between 1970 (Unix) and 1989-12-31 (FIT epoch); `local_timestamp` stays a raw FIT number. */
const FIT_EPOCH_S = 631_065_600;

/** A decoded FIT message, its fields by the SDK's names. */
export type Msg = Record<string, unknown>;

const asDate = (v: unknown): Date | null => (v instanceof Date && Number.isFinite(v.getTime()) ? v : null);
const asNum = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Imports a FIT file from a path. Never throws for a bad file: see the summary. */
export async function importFit(path: string, options: FitImportOptions = {}): Promise<ImportSummary> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
    options.onBytes?.(bytes.length, bytes.length);
  } catch (e) {
    const sink = new ImportSink('fit', displayName(path), options);
    sink.fatal(importError('unreadable', ioProblem(e), { file: sink.file, byteOffset: 0 }));
    return sink.finish();
  }
  return importFitBytes(displayName(path), bytes, options);
}

/** Imports FIT bytes (`file` names them in locations). */
export async function importFitBytes(
  file: string,
  bytes: Uint8Array,
  options: FitImportOptions = {},
): Promise<ImportSummary> {
  const sink = new ImportSink('fit', file, options);
  const messages = readFitMessages(bytes, sink);
  if (messages) collect(messages, sink, fitLocation(sink));
  return sink.finish();
}

/** Where in a FIT file: a byte offset and the field. */
function fitLocation(sink: ImportSink): (byteOffset: number, field?: string) => ImportLocation {
  return (byteOffset, field) => ({ file: sink.file, byteOffset, ...(field ? { field } : {}) });
}

/**
 * The messages of the verified segments of FIT bytes (in lenient mode also the readable start of a truncated last
 * one), by message name; the problems met go to the sink. Null when nothing can be imported.
 */
export function readFitMessages(bytes: Uint8Array, sink: ImportSink): Record<string, Msg[] | undefined> | null {
  const at = fitLocation(sink);
  const { segments, problem } = scanFitChain(bytes);
  if (problem) {
    const issue = importError(problem.code, problem.words, at(problem.byteOffset));
    if (problem.code === 'unsupported-format') {
      sink.fatal(issue);
      return null;
    }
    sink.issue(issue);
    if (sink.stopped) return null;
  }
  // Decode the verified segments; in lenient mode also the readable start of a truncated last one.
  const decodeEnd = problem?.code === 'truncated' ? bytes.length : (segments.at(-1)?.end ?? 0);
  const decoder = new Decoder(Stream.fromBuffer(bytes.subarray(0, decodeEnd)));
  let messages: Record<string, Msg[] | undefined>;
  try {
    // mergeHeartRates: swims store chest-strap heart rate as HR messages (in later chained segments on the
    // fr935); the SDK folds them into the records.
    const result = decoder.read({ mergeHeartRates: true });
    messages = result.messages as unknown as Record<string, Msg[] | undefined>;
    const sdkError = result.errors[0];
    // The chain scan already reported a truncation; other SDK errors (bad definitions, ...) are new.
    if (sdkError && problem?.code !== 'truncated') {
      const offset = Number(/at byte (\d+)/.exec(String(sdkError.message))?.[1] ?? 0);
      sink.issue(
        importError(
          'corrupt',
          said('fit.undecodable', { detail: String(sdkError.message).replace(/^FIT Runtime Error\s*/, '') }),
          at(offset),
        ),
      );
    }
  } catch (e) {
    sink.fatal(importError('corrupt', said('fit.undecodable', ioDetail(e)), at(0)));
    return null;
  }
  return sink.stopped ? null : messages;
}

function collect(
  messages: Record<string, Msg[] | undefined>,
  sink: ImportSink,
  at: (byteOffset: number, field?: string) => ImportLocation,
): void {
  // The wearer's offset from the activity message (local_timestamp - timestamp), to the nearest 15 minutes.
  let offsetMinutes = 0;
  const activity = messages.activityMesgs?.[0];
  const actTs = asDate(activity?.timestamp);
  const local = asNum(activity?.localTimestamp);
  if (actTs && local !== null) {
    offsetMinutes = Math.round(((local + FIT_EPOCH_S) * 1000 - actTs.getTime()) / 60_000 / 15) * 15;
  } else {
    sink.issue(importWarning('missing-field', said('fit.no-local-time'), at(0, 'activity.local_timestamp')));
  }
  const iso = (ms: number): string | null => formatIsoWithOffset(ms, offsetMinutes);
  const records = messages.recordMesgs ?? [];
  sink.recordsSeen = records.length;
  let sessions = messages.sessionMesgs ?? [];
  if (sessions.length === 0 && records.length > 0) {
    // A file cut before its session message: one session spanning the records, sport from the sport message.
    const first = asDate(records[0]?.timestamp);
    const last = asDate(records.at(-1)?.timestamp);
    const sport = messages.sportMesgs?.[0]?.sport;
    if (first && last && typeof sport === 'string') {
      sessions = [{ startTime: first, totalElapsedTime: (last.getTime() - first.getTime()) / 1000, sport }];
    }
  }
  for (const session of sessions) {
    const verdict = walkingVerdict('fit', typeof session.sport === 'string' ? session.sport : null);
    if (!verdict.walking) {
      sink.skip(verdict.kind);
      continue;
    }
    const start = asDate(session.startTime);
    const elapsed = asNum(session.totalElapsedTime);
    if (!start || elapsed === null) {
      sink.issue(
        importWarning(
          'missing-field',
          said('fit.session-incomplete'),
          at(0, start ? 'session.total_elapsed_time' : 'session.start_time'),
        ),
      );
      continue;
    }
    const startMs = start.getTime();
    // The session's own timestamp is its end; elapsed time can stop a second short of the last record.
    const endMs = Math.max(startMs + elapsed * 1000, asDate(session.timestamp)?.getTime() ?? 0);
    const s = iso(startMs);
    const e = iso(startMs + elapsed * 1000);
    if (!s || !e) {
      sink.issue(importError('bad-date', said('fit.session-time'), at(0, 'session.start_time')));
      continue;
    }
    const base = { source: 'fit', device: deviceName(messages), start: s, end: e };
    const add = (kind: WalkingSample['kind'], value: number | null, unit: WalkingSample['unit']): void => {
      if (value !== null && value >= 0) sink.add({ ...base, kind, value, unit });
    };
    add('duration', asNum(session.totalTimerTime) ?? elapsed, 's');
    add('distance', asNum(session.totalDistance), 'm');
    const strides = asNum(session.totalStrides) ?? asNum(session.totalCycles);
    add('steps', strides === null ? null : strides * 2, 'count');
    const stepMm = asNum(session.avgStepLength);
    add('step_length', stepMm === null ? null : stepMm / 1000, 'm');
    for (const r of records) {
      const t = asDate(r.timestamp);
      if (!t || t.getTime() < startMs || t.getTime() > endMs) continue;
      // Instants: a record is one reading at one time.
      const ts = iso(t.getTime())!;
      const instant = { source: 'fit', device: base.device, start: ts, end: ts };
      const hr = asNum(r.heartRate);
      if (hr !== null) sink.add({ ...instant, kind: 'heart_rate', value: hr, unit: 'bpm' });
      const cad = asNum(r.cadence);
      if (cad !== null)
        sink.add({
          ...instant,
          kind: 'cadence',
          value: 2 * (cad + (asNum(r.fractionalCadence) ?? 0)),
          unit: 'steps/min',
        });
      const speed = asNum(r.enhancedSpeed) ?? asNum(r.speed);
      if (speed !== null) sink.add({ ...instant, kind: 'speed', value: speed, unit: 'm/s' });
    }
  }
}

/** "garmin fenix5" from the file_id message, or null. */
function deviceName(messages: Record<string, Msg[] | undefined>): string | null {
  const id = messages.fileIdMesgs?.[0];
  if (!id) return null;
  const parts = [id.manufacturer, id.garminProduct ?? id.product].filter((p) => p !== undefined && p !== null);
  return parts.length ? parts.join(' ') : null;
}

/**
 * A walk counted live on the phone (the Walk now screen, src/core/step-counter.ts) as the page sends it, and the
 * walking samples it is stored as. Its home is the walking samples (src/core/walking.ts): it is stored like any
 * import, through the same chunk merge (src/store/repos/walking.ts), so a walk another device also counted is not
 * added twice (the 15-minute slot rule, src/core/walking-day.ts) and a resend adds nothing (same stream, start
 * and end). Pure: no I/O.
 */
import { z } from 'zod';
import { says, saying } from './validation-words.js';
import { formatIsoWithOffset } from './iso-time.js';
import { IMPORT_RECORD_VERSION, importStatus, type ImportRecord } from './import-record.js';
import { clientId, isoDateTime } from './record-fields.js';
import type { WalkingSample } from './walking.js';

/** The source and device of a phone walk's samples (shown on the Walking page's sources). */
export const PHONE_WALK_SOURCE = 'footing-phone';
export const PHONE_WALK_DEVICE = 'Walk now';
/** The `format` of a phone walk's row in the import history (src/store/repos/imports.ts). */
export const PHONE_WALK_FORMAT = 'phone-walk';
/** More steps in one minute than anyone walks (the counter itself keeps steps at least 350 ms apart: 171/min). */
export const MAX_STEPS_PER_MINUTE = 250;
/** A walk longer than this is not one walk (the phone was left counting). */
export const MAX_WALK_MS = 12 * 3600_000;

const offsetOf = (iso: string): number => {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0; // 'Z' is UTC
};

export const PhoneWalkInput = z
  .object({
    clientId,
    /** When Start was tapped and when Stop was, with the phone's offset. */
    start: isoDateTime,
    end: isoDateTime,
    /** Steps in each minute from the start (the last minute may be shorter); they sum to `steps`. */
    stepsPerMinute: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(MAX_STEPS_PER_MINUTE, says('walk.steps-per-minute', { max: MAX_STEPS_PER_MINUTE })),
      )
      .min(1),
    steps: z.number().int().min(0),
    /** Seconds between steps of the walk (pauses over 2 s left out: summariseSteps). */
    walkingSeconds: z.number().min(0),
    cadenceSpm: z.number().min(0).max(MAX_STEPS_PER_MINUTE).nullable(),
  })
  .strict()
  .superRefine((w, ctx) => {
    const ms = Date.parse(w.end) - Date.parse(w.start);
    if (!(ms > 0)) return ctx.addIssue({ code: 'custom', path: ['end'], ...saying('walk.end-after-start') });
    if (ms > MAX_WALK_MS)
      return ctx.addIssue({
        code: 'custom',
        path: ['end'],
        ...saying('walk.within-hours', { hours: MAX_WALK_MS / 3_600_000 }),
      });
    if (w.stepsPerMinute.length !== Math.ceil(ms / 60_000))
      ctx.addIssue({
        code: 'custom',
        path: ['stepsPerMinute'],
        ...saying('walk.count-per-minute', { minutes: Math.ceil(ms / 60_000) }),
      });
    if (w.stepsPerMinute.reduce((a, b) => a + b, 0) !== w.steps)
      ctx.addIssue({ code: 'custom', path: ['steps'], ...saying('walk.steps-sum') });
    if (w.walkingSeconds > ms / 1000 + 1)
      ctx.addIssue({ code: 'custom', path: ['walkingSeconds'], ...saying('walk.seconds-within') });
  });
export type PhoneWalkInput = z.infer<typeof PhoneWalkInput>;

/**
 * The samples of a walk: the steps of each minute that had any, the walking time and the cadence over the whole
 * walk. Every timestamp keeps the phone's offset (it gives the local day).
 */
export function phoneWalkSamples(w: PhoneWalkInput): WalkingSample[] {
  const offset = offsetOf(w.start);
  const t0 = Date.parse(w.start);
  const t1 = Date.parse(w.end);
  const iso = (ms: number) => formatIsoWithOffset(ms, offset)!;
  const base = { source: PHONE_WALK_SOURCE, device: PHONE_WALK_DEVICE } as const;
  const out: WalkingSample[] = [];
  w.stepsPerMinute.forEach((n, i) => {
    if (n > 0)
      out.push({
        ...base,
        start: iso(t0 + i * 60_000),
        end: iso(Math.min(t0 + (i + 1) * 60_000, t1)),
        kind: 'steps',
        value: n,
        unit: 'count',
      });
  });
  const start = iso(t0);
  const end = iso(t1);
  if (w.walkingSeconds > 0)
    out.push({ ...base, start, end, kind: 'duration', value: Math.round(w.walkingSeconds), unit: 's' });
  if (w.cadenceSpm !== null && w.cadenceSpm > 0)
    out.push({ ...base, start, end, kind: 'cadence', value: w.cadenceSpm, unit: 'steps/min' });
  return out;
}

/**
 * The walk the page sends, from what it counted: `startEpochMs` when Start was tapped (wall clock), `offsetMinutes`
 * the phone's offset then (minutes east of UTC), `durationMs` until Stop, `stepOffsetsMs` each step's time from
 * the start. Times are sent to the second (start rounded down, end up), and each step falls in its minute of that.
 */
export function phoneWalkFromCount(input: {
  clientId: string;
  startEpochMs: number;
  offsetMinutes: number;
  durationMs: number;
  stepOffsetsMs: readonly number[];
  walkingSeconds: number;
  cadenceSpm: number | null;
}): PhoneWalkInput {
  const start = Math.floor(input.startEpochMs / 1000) * 1000;
  const end = Math.max(start + 1000, Math.ceil((input.startEpochMs + input.durationMs) / 1000) * 1000);
  const minutes = Math.ceil((end - start) / 60_000);
  const stepsPerMinute = new Array<number>(minutes).fill(0);
  for (const t of input.stepOffsetsMs) {
    const i = Math.min(minutes - 1, Math.max(0, Math.floor((input.startEpochMs + t - start) / 60_000)));
    stepsPerMinute[i]! += 1;
  }
  return {
    clientId: input.clientId,
    start: formatIsoWithOffset(start, input.offsetMinutes)!,
    end: formatIsoWithOffset(end, input.offsetMinutes)!,
    stepsPerMinute: stepsPerMinute.map((n) => Math.min(n, MAX_STEPS_PER_MINUTE)),
    steps: stepsPerMinute.reduce((a, n) => a + Math.min(n, MAX_STEPS_PER_MINUTE), 0),
    walkingSeconds: Math.min(input.walkingSeconds, (end - start) / 1000),
    cadenceSpm: input.cadenceSpm,
  };
}

/** The name a phone walk has in the import history: what it was and its steps as counted ("Walk now, 1,234 steps"). */
export function phoneWalkHistoryName(w: Pick<PhoneWalkInput, 'steps'>): string {
  return `${PHONE_WALK_DEVICE}, ${w.steps.toLocaleString('en')} step${w.steps === 1 ? '' : 's'}`;
}

/**
 * A phone walk's record in the import history, in the meanings an import's figures have (src/core/import-record.ts):
 * one record read (the walk), the measurements it gave (`samples`), of which `added` were new (the rest were stored
 * already: a walk another device counted too). Nothing is skipped and nothing is damaged: the walk was checked whole.
 * `dates`: the local days it covers.
 */
export function phoneWalkImportRecord(samples: number, added: number, dates: readonly string[]): ImportRecord {
  const sorted = [...new Set(dates)].sort();
  return {
    version: IMPORT_RECORD_VERSION,
    status: importStatus({ ok: true, added }),
    mode: 'strict',
    records: 1,
    samples,
    added,
    duplicates: samples - added,
    skipped: 0,
    skippedBy: {},
    errorCount: 0,
    warningCount: 0,
    problems: [],
    days: { count: sorted.length, first: sorted[0] ?? null, last: sorted.at(-1) ?? null },
  };
}

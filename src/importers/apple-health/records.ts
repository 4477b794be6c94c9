/**
 * Apple Health record types Footing keeps, and their conversion to `WalkingSample` units.
 *
 * Percentages: HealthKit's `HKUnit.percent()` "measures a value between 0.0 and 1.0"
 * (developer.apple.com/documentation/healthkit/hkunit/percent()), and the export writes each quantity's value in
 * its unit, so `unit="%" value="0.27"` means 27 %. Apple's pages for walkingDoubleSupportPercentage (typical
 * walk 20-40 %) and appleWalkingSteadiness ("between 0.0 and 1.0") use the same unit. We store 0..100, so the
 * value is multiplied by 100; a value above 1 with unit "%" is therefore rejected as out of range rather than
 * guessed at.
 */
import { said, type ImportProblemWords } from '../../core/import-problem-words.js';
import { WALKING_KINDS, type WalkingKind, type WalkingSample } from '../../core/walking.js';
import { daysFromCivil, type SampleTimes } from '../../core/walking-merge.js';
import type { ImportErrorCode } from '../import-error.js';
import { quoteToken } from '../import-error.js';

/** HealthKit quantity identifiers kept, with the sample kind each becomes. */
export const APPLE_RECORD_KINDS: ReadonlyMap<string, WalkingKind> = new Map<string, WalkingKind>([
  ['HKQuantityTypeIdentifierStepCount', 'steps'],
  ['HKQuantityTypeIdentifierDistanceWalkingRunning', 'distance'],
  ['HKQuantityTypeIdentifierWalkingSpeed', 'speed'],
  ['HKQuantityTypeIdentifierWalkingStepLength', 'step_length'],
  ['HKQuantityTypeIdentifierWalkingAsymmetryPercentage', 'asymmetry'],
  ['HKQuantityTypeIdentifierWalkingDoubleSupportPercentage', 'double_support'],
  ['HKQuantityTypeIdentifierAppleWalkingSteadiness', 'steadiness'],
  // Apple's own walking-only heart rate average: the heart rate of walks, which the program cares about.
  ['HKQuantityTypeIdentifierWalkingHeartRateAverage', 'heart_rate'],
]);

/** The attributes of a kept Record that `normaliseAppleRecord` reads (the fast scanner decodes only these). */
export const APPLE_RECORD_ATTRIBUTES: readonly string[] = [
  'type',
  'unit',
  'value',
  'sourceName',
  'startDate',
  'endDate',
];

/** Factor from an Apple unit to the WalkingSample unit of a kind; undefined = not convertible. */
const UNIT_FACTORS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  count: { count: 1 },
  m: { m: 1, km: 1000, cm: 0.01, mm: 0.001, mi: 1609.344, ft: 0.3048, in: 0.0254, yd: 0.9144 },
  'm/s': { 'm/s': 1, 'km/hr': 1 / 3.6, 'km/h': 1 / 3.6, 'mi/hr': 0.44704, 'mi/h': 0.44704, 'ft/s': 0.3048 },
  '%': { '%': 100 },
  bpm: { 'count/min': 1, bpm: 1 },
};

/** Seconds per Apple duration unit (Workout durationUnit). */
const DURATION_FACTORS: Readonly<Record<string, number>> = { s: 1, min: 60, hr: 3600, h: 3600, ms: 0.001 };

/** A problem with one record; the caller adds the location. */
export interface RecordProblem extends ImportProblemWords {
  code: ImportErrorCode;
  field: string;
}

/** Days per month in a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The fixed shape Apple writes: "YYYY-MM-DD HH:MM:SS +HHMM" (25 characters). */
const APPLE_DATE_LENGTH = 25;

function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a < 0 || a > 9 || b < 0 || b > 9 ? -1 : a * 10 + b;
}

/** What `parseAppleDateFields` found besides the ISO text (module scratch: no object per date). */
let parsedUtcMs = 0;
let parsedOffsetMinutes = 0;
/** The last offset text seen ("+0100") and its ISO form ("+01:00"): an export rarely changes zone. (The
 * initial values match no date.) */
let lastOffsetRaw = '\u0000';
let lastOffsetIso = '';
/** The last date part seen ("2014-09-13") and its day number: a record's start and end, and record after record,
 * nearly always share it, so it is checked and converted once. */
let lastDate = '\u0000';
let lastDays = 0;

/**
 * The core of `parseAppleDate`: returns the ISO text and leaves the UTC milliseconds and the offset in
 * `parsedUtcMs` / `parsedOffsetMinutes`, or returns null. Hand-parsed and allocation-light: it runs twice for
 * every record of multi-GB files.
 */
function parseAppleDateFields(raw: string): string | null {
  if (
    raw.length !== APPLE_DATE_LENGTH ||
    raw.charCodeAt(10) !== 32 ||
    raw.charCodeAt(13) !== 58 ||
    raw.charCodeAt(16) !== 58 ||
    raw.charCodeAt(19) !== 32
  )
    return null;
  const sign = raw.charCodeAt(20);
  if (sign !== 43 && sign !== 45) return null;
  let days: number;
  if (raw.startsWith(lastDate)) days = lastDays;
  else {
    if (raw.charCodeAt(4) !== 45 || raw.charCodeAt(7) !== 45) return null;
    const y0 = twoDigits(raw, 0),
      y1 = twoDigits(raw, 2),
      mo = twoDigits(raw, 5),
      d = twoDigits(raw, 8);
    if (y0 < 0 || y1 < 0 || mo < 1 || mo > 12 || d < 1) return null;
    const y = y0 * 100 + y1;
    if (d > (mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[mo - 1]!)) return null;
    days = daysFromCivil(y, mo, d);
    lastDate = raw.slice(0, 10);
    lastDays = days;
  }
  const h = twoDigits(raw, 11),
    mi = twoDigits(raw, 14),
    se = twoDigits(raw, 17);
  const oh = twoDigits(raw, 21),
    om = twoDigits(raw, 23);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59 || oh < 0 || oh > 18 || om < 0 || om > 59) return null;
  const offset = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  parsedUtcMs = (days * 86400 + h * 3600 + mi * 60 + se - offset * 60) * 1000;
  parsedOffsetMinutes = offset;
  if (!raw.endsWith(lastOffsetRaw)) {
    lastOffsetRaw = raw.slice(20);
    lastOffsetIso = `${lastOffsetRaw.slice(0, 3)}:${lastOffsetRaw.slice(3)}`;
  }
  return `${lastDate}T${raw.slice(11, 19)}${lastOffsetIso}`;
}

/**
 * "2014-09-13 10:27:54 +0100" -> "2014-09-13T10:27:54+01:00" (offset kept) and its UTC milliseconds, or null if
 * not that shape or not a real date.
 */
export function parseAppleDate(raw: string): { iso: string; utcMs: number; offsetMinutes: number } | null {
  const iso = parseAppleDateFields(raw);
  return iso === null ? null : { iso, utcMs: parsedUtcMs, offsetMinutes: parsedOffsetMinutes };
}

/** "2014-09-13 10:27:54 +0100" -> "2014-09-13T10:27:54+01:00" (offset kept), or null if not that shape. */
export function appleDateToIso(raw: string): string | null {
  return parseAppleDate(raw)?.iso ?? null;
}

function readNumber(raw: string | undefined, field: string): number | RecordProblem {
  if (raw === undefined) return { code: 'missing-field', ...said('xml.missing-attribute', { field }), field };
  const v = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(v))
    return { code: 'bad-value', ...said('xml.not-a-number', { field, token: quoteToken(raw) }), field };
  if (v < 0) return { code: 'bad-value', ...said('apple.negative', { field, token: quoteToken(raw) }), field };
  return v;
}

interface RecordDates {
  start: string;
  end: string;
  seconds: number;
  times: SampleTimes;
}

function readDates(attrs: Readonly<Record<string, string>>): RecordDates | RecordProblem {
  return readDateFields(attrs.startDate, attrs.endDate);
}

function readDateFields(raw0: string | undefined, raw1: string | undefined): RecordDates | RecordProblem {
  if (raw0 === undefined)
    return { code: 'missing-field', ...said('xml.missing-attribute', { field: 'startDate' }), field: 'startDate' };
  if (raw1 === undefined)
    return { code: 'missing-field', ...said('xml.missing-attribute', { field: 'endDate' }), field: 'endDate' };
  const start = parseAppleDateFields(raw0);
  if (start === null)
    return {
      code: 'bad-date',
      ...said('apple.not-a-date', { field: 'startDate', token: quoteToken(raw0) }),
      field: 'startDate',
    };
  const startUtcMs = parsedUtcMs;
  const offsetMinutes = parsedOffsetMinutes;
  const date = lastDate;
  const end = parseAppleDateFields(raw1);
  if (end === null)
    return {
      code: 'bad-date',
      ...said('apple.not-a-date', { field: 'endDate', token: quoteToken(raw1) }),
      field: 'endDate',
    };
  const endUtcMs = parsedUtcMs;
  if (endUtcMs < startUtcMs) return { code: 'bad-date', ...said('apple.end-before-start'), field: 'endDate' };
  // The offsets and the start's date go along, so that no one needs to read them back out of the ISO texts.
  return {
    start,
    end,
    seconds: (endUtcMs - startUtcMs) / 1000,
    times: { startUtcMs, endUtcMs, offsetMinutes, endOffsetMinutes: parsedOffsetMinutes, date },
  };
}

function isProblem(x: unknown): x is RecordProblem {
  return typeof x === 'object' && x !== null && 'code' in x;
}

/** A converted record with its parsed times (for the daily merge). */
export interface AppleSample {
  sample: WalkingSample;
  times: SampleTimes;
}

/** Converts one kept `<Record>` (its attributes) into a sample, or says what is wrong with it. */
export function normaliseAppleRecord(
  kind: WalkingKind,
  attrs: Readonly<Record<string, string>>,
): AppleSample | RecordProblem {
  return normaliseAppleRecordFields(kind, attrs.unit, attrs.value, attrs.sourceName, attrs.startDate, attrs.endDate);
}

/**
 * `normaliseAppleRecord` on the attribute values themselves (undefined = absent): the fast scanner's path, which
 * builds no attribute object per record. Both parsers end here, so they cannot disagree.
 */
export function normaliseAppleRecordFields(
  kind: WalkingKind,
  rawUnit: string | undefined,
  rawValue: string | undefined,
  sourceName: string | undefined,
  startDate: string | undefined,
  endDate: string | undefined,
): AppleSample | RecordProblem {
  const unit = WALKING_KINDS[kind];
  if (rawUnit === undefined)
    return { code: 'missing-field', ...said('xml.missing-attribute', { field: 'unit' }), field: 'unit' };
  const factor = UNIT_FACTORS[unit]?.[rawUnit];
  if (factor === undefined) {
    return { code: 'unsupported-unit', ...said('apple.unit', { token: quoteToken(rawUnit), unit }), field: 'unit' };
  }
  const raw = readNumber(rawValue, 'value');
  if (isProblem(raw)) return raw;
  if (unit === '%' && raw > 1) {
    return { code: 'bad-value', ...said('apple.percent', { value: String(raw) }), field: 'value' };
  }
  const dates = readDateFields(startDate, endDate);
  if (isProblem(dates)) return dates;
  const sample: WalkingSample = {
    source: 'apple-health',
    device: sourceName ?? null,
    start: dates.start,
    end: dates.end,
    kind,
    value: raw * factor,
    unit,
  };
  return { sample, times: dates.times };
}

/** Distance of a workout, from its attributes or from a WorkoutStatistics child (newer exports). */
export interface WorkoutDistance {
  value: string;
  unit: string;
}

/**
 * Converts a kept `<Workout>` into samples: its duration, and its mean speed when it has a distance. The
 * distance itself is not emitted: the same metres already arrive as DistanceWalkingRunning records of the same
 * device, so emitting it would double count.
 */
export function normaliseAppleWorkout(
  attrs: Readonly<Record<string, string>>,
  statsDistance: WorkoutDistance | null,
): WalkingSample[] | RecordProblem {
  const dates = readDates(attrs);
  if (isProblem(dates)) return dates;
  let seconds = dates.seconds;
  if (attrs.duration !== undefined) {
    const d = readNumber(attrs.duration, 'duration');
    if (isProblem(d)) return d;
    const f = DURATION_FACTORS[attrs.durationUnit ?? 'min'];
    if (f === undefined) {
      return {
        code: 'unsupported-unit',
        ...said('apple.duration-unit', { token: quoteToken(attrs.durationUnit ?? '') }),
        field: 'durationUnit',
      };
    }
    seconds = d * f;
  }
  const base = { source: 'apple-health', device: attrs.sourceName ?? null, start: dates.start, end: dates.end };
  const out: WalkingSample[] = [{ ...base, kind: 'duration', value: seconds, unit: 's' }];
  const dist =
    attrs.totalDistance !== undefined
      ? { value: attrs.totalDistance, unit: attrs.totalDistanceUnit ?? 'km', field: 'totalDistance' }
      : statsDistance
        ? { ...statsDistance, field: 'WorkoutStatistics.sum' }
        : null;
  if (dist) {
    const metres = readNumber(dist.value, dist.field);
    if (isProblem(metres)) return metres;
    const f = UNIT_FACTORS.m?.[dist.unit];
    if (f === undefined) {
      return {
        code: 'unsupported-unit',
        ...said('apple.distance-unit', { token: quoteToken(dist.unit) }),
        field: dist.field,
      };
    }
    if (metres > 0 && seconds > 0) out.push({ ...base, kind: 'speed', value: (metres * f) / seconds, unit: 'm/s' });
  }
  return out;
}

export { isProblem as isRecordProblem };

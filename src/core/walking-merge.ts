/**
 * Merging overlapping walking sources so daily totals never count the same steps twice.
 *
 * The problem: a phone in the pocket and a watch on the wrist both count the same walk. Apple Health's export
 * holds both sets of records; adding them doubles the day. Apple's own Health app solves it with a user-ordered
 * source priority list applied per time slot. An export carries no such list, so Footing uses a data-driven
 * variant of the same idea:
 *
 * **Rule (per time slot, per kind, the source that counted the most wins).** Local time is cut into fixed slots
 * (15 minutes by default). Every additive sample (steps, distance) is spread over the slots it covers in
 * proportion to time. Within one slot and kind, the amounts of each source (source + device) are summed, and
 * only the largest source counts for that slot. A day's total is the sum of its slots.
 *
 * Why this is defensible:
 * - Phone and watch recording the same walk fall in the same slots, so only one of them counts: no double count.
 * - Phone in the morning and watch in the afternoon fall in different slots, so both count (a plain
 *   "best source per day" rule would lose one of them).
 * - Taking the largest source favours the device that was actually carried (the phone left on a desk counts
 *   little); with one source it reduces to a plain sum.
 * - Limitation: two sources recording *different* walking inside the same 15-minute slot are under-counted
 *   (only the larger counts). Smaller slots shrink this but spread long samples thinner; 15 minutes keeps a
 *   typical Apple step record (seconds to ~10 minutes) inside one or two slots.
 * - It needs only per-slot per-source sums, so it streams: memory grows with days × slots × sources, not with
 *   the number of records (a multi-GB export has millions of records but a few thousand days).
 *
 * Slots are in each sample's own local time (the offset written in its timestamp), matching `localDate` in
 * `walking.ts`, so a day is the day the person lived.
 */
import type { WalkingSample } from './walking.js';

/** Totals for one local day after merging sources. Distance in metres. */
export interface MergedDayTotals {
  steps: number;
  distance_m: number;
}

/** Options of the merge. */
export interface WalkingMergeOptions {
  /** Length of a slot in minutes; must divide 1440. Default 15. */
  slotMinutes?: number;
}

/** Default slot length: see the rule in this module's header for why 15 minutes. */
export const DEFAULT_MERGE_SLOT_MINUTES = 15;

const MS_PER_MINUTE = 60_000;
const ISO_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Fast path for the shape every importer writes, "YYYY-MM-DDTHH:MM:SS(.fff)?(Z|+HH:MM)"; null if another shape.
 * Millions of samples pass through here, and Date.parse plus a regex cost several times more.
 */
function parseCommonIso(iso: string): { utcMs: number; offsetMinutes: number } | null {
  if (
    iso.length < 20 ||
    iso.charCodeAt(4) !== 45 ||
    iso.charCodeAt(7) !== 45 ||
    iso.charCodeAt(10) !== 84 ||
    iso.charCodeAt(13) !== 58 ||
    iso.charCodeAt(16) !== 58
  )
    return null;
  const y = digits(iso, 0, 4),
    mo = digits(iso, 5, 2),
    d = digits(iso, 8, 2);
  const h = digits(iso, 11, 2),
    mi = digits(iso, 14, 2),
    se = digits(iso, 17, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59)
    return null;
  let i = 19;
  let ms = 0;
  if (iso.charCodeAt(i) === 46) {
    let scale = 100;
    i++;
    const from = i;
    while (i < iso.length && iso.charCodeAt(i) >= 48 && iso.charCodeAt(i) <= 57) {
      ms += (iso.charCodeAt(i) - 48) * scale;
      scale /= 10;
      i++;
    }
    if (i === from) return null;
  }
  let offsetMinutes = 0;
  const tz = iso.charCodeAt(i);
  if (tz === 90 && i + 1 === iso.length) offsetMinutes = 0;
  else if ((tz === 43 || tz === 45) && i + 6 === iso.length && iso.charCodeAt(i + 3) === 58) {
    const oh = digits(iso, i + 1, 2),
      om = digits(iso, i + 4, 2);
    if (oh < 0 || om < 0) return null;
    offsetMinutes = (tz === 45 ? -1 : 1) * (oh * 60 + om);
  } else return null;
  const utcMs =
    (daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se) * 1000 + Math.round(ms) - offsetMinutes * MS_PER_MINUTE;
  return { utcMs, offsetMinutes };
}

/** Parses an ISO 8601 timestamp into UTC milliseconds and its written offset in minutes; null if unusable. */
export function parseIsoWithOffset(iso: string): { utcMs: number; offsetMinutes: number } | null {
  const fast = parseCommonIso(iso);
  if (fast) return fast;
  const utcMs = Date.parse(iso);
  if (!Number.isFinite(utcMs)) return null;
  const m = ISO_OFFSET.exec(iso);
  if (!m?.[1]) return null;
  const tz = m[1];
  if (tz === 'Z') return { utcMs, offsetMinutes: 0 };
  const sign = tz.startsWith('-') ? -1 : 1;
  const digitsOnly = tz.slice(1).replace(':', '');
  const offsetMinutes = sign * (Number(digitsOnly.slice(0, 2)) * 60 + Number(digitsOnly.slice(2, 4)));
  return { utcMs, offsetMinutes };
}

/** Parsed times of a sample, when the caller has them already. */
export interface SampleTimes {
  startUtcMs: number;
  endUtcMs: number;
  /** Offset of the start, in minutes east of UTC. */
  offsetMinutes: number;
  /** Offset of the end, when the importer parsed it (it can differ across a clock change). */
  endOffsetMinutes?: number;
  /** The start's local date ('YYYY-MM-DD'), when the importer has it as its own string. */
  date?: string;
}

/**
 * Streaming merger: feed samples with `add` in any order, read merged totals with `totals`.
 * Non-additive kinds (speed, cadence, heart rate, ...) are ignored: they are never summed.
 */
/**
 * Per-source sums by slot, stored a day at a time (one Float64Array of the day's slots): a real export's days
 * are dense with slots, so this is several times smaller than a Map entry per slot.
 */
class SlotSums {
  readonly days = new Map<number, Float64Array>();
  private lastDay = Number.NaN;
  private lastArr: Float64Array | null = null;

  constructor(private readonly slotsPerDay: number) {}

  add(slot: number, amount: number): void {
    const day = Math.floor(slot / this.slotsPerDay);
    let arr = this.lastArr;
    if (day !== this.lastDay || !arr) {
      arr = this.days.get(day) ?? null;
      if (!arr) this.days.set(day, (arr = new Float64Array(this.slotsPerDay)));
      this.lastDay = day;
      this.lastArr = arr;
    }
    arr[slot - day * this.slotsPerDay]! += amount;
  }
}

/** A merger's per-source slot sums (see DailyWalkingMerger.state). */
export interface MergerState {
  slotsPerDay: number;
  sources: { source: string; device: string; steps: [number, Float64Array][]; distance: [number, Float64Array][] }[];
}

export class DailyWalkingMerger {
  private readonly slotMs: number;
  private readonly slotsPerDay: number;
  /** source -> device -> small integer id, the index into `steps` and `distance`. */
  private readonly sourceIds = new Map<string, Map<string, number>>();
  private nextId = 0;
  private readonly steps: SlotSums[] = [];
  private readonly distance: SlotSums[] = [];

  constructor(options: WalkingMergeOptions = {}) {
    const minutes = options.slotMinutes ?? DEFAULT_MERGE_SLOT_MINUTES;
    if (!(minutes > 0) || 1440 % minutes !== 0) {
      throw new RangeError(`slotMinutes must divide a day (1440), got ${minutes}`);
    }
    this.slotMs = minutes * MS_PER_MINUTE;
    this.slotsPerDay = 1440 / minutes;
  }

  /**
   * Adds one sample; returns false (and ignores it) when its timestamps cannot be read. `times` may carry the
   * parsed start/end (UTC ms) and the start's offset when the caller already has them (saves re-parsing).
   */
  add(sample: WalkingSample, times?: SampleTimes): boolean {
    if (sample.kind !== 'steps' && sample.kind !== 'distance') return true;
    if (!Number.isFinite(sample.value)) return false;
    let t = times;
    if (!t) {
      const start = parseIsoWithOffset(sample.start);
      const end = parseIsoWithOffset(sample.end);
      if (!start || !end) return false;
      t = { startUtcMs: start.utcMs, endUtcMs: end.utcMs, offsetMinutes: start.offsetMinutes };
    }
    // Local wall-clock milliseconds in the start's offset; the end uses the same offset so a sample is one span.
    const offsetMs = t.offsetMinutes * MS_PER_MINUTE;
    const a = t.startUtcMs + offsetMs;
    const b = Math.max(a, t.endUtcMs + offsetMs);
    const id = this.sourceId(sample);
    const bySource = sample.kind === 'steps' ? this.steps : this.distance;
    let sums = bySource[id];
    if (!sums) bySource[id] = sums = new SlotSums(this.slotsPerDay);
    const first = Math.floor(a / this.slotMs);
    const last = b > a ? Math.floor((b - 1) / this.slotMs) : first;
    if (first === last) {
      sums.add(first, sample.value);
      return true;
    }
    const span = b - a;
    for (let slot = first; slot <= last; slot++) {
      sums.add(slot, (sample.value * (Math.min(b, (slot + 1) * this.slotMs) - Math.max(a, slot * this.slotMs))) / span);
    }
    return true;
  }

  private lastSource = '';
  private lastDevice: string | null = null;
  private lastId = -1;

  private sourceId(sample: WalkingSample): number {
    // Consecutive samples nearly always come from the same source: skip the two map lookups.
    if (this.lastId >= 0 && sample.source === this.lastSource && sample.device === this.lastDevice) return this.lastId;
    this.lastSource = sample.source;
    this.lastDevice = sample.device;
    this.lastId = this.lookupId(sample.source, sample.device);
    return this.lastId;
  }

  private lookupId(source: string, deviceOrNull: string | null): number {
    let devices = this.sourceIds.get(source);
    if (!devices) this.sourceIds.set(source, (devices = new Map()));
    const device = deviceOrNull ?? '';
    let id = devices.get(device);
    if (id === undefined) devices.set(device, (id = this.nextId++));
    return id;
  }

  /**
   * The per-source slot sums as plain data (they cross a worker boundary): what `absorb` adds into another
   * merger, so that two parts of one file, merged apart, total as if merged together.
   */
  state(): MergerState {
    const sources: MergerState['sources'] = [];
    for (const [source, devices] of this.sourceIds) {
      for (const [device, id] of devices) {
        sources.push({
          source,
          device,
          steps: [...(this.steps[id]?.days ?? [])],
          distance: [...(this.distance[id]?.days ?? [])],
        });
      }
    }
    return { slotsPerDay: this.slotsPerDay, sources };
  }

  /** Adds another merger's state (same slot length) to this one's sums. */
  absorb(state: MergerState): void {
    if (state.slotsPerDay !== this.slotsPerDay) throw new RangeError('merger states of different slot lengths');
    for (const s of state.sources) {
      const id = this.lookupId(s.source, s.device);
      for (const [bySource, days] of [
        [this.steps, s.steps],
        [this.distance, s.distance],
      ] as const) {
        if (days.length === 0) continue;
        let sums = bySource[id];
        if (!sums) bySource[id] = sums = new SlotSums(this.slotsPerDay);
        for (const [day, arr] of days) {
          for (let k = 0; k < arr.length; k++) sums.add(day * this.slotsPerDay + k, arr[k]!); // zeros too: a day of zero is a day
        }
      }
    }
    this.lastId = -1;
  }

  /** Merged totals per local day, keyed "YYYY-MM-DD", in ascending date order. */
  totals(): Record<string, MergedDayTotals> {
    const days = new Map<number, MergedDayTotals>();
    const perSlot = (bySource: SlotSums[], field: keyof MergedDayTotals): void => {
      const dayIndices = new Set<number>();
      for (const sums of bySource) if (sums) for (const d of sums.days.keys()) dayIndices.add(d);
      for (const d of dayIndices) {
        let total = 0;
        for (let k = 0; k < this.slotsPerDay; k++) {
          let best = 0;
          for (const sums of bySource) {
            const v = sums?.days.get(d)?.[k] ?? 0;
            if (v > best) best = v;
          }
          total += best;
        }
        const day = days.get(d) ?? { steps: 0, distance_m: 0 };
        day[field] += total;
        days.set(d, day);
      }
    };
    perSlot(this.steps, 'steps');
    perSlot(this.distance, 'distance_m');
    const out: Record<string, MergedDayTotals> = {};
    for (const d of [...days.keys()].sort((x, y) => x - y)) {
      const day = days.get(d)!;
      const date = new Date(d * 86_400_000).toISOString().slice(0, 10);
      // Spreading over slots produces float dust (e.g. 329.00000000000006); round to 1/1000.
      out[date] = { steps: Math.round(day.steps * 1000) / 1000, distance_m: Math.round(day.distance_m * 1000) / 1000 };
    }
    return out;
  }
}

/** Convenience: merged daily totals of a finite list of samples (see the rule in this module's header). */
export function mergeDailyTotals(
  samples: Iterable<WalkingSample>,
  options: WalkingMergeOptions = {},
): Record<string, MergedDayTotals> {
  const merger = new DailyWalkingMerger(options);
  for (const s of samples) merger.add(s);
  return merger.totals();
}

/**
 * One day's walking from all its samples: device steps and distance merged across sources by the slot rule
 * (walking-merge.ts), the hand log taken as a whole-day figure (the larger of device and hand log stands, so the
 * same walk is never counted twice), the longest single source's walking minutes, and the daily means of the
 * walking metrics devices measure.
 */
import type { SampleChunk } from './walking-chunk.js';
import { DailyWalkingMerger, type SampleTimes } from './walking-merge.js';
import type { WalkingSample } from './walking.js';
import type { DailyWalking } from './walking-day-record.js';

export const MANUAL_SOURCE = 'manual';

const MEAN_KINDS = ['speed', 'cadence', 'step_length', 'asymmetry', 'double_support'] as const;
type MeanKind = (typeof MEAN_KINDS)[number];

export class WalkingDayAccumulator {
  private readonly merger = new DailyWalkingMerger();
  private manualSteps = 0;
  private manualMinutes = 0;
  private readonly minutesBySource = new Map<string, number>();
  private readonly sums = new Map<MeanKind, { total: number; n: number }>();
  readonly sources = new Set<string>();

  constructor(readonly date: string) {}

  private lastSource = '';
  private lastDevice: string | null = null;

  /** Adds a sample of this day; `times` (parsed start/end) spares the merge from re-parsing them. */
  add(s: WalkingSample, times?: SampleTimes): void {
    // Consecutive samples nearly always share their source: skip building its label again.
    if (s.source !== this.lastSource || s.device !== this.lastDevice || this.sources.size === 0) {
      this.lastSource = s.source;
      this.lastDevice = s.device;
      this.sources.add(s.device ? `${s.source}:${s.device}` : s.source);
    }
    if (s.source === MANUAL_SOURCE) {
      if (s.kind === 'steps') this.manualSteps += s.value;
      else if (s.kind === 'duration') this.manualMinutes += s.value / 60;
      return;
    }
    if (s.kind === 'steps' || s.kind === 'distance') this.merger.add(s, times);
    else if (s.kind === 'duration') {
      const key = `${s.source}|${s.device ?? ''}`;
      this.minutesBySource.set(key, (this.minutesBySource.get(key) ?? 0) + s.value / 60);
    } else if ((MEAN_KINDS as readonly string[]).includes(s.kind)) {
      const acc = this.sums.get(s.kind as MeanKind) ?? { total: 0, n: 0 };
      acc.total += s.value;
      acc.n += 1;
      this.sums.set(s.kind as MeanKind, acc);
    }
  }

  result(): DailyWalking {
    const merged = this.merger.totals()[this.date] ?? { steps: 0, distance_m: 0 };
    const mean = (k: MeanKind) => {
      const a = this.sums.get(k);
      return a && a.n ? a.total / a.n : null;
    };
    return {
      date: this.date,
      steps: Math.round(Math.max(merged.steps, this.manualSteps)),
      distanceM: Math.round(merged.distance_m * 10) / 10,
      minutes: Math.round(Math.max(0, this.manualMinutes, ...this.minutesBySource.values()) * 10) / 10,
      speedMps: mean('speed'),
      cadenceSpm: mean('cadence'),
      stepLengthM: mean('step_length'),
      asymmetryPct: mean('asymmetry'),
      doubleSupportPct: mean('double_support'),
    };
  }
}

/** One day's totals and the sources that contributed, as plain data (it crosses a worker boundary). */
export interface WalkingDayResult {
  day: DailyWalking;
  sources: string[];
}

/**
 * Days of a stream of samples, each day on its own (a sample belongs to the local date of its start, exactly as
 * when a day is recomputed from the store): a `WalkingDayAccumulator` per date.
 */
export class WalkingDaysAccumulator {
  private readonly days = new Map<string, WalkingDayAccumulator>();
  private lastDate = '';
  private last: WalkingDayAccumulator | null = null;

  add(s: WalkingSample, times?: SampleTimes): void {
    // The local date is the first ten characters of the ISO start (localDate in walking.ts, without its check:
    // every importer writes full ISO timestamps).
    const date = s.start.slice(0, 10);
    let acc = this.last;
    if (date !== this.lastDate || !acc) {
      acc = this.days.get(date) ?? null;
      if (!acc) this.days.set(date, (acc = new WalkingDayAccumulator(date)));
      this.lastDate = date;
      this.last = acc;
    }
    acc.add(s, times);
  }

  /**
   * Adds a day chunk's samples (src/core/walking-chunk.ts): the same as adding each sample, without building
   * its ISO texts (the store's thread does this for a whole import while the parser runs on another).
   */
  addChunk(c: SampleChunk): void {
    let acc = this.days.get(c.date);
    if (!acc) this.days.set(c.date, (acc = new WalkingDayAccumulator(c.date)));
    this.last = null;
    this.lastDate = '';
    // One sample object and one times object, refilled per sample: the accumulator keeps neither.
    const s: WalkingSample = {
      source: c.source,
      device: c.device === '' ? null : c.device,
      start: '',
      end: '',
      kind: c.kind,
      value: 0,
      unit: c.unit,
    };
    const times: SampleTimes = { startUtcMs: 0, endUtcMs: 0, offsetMinutes: 0 };
    const cols = c.samples;
    for (let i = 0; i < cols.count; i++) {
      s.value = cols.value[i]!;
      times.startUtcMs = cols.start[i]!;
      times.endUtcMs = cols.end[i]!;
      times.offsetMinutes = cols.startOffset[i]!;
      acc.add(s, times);
    }
  }

  /** Every day seen, in date order. */
  results(): WalkingDayResult[] {
    return [...this.days.keys()].sort().map((d) => {
      const acc = this.days.get(d)!;
      return { day: acc.result(), sources: [...acc.sources].sort() };
    });
  }
}

/**
 * Turns the element events of an Apple Health export.xml into samples. Both parsers (the byte-level fast scanner
 * and saxes) drive this one handler, so they cannot disagree about what a record means.
 */
import { walkingVerdict } from '../../core/walking-activity.js';
import type { ImportSink } from '../import-sink.js';
import {
  APPLE_RECORD_KINDS,
  isRecordProblem,
  normaliseAppleRecord,
  normaliseAppleRecordFields,
  normaliseAppleWorkout,
  type RecordProblem,
  type WorkoutDistance,
} from './records.js';

/** Elements whose attributes the handler reads (besides kept Records). */
export const APPLE_ATTRIBUTE_ELEMENTS: ReadonlySet<string> = new Set(['Workout', 'WorkoutStatistics']);

/** A Workout's activity type decides whether the handler reads the rest (openWorkout): the fast scanner decodes
 * only that attribute of the workouts it skips. */
export const APPLE_SCREENS: ReadonlyMap<string, { attribute: string; keep: (value: string) => boolean }> = new Map([
  [
    'Workout',
    { attribute: 'workoutActivityType', keep: (type: string) => walkingVerdict('apple-health', type).walking },
  ],
]);

/** Element events; `attrs` is null when the parser did not decode them (the handler does not need them). */
export interface AppleElementEvents {
  open(name: string, attrs: Readonly<Record<string, string>> | null): void;
  close(name: string): void;
  /**
   * Optional fast path for kept Records (the fast scanner): the values of `APPLE_RECORD_ATTRIBUTES`, in that
   * order (undefined = absent), in place of `open('Record', attrs)`. The array is reused: read it, never keep it.
   */
  openRecord?(values: readonly (string | undefined)[]): void;
}

const DISTANCE_WALKING = 'HKQuantityTypeIdentifierDistanceWalkingRunning';

/**
 * Handler state. Only direct children of the root count: the DTD itself notes that Records inside a
 * Correlation "also appear as top-level records", so counting them would double count.
 */
export class AppleHealthHandler implements AppleElementEvents {
  private depth = 0;
  private workout: Readonly<Record<string, string>> | null = null;
  private workoutDistance: WorkoutDistance | null = null;

  constructor(
    private readonly sink: ImportSink,
    /** Called with a problem in the element just opened; the caller adds the location (or gives up). */
    private readonly problem: (p: RecordProblem) => void,
    /** 1 when reading the second part of a file read in two parts (inside the root element already). */
    startDepth = 0,
  ) {
    this.depth = startDepth;
  }

  open(name: string, attrs: Readonly<Record<string, string>> | null): void {
    this.depth++;
    if (this.depth === 2) {
      if (name === 'Record') this.record(attrs);
      else if (name === 'Workout') this.openWorkout(attrs);
    } else if (this.depth === 3 && this.workout && name === 'WorkoutStatistics' && attrs) {
      if (attrs.type === DISTANCE_WALKING && attrs.sum !== undefined) {
        this.workoutDistance = { value: attrs.sum, unit: attrs.unit ?? 'km' };
      }
    }
  }

  openRecord(values: readonly (string | undefined)[]): void {
    this.depth++;
    if (this.depth !== 2) return;
    this.sink.recordsSeen++;
    const type = values[0];
    const kind = type === undefined ? undefined : APPLE_RECORD_KINDS.get(type);
    if (kind === undefined) {
      this.sink.otherData++;
      return;
    }
    // The indices follow APPLE_RECORD_ATTRIBUTES: type, unit, value, sourceName, startDate, endDate.
    const out = normaliseAppleRecordFields(kind, values[1], values[2], values[3], values[4], values[5]);
    if (isRecordProblem(out)) this.problem(out);
    else this.sink.add(out.sample, out.times);
  }

  close(name: string): void {
    if (this.depth === 2 && name === 'Workout' && this.workout) {
      const samples = normaliseAppleWorkout(this.workout, this.workoutDistance);
      this.workout = null;
      this.workoutDistance = null;
      if (isRecordProblem(samples)) this.problem(samples);
      else for (const s of samples) this.sink.add(s);
    }
    this.depth--;
  }

  private record(attrs: Readonly<Record<string, string>> | null): void {
    this.sink.recordsSeen++;
    const kind = attrs?.type === undefined ? undefined : APPLE_RECORD_KINDS.get(attrs.type);
    if (!attrs || kind === undefined) {
      this.sink.otherData++;
      return;
    }
    const out = normaliseAppleRecord(kind, attrs);
    if (isRecordProblem(out)) this.problem(out);
    else this.sink.add(out.sample, out.times);
  }

  private openWorkout(attrs: Readonly<Record<string, string>> | null): void {
    this.sink.recordsSeen++;
    // The one rule for what counts as walking (src/core/walking-activity.ts): walking and hiking workouts.
    const verdict = walkingVerdict('apple-health', attrs?.workoutActivityType);
    if (!attrs || !verdict.walking) {
      this.sink.skip(verdict.walking ? 'other' : verdict.kind);
      return;
    }
    this.workout = attrs;
    this.workoutDistance = null;
  }
}

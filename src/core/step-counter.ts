/**
 * A streaming step counter for a phone's accelerometer: fed one sample at a time (the page counts live from
 * DeviceMotion events; `footing steps` feeds a recorded file through the same code), pure, no I/O.
 *
 * Method: the windowed peak detection of the Oxford step counter, Salvi D, Velardo C, Brynes J, Tarassenko L.
 * "An optimised algorithm for accurate steps counting from smart-phones accelerometry." Conf Proc IEEE Eng Med
 * Biol Soc (EMBC) 2018:4423-4427, doi:10.1109/EMBC.2018.8513319; reference implementation
 * github.com/Oxford-step-counter/Java-Step-Counter (MIT). Five stages, each streaming:
 *   1. pre-processing: the magnitude of (x, y, z), linearly interpolated onto a regular 10 ms grid (100 Hz), so
 *      that a phone's uneven sensor clock (DeviceMotion runs at 60 Hz on iPhones) does not change the filter;
 *   2. filtering: a Gaussian low-pass FIR window;
 *   3. scoring: each point's mean difference to its neighbours in a short window (a peak scores high);
 *   4. detection: a score more than `threshold` running standard deviations above the running mean of the scores
 *      is a peak candidate (Welford's running mean and variance over the walk so far);
 *   5. post-processing: candidates closer than `minStepGapMs` to the current peak are one step (the largest kept).
 *
 * The parameters are the ones chosen by leave-one-recording-out cross-validation over the Oxford step counter data
 * set (CC-BY-4.0; 60 recordings: 5 people, Nexus, Pixel and Samsung phones, 8 placements), scripts/step-counter-cv.ts:
 * no constant here is tuned to one file. docs/walking-data.md has each recording's error and the cross-validated errors.
 */

/** The tunable parameters of the method. */
export interface StepCounterParams {
  /** Length of the Gaussian low-pass window, in 10 ms samples (Oxford: 35). */
  filterTaps: number;
  /** Its standard deviation as a fraction of the half window (Oxford: 0.35). */
  filterStd: number;
  /** Length of the peak-scoring window, in 10 ms samples, odd (Oxford: 11). */
  scoreWindow: number;
  /** A peak's score must exceed the running mean by this many running standard deviations (Oxford: 1.2). */
  threshold: number;
  /** Candidates closer than this (ms) to the current peak belong to the same step (Oxford: 200). */
  minStepGapMs: number;
  /**
   * A peak's score must also reach this many m/s² (not in the Oxford method, whose threshold is relative only: a
   * phone lying still would count its sensor noise as steps). 0 turns it off. 0.01 m/s² is over five times the
   * largest score (0.0018) of a still phone with ±0.05 m/s² of noise on each axis (step-counter.test.ts); it changes the
   * cross-validated error by 0.02 points (1.28 % without it, 1.30 % with it).
   */
  minScore: number;
}

/** The Oxford reference implementation's own parameters (for comparison in docs/walking-data.md). */
export const OXFORD_REFERENCE_PARAMS: StepCounterParams = {
  filterTaps: 35,
  filterStd: 0.35,
  scoreWindow: 11,
  threshold: 1.2,
  minStepGapMs: 200,
  minScore: 0,
};

/**
 * The parameters Footing uses: the grid point with the lowest mean absolute error over the 60 recordings of the
 * Oxford step counter data set; 55 of the 60 leave-one-recording-out folds chose it too (scripts/step-counter-cv.ts;
 * the grid, the folds' choices and the held-out errors are in docs/walking-data.md). The score floor is fixed, not
 * fitted: the recordings hold walking only.
 */
export const STEP_COUNTER_PARAMS: StepCounterParams = {
  // A 0.7 s Gaussian window (sigma 120 ms), a 0.2 s scoring window, 0.4 deviations, and at most one step per
  // 350 ms: the last caps the count at 171 steps/min, above the vigorous-walking cadence of about 130 (DOMAIN.md
  // §2b 2.7), so the grid stops there (a wider gap scored no better on walking and would drop running steps).
  filterTaps: 71,
  filterStd: 0.35,
  scoreWindow: 21,
  threshold: 0.4,
  minStepGapMs: 350,
  minScore: 0.01,
};

/** The regular grid the magnitude is interpolated onto (ms): the method's 100 Hz. */
export const RESAMPLE_MS = 10;
/** Scores seen before detection starts, so the running mean and deviation mean something (Oxford: 15). */
const WARMUP_SCORES = 15;

/**
 * Two steps further apart than this (ms) are not one walk: the pause is left out of the walking time. 2 s is a
 * cadence of 30 steps/min, well under the slowest walking cadences (DOMAIN.md §2c: about 100-120 steps/min at
 * comfortable speed; older and slower walkers stay well above 30).
 */
export const MAX_STEP_INTERVAL_MS = 2000;

export interface StepSummary {
  steps: number;
  /** Seconds spent walking: the sum of the intervals between consecutive steps of one walk (pauses left out). */
  walking_s: number;
  /** Steps per minute while walking: the intervals summed in walking_s over walking_s; null without an interval. */
  cadence_spm: number | null;
}

export interface StepCounter {
  /**
   * One accelerometer sample: time in milliseconds (any origin, increasing), acceleration in m/s² (with or without
   * gravity, any orientation: only the magnitude is used). Returns the steps counted so far. A sample whose time
   * does not advance is ignored (returns the count unchanged).
   */
  push(tMs: number, x: number, y: number, z: number): number;
  /** Steps counted so far. */
  readonly steps: number;
  /** The time (ms, the samples' clock) of each step counted so far (the last one may still move to a larger peak). */
  stepTimes(): readonly number[];
  /** Time, steps and cadence so far. */
  summary(): StepSummary;
}

/**
 * The Gaussian window of the filter stage, normalised to sum 1 (the reference implementation leaves it
 * unnormalised, which scales every score alike; normalised, scores are in m/s² and minScore is a physical size).
 */
export function gaussianWindow(taps: number, std: number): number[] {
  const half = (taps - 1) / 2;
  const out: number[] = [];
  for (let i = 0; i < taps; i++) {
    const u = half === 0 ? 0 : (i - half) / (std * half);
    out.push(Math.exp(-0.5 * u * u));
  }
  const sum = out.reduce((a, b) => a + b, 0);
  return out.map((c) => c / sum);
}

/** Sums walking time and cadence from the step times (ms): intervals over MAX_STEP_INTERVAL_MS are pauses. */
export function summariseSteps(stepTimesMs: readonly number[]): StepSummary {
  let walkingMs = 0;
  let intervals = 0;
  for (let i = 1; i < stepTimesMs.length; i++) {
    const dt = stepTimesMs[i]! - stepTimesMs[i - 1]!;
    if (dt > 0 && dt <= MAX_STEP_INTERVAL_MS) {
      walkingMs += dt;
      intervals++;
    }
  }
  const walking_s = walkingMs / 1000;
  return {
    steps: stepTimesMs.length,
    walking_s: Math.round(walking_s * 10) / 10,
    cadence_spm: walkingMs > 0 ? Math.round((intervals / walking_s) * 60 * 10) / 10 : null,
  };
}

/**
 * Stages 1-3 (interpolation, filter, score): fed raw samples, calls `onScore(t, score)` for each 10 ms grid point
 * whose score is known (t in ms from the first sample). Exported for the cross-validation script, which scores a
 * recording once per filter setting and sweeps the detection parameters over the scores.
 */
export function createScorer(
  params: Pick<StepCounterParams, 'filterTaps' | 'filterStd' | 'scoreWindow'>,
  onScore: (t: number, score: number) => void,
): (tMs: number, x: number, y: number, z: number) => void {
  const { filterTaps, filterStd, scoreWindow } = params;
  if (!(Number.isInteger(filterTaps) && filterTaps >= 1 && filterTaps % 2 === 1))
    throw new Error('filterTaps must be an odd whole number');
  if (!(Number.isInteger(scoreWindow) && scoreWindow >= 3 && scoreWindow % 2 === 1))
    throw new Error('scoreWindow must be an odd whole number of at least 3');
  const coeff = gaussianWindow(filterTaps, filterStd);
  // Stage 1: interpolation onto the 10 ms grid.
  let t0: number | null = null;
  let prevT = 0;
  let prevM = 0;
  let gridIndex = 0;
  // Stage 2: the filter's window of grid magnitudes.
  const filt: number[] = [];
  // Stage 3: the score window of filtered values and their times.
  const vals: number[] = [];
  const times: number[] = [];
  const mid = (scoreWindow - 1) / 2;

  function onFiltered(t: number, v: number): void {
    vals.push(v);
    times.push(t);
    if (vals.length < scoreWindow) return;
    const c = vals[mid]!;
    let sum = 0;
    for (let i = 0; i < scoreWindow; i++) if (i !== mid) sum += c - vals[i]!;
    onScore(times[mid]!, sum / (scoreWindow - 1));
    vals.shift();
    times.shift();
  }

  function onGrid(t: number, m: number): void {
    filt.push(m);
    if (filt.length < filterTaps) return;
    let sum = 0;
    for (let i = 0; i < filterTaps; i++) sum += filt[i]! * coeff[i]!;
    onFiltered(t - ((filterTaps - 1) / 2) * RESAMPLE_MS, sum);
    filt.shift();
  }

  return (tMs, x, y, z) => {
    if (!Number.isFinite(tMs) || !Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) return;
    const m = Math.sqrt(x * x + y * y + z * z);
    if (t0 === null) {
      t0 = tMs;
      prevT = 0;
      prevM = m;
      onGrid(0, m);
      gridIndex = 1;
      return;
    }
    const t = tMs - t0;
    if (t <= prevT) return;
    // Every grid point in (prevT, t], linearly interpolated.
    for (let g = gridIndex * RESAMPLE_MS; g <= t; g = ++gridIndex * RESAMPLE_MS) {
      onGrid(g, prevM + ((m - prevM) * (g - prevT)) / (t - prevT));
    }
    prevT = t;
    prevM = m;
  };
}

/**
 * Stages 4-5 (detection, post-processing): fed the scores in time order, keeps the step times (ms, the scores'
 * clock) in `times`: a new step when a peak comes more than minStepGapMs after the current one, else the larger
 * peak stands for the step.
 */
export function createDetector(params: Pick<StepCounterParams, 'threshold' | 'minStepGapMs' | 'minScore'>): {
  onScore(t: number, score: number): void;
  times: number[];
} {
  const { threshold, minStepGapMs, minScore } = params;
  const times: number[] = [];
  let n = 0;
  let mean = 0;
  let m2 = 0;
  let currentT = 0;
  let currentScore = 0;
  return {
    times,
    onScore(t, score) {
      n++;
      const d = score - mean;
      mean += d / n;
      m2 += d * (score - mean);
      if (n <= WARMUP_SCORES) return;
      const std = Math.sqrt(m2 / (n - 1));
      if (!(score - mean > threshold * std) || score < minScore) return;
      if (times.length === 0 || t - currentT > minStepGapMs) {
        times.push(t);
        currentT = t;
        currentScore = score;
      } else if (score > currentScore) {
        currentT = t;
        currentScore = score;
        times[times.length - 1] = t;
      }
    },
  };
}

/** The stretch of the latest steps the live cadence is taken over (ms). */
export const RECENT_CADENCE_MS = 15_000;

/**
 * The cadence "now" (steps/min): over the steps of the last RECENT_CADENCE_MS, as summariseSteps counts it; null
 * with fewer than 4 such steps or when the last step is more than MAX_STEP_INTERVAL_MS ago (the person stopped).
 */
export function recentCadence(stepTimesMs: readonly number[], nowMs: number): number | null {
  const recent = stepTimesMs.filter((t) => nowMs - t <= RECENT_CADENCE_MS);
  if (recent.length < 4 || nowMs - recent[recent.length - 1]! > MAX_STEP_INTERVAL_MS) return null;
  return summariseSteps(recent).cadence_spm;
}

/** A new, empty step counter. */
export function createStepCounter(params: StepCounterParams = STEP_COUNTER_PARAMS): StepCounter {
  const detector = createDetector(params);
  let t0: number | null = null;
  const scorer = createScorer(params, (t, s) => detector.onScore(t, s));
  const times = detector.times;
  const absolute = () => (t0 === null ? [] : times.map((t) => t + t0!));
  return {
    push(tMs, x, y, z) {
      if (!Number.isFinite(tMs) || !Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z))
        return times.length;
      if (t0 === null) t0 = tMs;
      scorer(tMs, x, y, z);
      return times.length;
    },
    get steps() {
      return times.length;
    },
    stepTimes: absolute,
    summary: () => summariseSteps(absolute()),
  };
}

/** Counts the steps of a whole recording (same code as live). */
export function countSteps(
  samples: Iterable<readonly [number, number, number, number]>,
  params: StepCounterParams = STEP_COUNTER_PARAMS,
): StepSummary {
  const c = createStepCounter(params);
  for (const [t, x, y, z] of samples) c.push(t, x, y, z);
  return c.summary();
}

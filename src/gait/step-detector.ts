/**
 * Step detection from a phone's accelerometer (any placement: hand, pocket). Method: acceleration magnitude
 * (orientation-free), resampled to a uniform rate, band-passed around the step frequency, then peaks above an
 * adaptive threshold (a fraction of the local RMS) with a refractory period. This is the classic
 * magnitude / filter / peak pipeline evaluated on the Oxford step-counter data set (Salvi et al. 2018). Pure.
 */
import { butterworthHighPass, butterworthLowPass, filtfilt, resampleUniform } from './signal-filters.js';
import { findPeaks } from './peaks.js';
import { median } from './stats.js';

/** Accelerometer samples: time in seconds (any origin), acceleration in m/s² along the device axes. */
export interface AccelerometerSamples {
  time: readonly number[];
  x: readonly number[];
  y: readonly number[];
  z: readonly number[];
}

export interface StepDetectorOptions {
  /** Uniform rate the signal is resampled to, Hz. 50 Hz keeps step peaks (≤ 3 Hz) sharp and the cost low. */
  rate?: number;
  /** Band-pass edges, Hz. Walking steps fall at about 1.3–2.5 Hz; 0.6 removes gravity and posture changes. */
  highPassHz?: number;
  lowPassHz?: number;
  /** Minimum time between steps, s: 0.3 s caps detection at 200 steps/min, above any walking cadence. */
  minStepInterval?: number;
  /** Window of the adaptive threshold, s (about two strides, so it follows changes in pace and placement). */
  thresholdWindow?: number;
  /** A step peak must exceed this fraction of the local RMS of the filtered signal. */
  thresholdFactor?: number;
  /** Absolute floor, m/s²: below it the phone is considered still (no steps from hand tremor). */
  minAmplitude?: number;
}

export interface StepDetection {
  /** Step times in the input's time base, s. */
  steps: number[];
  /**
   * Cadence in steps/min over continuous walking (see cadenceFromStepTimes).
   */
  cadence: number;
}

/** Centred moving RMS over `window` samples. */
function movingRms(x: readonly number[], window: number): number[] {
  const half = Math.max(1, Math.floor(window / 2));
  const prefix = new Float64Array(x.length + 1);
  for (let i = 0; i < x.length; i++) prefix[i + 1] = (prefix[i] as number) + (x[i] as number) ** 2;
  return x.map((_, i) => {
    const a = Math.max(0, i - half);
    const b = Math.min(x.length, i + half + 1);
    return Math.sqrt(((prefix[b] as number) - (prefix[a] as number)) / (b - a));
  });
}

/**
 * Cadence (steps/min) from step times: 60 × intervals / their total duration, over intervals of continuous walking
 * (at most 1.5 × the median interval, so pauses and turns do not lower it). A mean over many intervals is used
 * rather than 60 / median because the median of sampled times is quantised to the sample period.
 */
export function cadenceFromStepTimes(steps: readonly number[]): number {
  const intervals = steps.slice(1).map((t, i) => t - (steps[i] as number));
  const typical = median(intervals);
  const walking = intervals.filter((d) => d <= 1.5 * typical);
  if (walking.length === 0) return NaN;
  return (60 * walking.length) / walking.reduce((a, b) => a + b, 0);
}

/** Sub-sample position of the peak at k by a parabola through k-1, k, k+1 (removes 1/rate quantisation). */
function refinePeak(x: readonly number[], k: number): number {
  const a = x[k - 1]; const b = x[k] as number; const c = x[k + 1];
  if (a === undefined || c === undefined) return k;
  const denom = a - 2 * b + c;
  return denom === 0 ? k : k + (0.5 * (a - c)) / denom;
}

/** Detects steps in accelerometer samples. */
export function detectSteps(samples: AccelerometerSamples, options: StepDetectorOptions = {}): StepDetection {
  const rate = options.rate ?? 50;
  const highPassHz = options.highPassHz ?? 0.6;
  const lowPassHz = options.lowPassHz ?? 3;
  const minStepInterval = options.minStepInterval ?? 0.3;
  const thresholdWindow = options.thresholdWindow ?? 2.5;
  const thresholdFactor = options.thresholdFactor ?? 0.6;
  const minAmplitude = options.minAmplitude ?? 0.5;
  const magnitude = samples.time.map((_, i) =>
    Math.hypot(samples.x[i] ?? NaN, samples.y[i] ?? NaN, samples.z[i] ?? NaN));
  const uniform = resampleUniform(samples.time, magnitude, rate);
  if (uniform.values.length < rate) return { steps: [], cadence: NaN };
  const filtered = filtfilt(
    [butterworthHighPass(highPassHz, rate), butterworthLowPass(lowPassHz, rate), butterworthLowPass(lowPassHz, rate)],
    uniform.values,
  );
  const rms = movingRms(filtered, thresholdWindow * rate);
  const threshold = rms.map((r) => Math.max(minAmplitude, thresholdFactor * r));
  const peaks = findPeaks(filtered, { threshold, minDistance: Math.round(minStepInterval * rate) });
  const steps = peaks.map((k) => uniform.start + refinePeak(filtered, k) / rate);
  return { steps, cadence: steps.length > 2 ? cadenceFromStepTimes(steps) : NaN };
}

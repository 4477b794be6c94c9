/**
 * Signal filters for gait signals: resampling of irregularly timed samples, 2nd-order Butterworth sections,
 * zero-phase filtering, and a time-aware Gaussian smoother for keypoints on variable frame rate video. Pure.
 */

/** A signal on a uniform grid: value i is at time start + i / rate. */
export interface UniformSignal {
  start: number;
  rate: number;
  values: number[];
}

/**
 * Linear interpolation of (time, value) samples onto a uniform grid at `rate` Hz. Samples must be in time order;
 * samples whose time does not increase (repeated timestamps, clock resets) are skipped rather than trusted.
 */
export function resampleUniform(time: readonly number[], values: readonly number[], rate: number): UniformSignal {
  const t: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < time.length; i++) {
    const ti = time[i] as number;
    const vi = values[i] as number;
    if (!Number.isFinite(ti) || !Number.isFinite(vi)) continue;
    if (t.length > 0 && ti <= (t[t.length - 1] as number)) continue;
    t.push(ti);
    v.push(vi);
  }
  if (t.length === 0) return { start: 0, rate, values: [] };
  const start = t[0] as number;
  const end = t[t.length - 1] as number;
  const n = Math.floor((end - start) * rate) + 1;
  const out = new Array<number>(n);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const ti = start + i / rate;
    while (j < t.length - 2 && (t[j + 1] as number) < ti) j++;
    const t0 = t[j] as number;
    const t1 = (t[j + 1] ?? t0) as number;
    const v0 = v[j] as number;
    const v1 = (v[j + 1] ?? v0) as number;
    out[i] = t1 === t0 ? v0 : v0 + ((v1 - v0) * (ti - t0)) / (t1 - t0);
  }
  return { start, rate, values: out };
}

/** Coefficients of one biquad section (a0 normalised to 1). */
export interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/** 2nd-order Butterworth low-pass (bilinear transform with pre-warping). */
export function butterworthLowPass(cutoffHz: number, rate: number): Biquad {
  const k = Math.tan((Math.PI * cutoffHz) / rate);
  const q = Math.SQRT1_2;
  const norm = 1 / (1 + k / q + k * k);
  const b0 = k * k * norm;
  return { b0, b1: 2 * b0, b2: b0, a1: 2 * (k * k - 1) * norm, a2: (1 - k / q + k * k) * norm };
}

/** 2nd-order Butterworth high-pass (bilinear transform with pre-warping). */
export function butterworthHighPass(cutoffHz: number, rate: number): Biquad {
  const k = Math.tan((Math.PI * cutoffHz) / rate);
  const q = Math.SQRT1_2;
  const norm = 1 / (1 + k / q + k * k);
  return { b0: norm, b1: -2 * norm, b2: norm, a1: 2 * (k * k - 1) * norm, a2: (1 - k / q + k * k) * norm };
}

/** Runs one biquad forward (direct form II transposed), starting from the steady state of the first sample. */
export function biquadFilter(section: Biquad, x: readonly number[]): number[] {
  const { b0, b1, b2, a1, a2 } = section;
  const y = new Array<number>(x.length);
  if (x.length === 0) return y;
  // Steady-state initial conditions for a constant input x0 avoid a start-up transient.
  const x0 = x[0] as number;
  const dcGain = (b0 + b1 + b2) / (1 + a1 + a2);
  const y0 = dcGain * x0;
  let z1 = y0 - b0 * x0;
  let z2 = b2 * x0 - a2 * y0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const yi = b0 * xi + z1;
    z1 = b1 * xi - a1 * yi + z2;
    z2 = b2 * xi - a2 * yi;
    y[i] = yi;
  }
  return y;
}

/** Zero-phase filtering (forward then backward) so event times are not delayed by the filter. */
export function filtfilt(sections: readonly Biquad[], x: readonly number[]): number[] {
  let y = [...x];
  for (const s of sections) y = biquadFilter(s, y);
  y.reverse();
  for (const s of sections) y = biquadFilter(s, y);
  y.reverse();
  return y;
}

/**
 * Gaussian-weighted smoothing of samples at irregular times (variable frame rate). Missing samples (NaN) are
 * ignored; a result is NaN only where no finite neighbour lies within 2 sigma. sigma is in seconds.
 */
export function gaussianSmoothIrregular(time: readonly number[], values: readonly number[], sigma: number): number[] {
  const n = time.length;
  const out = new Array<number>(n).fill(NaN);
  if (sigma <= 0) return values.map((v) => v);
  const reach = 2.5 * sigma;
  let lo = 0;
  for (let i = 0; i < n; i++) {
    const ti = time[i] as number;
    while (lo < n && (time[lo] as number) < ti - reach) lo++;
    let wSum = 0;
    let vSum = 0;
    let nearest = Infinity;
    for (let j = lo; j < n && (time[j] as number) <= ti + reach; j++) {
      const vj = values[j] as number;
      if (!Number.isFinite(vj)) continue;
      const dt = (time[j] as number) - ti;
      nearest = Math.min(nearest, Math.abs(dt));
      const w = Math.exp((-0.5 * dt * dt) / (sigma * sigma));
      wSum += w;
      vSum += w * vj;
    }
    if (wSum > 0 && nearest <= 2 * sigma && Number.isFinite(values[i] as number)) out[i] = vSum / wSum;
  }
  return out;
}

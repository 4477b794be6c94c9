/**
 * BlazePose's temporal filters in plain TypeScript on typed arrays: a one-euro filter per landmark coordinate and a
 * low-pass filter per visibility, with pose-detection 2.1.3's constants (BLAZEPOSE_*_SMOOTHING_CONFIG) and its exact
 * update rules (shared/filters: OneEuroFilter, LowPassFilter, KeypointsOneEuroFilter, LowPassVisibilityFilter), so the
 * smoothed landmarks are the ones the tfjs pipeline gave. One filter object holds all the coordinates of one
 * landmark set in flat arrays instead of three filter objects per landmark. Pure.
 */

/** A one-euro filter's constants (pose-detection's oneEuroFilter config). */
export interface OneEuroConfig {
  frequency: number;
  minCutOff: number;
  beta: number;
  derivateCutOff: number;
  minAllowedObjectScale: number;
  disableValueScaling?: boolean;
}

/** Body landmarks as shown. */
export const SMOOTH_LANDMARKS: OneEuroConfig = {
  frequency: 30,
  minCutOff: 0.05,
  beta: 80,
  derivateCutOff: 1.0,
  minAllowedObjectScale: 1e-6,
};
/** The two auxiliary landmarks that place the next crop: smoothed harder, so the crop is steady while the body is. */
export const SMOOTH_AUXILIARY: OneEuroConfig = {
  frequency: 30,
  minCutOff: 0.01,
  beta: 10.0,
  derivateCutOff: 1.0,
  minAllowedObjectScale: 1e-6,
};
/** World landmarks are metres, whatever the person's size in the picture: no scaling by the object's size. */
export const SMOOTH_WORLD: OneEuroConfig = {
  frequency: 30,
  minCutOff: 0.1,
  beta: 40,
  derivateCutOff: 1.0,
  minAllowedObjectScale: 1e-6,
  disableValueScaling: true,
};
/** BLAZEPOSE_VISIBILITY_SMOOTHING_CONFIG. */
export const VISIBILITY_ALPHA = 0.1;

const MICRO_SECONDS_TO_SECOND = 1e-6;

/**
 * `n` independent one-euro filters (OneEuroFilter with its two LowPassFilters, x and dx), state in flat arrays:
 * `apply` filters values[0..n) in place, one filter per value (x and y of each landmark, or x, y and z).
 */
export class OneEuroFilters {
  private readonly frequency: Float64Array;
  private readonly lastTimestamp: Float64Array;
  private readonly xInit: Uint8Array;
  private readonly xRaw: Float64Array;
  private readonly xStored: Float64Array;
  private readonly dxInit: Uint8Array;
  private readonly dxStored: Float64Array;

  constructor(
    readonly n: number,
    private readonly config: OneEuroConfig,
  ) {
    this.frequency = new Float64Array(n).fill(config.frequency);
    this.lastTimestamp = new Float64Array(n);
    this.xInit = new Uint8Array(n);
    this.xRaw = new Float64Array(n);
    this.xStored = new Float64Array(n);
    this.dxInit = new Uint8Array(n);
    this.dxStored = new Float64Array(n);
  }

  /**
   * Filters values[0..n) at `microSeconds`, speeds divided by `objectScale` (KeypointsOneEuroFilter: unfiltered when
   * the object is smaller than minAllowedObjectScale).
   */
  apply(values: Float64Array, microSeconds: number, objectScale: number): void {
    let valueScale = 1;
    if (!this.config.disableValueScaling) {
      if (objectScale < this.config.minAllowedObjectScale) return;
      valueScale = 1.0 / objectScale;
    }
    const us = Math.trunc(microSeconds);
    const { minCutOff, beta, derivateCutOff } = this.config;
    for (let i = 0; i < this.n; i++) {
      // A timestamp not after the last one: the value passes unfiltered and the state is left alone.
      if (this.lastTimestamp[i]! >= us) continue;
      if (this.lastTimestamp[i] !== 0 && us !== 0)
        this.frequency[i] = 1 / ((us - this.lastTimestamp[i]!) * MICRO_SECONDS_TO_SECOND);
      this.lastTimestamp[i] = us;
      const value = values[i]!;
      const freq = this.frequency[i]!;
      const dValue = this.xInit[i] ? (value - this.xRaw[i]!) * valueScale * freq : 0;
      // The derivative's low-pass, then the value's with a cut-off that rises with speed.
      const dAlpha = 1.0 / (1.0 + freq / (2 * Math.PI * derivateCutOff));
      let edValue: number;
      if (this.dxInit[i]) edValue = this.dxStored[i]! + dAlpha * (dValue - this.dxStored[i]!);
      else {
        edValue = dValue;
        this.dxInit[i] = 1;
      }
      this.dxStored[i] = edValue;
      const cutOff = minCutOff + beta * Math.abs(edValue);
      const alpha = 1.0 / (1.0 + freq / (2 * Math.PI * cutOff));
      let result: number;
      if (this.xInit[i]) result = this.xStored[i]! + alpha * (value - this.xStored[i]!);
      else {
        result = value;
        this.xInit[i] = 1;
      }
      this.xRaw[i] = value;
      this.xStored[i] = result;
      values[i] = result;
    }
  }
}

/** `n` low-pass filters with a fixed alpha (LowPassVisibilityFilter); `apply` returns the filtered values. */
export class VisibilityFilters {
  private readonly stored: Float64Array;
  private started = false;

  constructor(
    readonly n: number,
    private readonly alpha = VISIBILITY_ALPHA,
  ) {
    this.stored = new Float64Array(n);
  }

  apply(values: Float64Array): Float64Array {
    const out = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) {
      out[i] = this.started ? this.stored[i]! + this.alpha * (values[i]! - this.stored[i]!) : values[i]!;
      this.stored[i] = out[i]!;
    }
    this.started = true;
    return out;
  }
}

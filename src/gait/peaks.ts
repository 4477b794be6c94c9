/** Peak picking shared by the step detector and the keypoint event detector. Pure. */

export interface PeakOptions {
  /** Minimum distance between kept peaks, in samples. Higher peaks win. */
  minDistance?: number;
  /** Minimum prominence (height above the higher of the two surrounding minima). */
  minProminence?: number;
  /** Per-sample minimum height (e.g. an adaptive threshold); a peak must be above it. */
  threshold?: readonly number[] | number;
}

/**
 * Indices of local maxima of x (NaN breaks the signal: no peak is taken next to missing data, so gaps never make
 * events). Plateaus count once, at their middle. Returned in increasing index order.
 */
export function findPeaks(x: readonly number[], options: PeakOptions = {}): number[] {
  const { minDistance = 1, minProminence = 0, threshold } = options;
  const candidates: number[] = [];
  let i = 1;
  while (i < x.length - 1) {
    const v = x[i] as number;
    const prev = x[i - 1] as number;
    if (!Number.isFinite(v) || !Number.isFinite(prev) || !(v > prev)) { i++; continue; }
    let j = i;
    while (j + 1 < x.length && x[j + 1] === v) j++;
    const next = x[j + 1];
    if (next !== undefined && Number.isFinite(next) && next < v) candidates.push(Math.floor((i + j) / 2));
    i = j + 1;
  }
  const thresholdAt = (k: number): number =>
    threshold === undefined ? -Infinity : typeof threshold === 'number' ? threshold : (threshold[k] ?? -Infinity);
  const kept = candidates.filter((k) => (x[k] as number) > thresholdAt(k) && prominence(x, k) >= minProminence);
  if (minDistance <= 1) return kept;
  // Keep the highest peaks first, then drop any lower peak too close to a kept one.
  const byHeight = [...kept].sort((a, b) => (x[b] as number) - (x[a] as number));
  const taken: number[] = [];
  for (const k of byHeight) if (taken.every((t) => Math.abs(t - k) >= minDistance)) taken.push(k);
  return taken.sort((a, b) => a - b);
}

/** Prominence of the peak at k: its height above the higher of the lowest points on each side before a higher point. */
export function prominence(x: readonly number[], k: number): number {
  const h = x[k] as number;
  let leftMin = h;
  for (let i = k - 1; i >= 0; i--) {
    const v = x[i] as number;
    if (!Number.isFinite(v)) break;
    if (v > h) break;
    leftMin = Math.min(leftMin, v);
  }
  let rightMin = h;
  for (let i = k + 1; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isFinite(v)) break;
    if (v > h) break;
    rightMin = Math.min(rightMin, v);
  }
  return h - Math.max(leftMin, rightMin);
}

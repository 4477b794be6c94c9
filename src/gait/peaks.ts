/** Peak picking shared by the step detector and the keypoint event detector. Pure. */

export interface PeakOptions {
  /** Minimum distance between kept peaks, in samples. Higher peaks win. */
  minDistance?: number;
  /** Minimum prominence (height above the higher of the two surrounding minima). */
  minProminence?: number;
  /** Per-sample minimum height (e.g. an adaptive threshold); a peak must be above it. */
  threshold?: readonly number[] | number;
  /**
   * A peak near the start or end of the signal has one side cut short by the edge, not by a higher point, so its
   * prominence on that side is unknown rather than small. With this set, such a peak counts when its closed side
   * reaches `minProminence` and its open side still falls at least this fraction of `minProminence` (so it is a
   * real maximum seen rising, not a slope cut by the edge). Unset: both sides must reach `minProminence`.
   */
  openEdgeFraction?: number;
}

/**
 * Indices of local maxima of x (NaN breaks the signal: no peak is taken next to missing data, so gaps never make
 * events). Plateaus count once, at their middle. Returned in increasing index order.
 */
export function findPeaks(x: readonly number[], options: PeakOptions = {}): number[] {
  const { minDistance = 1, minProminence = 0, threshold, openEdgeFraction } = options;
  const candidates: number[] = [];
  let i = 1;
  while (i < x.length - 1) {
    const v = x[i] as number;
    const prev = x[i - 1] as number;
    if (!Number.isFinite(v) || !Number.isFinite(prev) || !(v > prev)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < x.length && x[j + 1] === v) j++;
    const next = x[j + 1];
    if (next !== undefined && Number.isFinite(next) && next < v) candidates.push(Math.floor((i + j) / 2));
    i = j + 1;
  }
  const thresholdAt = (k: number): number =>
    threshold === undefined ? -Infinity : typeof threshold === 'number' ? threshold : (threshold[k] ?? -Infinity);
  const prominent = (k: number): boolean => {
    if (openEdgeFraction === undefined) return prominence(x, k) >= minProminence;
    const s = sidedProminence(x, k);
    if (s.leftOpen === s.rightOpen) return Math.min(s.left, s.right) >= minProminence; // no edge, or both (short signal)
    const [closed, open] = s.leftOpen ? [s.right, s.left] : [s.left, s.right];
    return closed >= minProminence && open >= openEdgeFraction * minProminence;
  };
  const kept = candidates.filter((k) => (x[k] as number) > thresholdAt(k) && prominent(k));
  if (minDistance <= 1) return kept;
  // Keep the highest peaks first, then drop any lower peak too close to a kept one.
  const byHeight = [...kept].sort((a, b) => (x[b] as number) - (x[a] as number));
  const taken: number[] = [];
  for (const k of byHeight) if (taken.every((t) => Math.abs(t - k) >= minDistance)) taken.push(k);
  return taken.sort((a, b) => a - b);
}

/** Prominence of the peak at k: its height above the higher of the lowest points on each side before a higher point. */
export function prominence(x: readonly number[], k: number): number {
  const s = sidedProminence(x, k);
  return Math.min(s.left, s.right);
}

/**
 * The peak's drop on each side (height above the lowest point before a higher point or missing data) and whether
 * that side's search ran into the end of the signal (open) rather than a higher point or a gap.
 */
export function sidedProminence(
  x: readonly number[],
  k: number,
): { left: number; right: number; leftOpen: boolean; rightOpen: boolean } {
  const h = x[k] as number;
  const side = (step: 1 | -1) => {
    let min = h;
    for (let i = k + step; ; i += step) {
      if (i < 0 || i >= x.length) return { drop: h - min, open: true };
      const v = x[i] as number;
      if (!Number.isFinite(v) || v > h) return { drop: h - min, open: false };
      min = Math.min(min, v);
    }
  };
  const l = side(-1);
  const r = side(1);
  return { left: l.drop, right: r.drop, leftOpen: l.open, rightOpen: r.open };
}

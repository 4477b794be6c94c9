/**
 * Does a browser analysis agree with Node's on the same clip? (issue 13: one gait engine.) Pure comparisons of two
 * analysis JSONs, each failure as one line, so a test can show them all at once.
 *
 * - Initial contacts: every heel strike of either side has one on the same foot of the other within one frame.
 * - Metrics: the same ones are measured on both sides; those timed from the events agree within what moving the
 *   events by one frame can change (seconds: one frame; cadence: one frame on a mean step; % of the cycle: one frame
 *   of a mean stride).
 * - Foot points (footPointAgreement): where each side put the ankles, heels and toes in every frame, for clips whose
 *   contacts are not shown.
 */
import type { GaitAnalysisJson, MetricJson } from '../../src/gait/analysis-json.js';
import { FOOT_LANDMARKS, LANDMARKS, type KeypointSeries } from '../../src/gait/keypoints.js';

const ROUNDING_S = 1e-3; // the JSON rounds times to 1 ms

/** The contacts of `a` with none in `b` within `frame` seconds, per foot. */
export function contactMismatches(a: GaitAnalysisJson, b: GaitAnalysisJson, frame: number): string[] {
  const out: string[] = [];
  for (const side of ['left', 'right'] as const) {
    const x = a.events[side].heel_strike;
    const y = b.events[side].heel_strike;
    const unmatched = (p: number[], q: number[]) =>
      p.filter((t) => !q.some((u) => Math.abs(u - t) <= frame + ROUNDING_S));
    const ab = unmatched(x, y);
    const ba = unmatched(y, x);
    if (ab.length || ba.length) out.push(`${side} initial contacts: browser ${x.join(' ')} | node ${y.join(' ')} (s)`);
  }
  return out;
}

/** How far two values of a metric timed from events may be apart, or null for a metric not timed from events. */
function oneFrameTolerance(name: string, m: MetricJson, frame: number, strideS: number | null): number | null {
  if (m.value === null) return null;
  if (name.endsWith('_s')) return frame;
  if (name === 'cadence_spm') return (m.value * frame) / (60 / m.value);
  if (name.endsWith('_pct') && strideS) return (100 * frame) / strideS;
  return null;
}

export function metricMismatches(browser: GaitAnalysisJson, node: GaitAnalysisJson, frame: number): string[] {
  const out: string[] = [];
  const stride = node.metrics.stride_time_s?.value ?? null;
  for (const name of new Set([...Object.keys(browser.metrics), ...Object.keys(node.metrics)])) {
    const b = browser.metrics[name];
    const n = node.metrics[name];
    if (!b || !n) {
      out.push(`${name}: only on the ${b ? 'browser' : 'node'} side`);
      continue;
    }
    if ((b.value === null) !== (n.value === null)) {
      out.push(
        `${name}: browser ${b.value ?? `not measured (${b.reason})`}, node ${n.value ?? `not measured (${n.reason})`}`,
      );
      continue;
    }
    const tol = oneFrameTolerance(name, n, frame, stride);
    if (tol !== null && Math.abs(b.value! - n.value!) > tol + 1e-3)
      out.push(`${name}: browser ${b.value}, node ${n.value} (one frame allows ${tol.toFixed(3)})`);
  }
  return out;
}

export interface FootPointAgreement {
  /** Frames (by index) with a person on one side only. */
  oneSided: number[];
  /** Per frame with a person on both sides: the largest distance between the two sides' foot points, source pixels. */
  distances: number[];
  /** The same per foot (its ankle, heel and toe), in the same frames. */
  left: number[];
  right: number[];
  /** The frame index of each entry of `distances`. */
  frames: number[];
}

/**
 * Where the two series put the feet, frame by frame: the keypoints under the contacts, for clips whose contacts
 * are not shown (a refused analysis shows none, so comparing contacts there would compare two empty lists).
 */
export function footPointAgreement(browser: KeypointSeries, node: KeypointSeries): FootPointAgreement {
  const byIndex = new Map(node.frames.map((f) => [f.index, f]));
  const out: FootPointAgreement = { oneSided: [], distances: [], left: [], right: [], frames: [] };
  for (const fb of browser.frames) {
    const pb = fb.people[0];
    const pn = byIndex.get(fb.index)?.people[0];
    if (!pb && !pn) continue;
    if (!pb || !pn) {
      out.oneSided.push(fb.index);
      continue;
    }
    const worst = { left: 0, right: 0 };
    for (const name of FOOT_LANDMARKS) {
      const i = LANDMARKS.indexOf(name);
      const side = name.startsWith('left') ? 'left' : 'right';
      worst[side] = Math.max(worst[side], Math.hypot(pb.image[i]!.x - pn.image[i]!.x, pb.image[i]!.y - pn.image[i]!.y));
    }
    out.left.push(worst.left);
    out.right.push(worst.right);
    out.distances.push(Math.max(worst.left, worst.right));
    out.frames.push(fb.index);
  }
  return out;
}

/**
 * Checks that detected events can be real gait before any time is computed from them. A wrong number is worse
 * than "not measurable": when the pose model swaps the legs, or a peak of noise is taken for a contact, the
 * timing arithmetic still produces a cadence (one short real clip gave 345 steps/min for a true ~108). Each
 * check is a property every gait has, whatever the person or the camera:
 * - each foot alternates contact and toe off (it cannot land twice without leaving the ground);
 * - left and right contacts alternate (a missed event at the picture's edge is allowed once);
 * - a step is about half a stride (the other foot lands between two contacts of one foot);
 * - hardly any step is shorter than half the typical one (steady walking or running varies by a few percent
 *   step to step; a contact a fraction of a step after the last is a mislabelled or invented one). The first and
 *   last steps of the clip are not judged (a foot half hidden at the picture's edge), and one in ten of the
 *   others is let through as a glitch: the figures are medians, which one outlier does not move;
 * - the cadence is one a human can walk or run at.
 * Pure.
 */
import type { FootEvents, GaitEvents } from './gait-events.js';
import type { GaitMode } from './gait-mode.js';
import type { TemporalParameters } from './temporal-parameters.js';

/**
 * Cadence a human body can produce, steps/min: plausibility limits, not clinical norms (those are in
 * reference-ranges.ts). Walking: very slow or frail walkers take 40-60 steps/min; race walkers reach about 200
 * but nobody walks above ~160 in a clinic. Running: jogging starts near 140; 260 is beyond elite sprinting.
 * Unknown mode takes the union.
 */
export const PLAUSIBLE_CADENCE: Record<GaitMode, { min: number; max: number }> = {
  walk: { min: 40, max: 160 },
  run: { min: 120, max: 260 },
  unknown: { min: 40, max: 260 },
};
/**
 * The mode a cadence allows on its own: below the slowest run (120) only walking, above the fastest walk (160)
 * only running; between them either. Used when the body's mechanics did not decide, before stance timing.
 */
export function modeFromCadence(cadence: number): GaitMode {
  if (!Number.isFinite(cadence)) return 'unknown';
  const walk = cadence >= PLAUSIBLE_CADENCE.walk.min && cadence <= PLAUSIBLE_CADENCE.walk.max;
  const run = cadence >= PLAUSIBLE_CADENCE.run.min && cadence <= PLAUSIBLE_CADENCE.run.max;
  return walk && !run ? 'walk' : run && !walk ? 'run' : 'unknown';
}

/** A step is half a stride when both feet behave alike; even marked limping stays well within 35-65 %. */
export const STEP_TO_STRIDE = { min: 0.35, max: 0.65 };

/** A step shorter than this fraction of the median step cannot be a real step of a steady gait. */
export const SHORTEST_STEP_FRACTION = 0.5;

export interface ConsistencyCheck {
  ok: boolean;
  problems: string[];
}

/**
 * How many slips of one kind a clip with this many contacts may have and still be judged consistent: one for an
 * edge of the picture (a foot entering mid-swing), and one more per 8 contacts for noise at the feet's crossings.
 */
export function slipAllowance(contacts: number): number {
  return 1 + Math.floor(contacts / 8);
}

/** Count of places where one foot lands twice with no toe off between (or leaves twice with no contact). */
function footOrderErrors(f: FootEvents): number {
  const seq = [
    ...f.heelStrike.map((t) => ({ t, k: 'on' as const })),
    ...f.toeOff.map((t) => ({ t, k: 'off' as const })),
  ].sort((a, b) => a.t - b.t);
  let errors = 0;
  for (let i = 1; i < seq.length; i++) if ((seq[i] as { k: string }).k === (seq[i - 1] as { k: string }).k) errors++;
  return errors;
}

/** Same-foot neighbours among all contacts in time order (0 when left and right alternate perfectly). */
function sameFootNeighbours(e: GaitEvents): number {
  const all = [
    ...e.left.heelStrike.map((t) => ({ t, s: 'l' })),
    ...e.right.heelStrike.map((t) => ({ t, s: 'r' })),
  ].sort((a, b) => a.t - b.t);
  let n = 0;
  for (let i = 1; i < all.length; i++) if ((all[i] as { s: string }).s === (all[i - 1] as { s: string }).s) n++;
  return n;
}

export function checkEventConsistency(events: GaitEvents, tp: TemporalParameters, mode: GaitMode): ConsistencyCheck {
  const problems: string[] = [];
  const orderErrors = footOrderErrors(events.left) + footOrderErrors(events.right);
  const contacts = events.left.heelStrike.length + events.right.heelStrike.length;
  // A few slips are allowed (slipAllowance); more is a swapped or noisy leg.
  if (orderErrors > slipAllowance(contacts))
    problems.push(`a foot lands twice without leaving the ground (${orderErrors} times)`);
  const same = sameFootNeighbours(events);
  if (same > slipAllowance(contacts))
    problems.push(`left and right contacts do not alternate (${same} times the same foot twice in a row)`);
  const ratio = tp.stepTime / tp.strideTime;
  if (Number.isFinite(ratio) && (ratio < STEP_TO_STRIDE.min || ratio > STEP_TO_STRIDE.max)) {
    problems.push(`a step lasts ${(100 * ratio).toFixed(0)} % of a stride instead of about half`);
  }
  // Steps from contact to the other foot's next contact; the first and the last step of the clip are left out of
  // this rule: there a foot is half hidden by the picture's edge or a bystander, and the medians absorb them.
  const contactsInOrder = [
    ...events.left.heelStrike.map((t) => ({ t, s: 'l' })),
    ...events.right.heelStrike.map((t) => ({ t, s: 'r' })),
  ].sort((a, b) => a.t - b.t);
  const inner: number[] = [];
  for (let i = 2; i < contactsInOrder.length - 1; i++) {
    const a = contactsInOrder[i - 1]!;
    const b = contactsInOrder[i]!;
    if (a.s !== b.s) inner.push(b.t - a.t);
  }
  const steps = inner;
  const short = steps.filter((d) => d < SHORTEST_STEP_FRACTION * tp.stepTime);
  if (short.length > Math.floor(steps.length / 10))
    problems.push(
      `${short.length === 1 ? 'a step' : `${short.length} steps`} of ${short.map((d) => d.toFixed(2)).join(', ')} s between steps of about ${tp.stepTime.toFixed(2)} s`,
    );
  const bounds = PLAUSIBLE_CADENCE[mode];
  if (Number.isFinite(tp.cadence) && (tp.cadence < bounds.min || tp.cadence > bounds.max)) {
    const what = mode === 'run' ? 'running' : mode === 'walk' ? 'walking' : 'walking or running';
    problems.push(
      `a cadence of ${tp.cadence.toFixed(0)} steps/min is outside what is possible for ${what} (${bounds.min}-${bounds.max})`,
    );
  }
  return { ok: problems.length === 0, problems };
}

/** A measured value with its confidence, or an honest "not measurable" with the reason. Pure types. */
import type { ReferenceRange } from './reference-ranges.js';

export interface MeasuredMetric {
  status: 'ok';
  value: number;
  unit: string;
  /** 0..1: how much to trust the value (stride count, visibility, frame rate, view, regularity). */
  confidence: number;
  /** How many cycles, steps or frames the value summarises. */
  n: number;
  /** Per-side values where the metric has sides. */
  left?: number;
  right?: number;
  /** Population context (never a pass/fail). */
  reference?: ReferenceRange;
}

export interface NotMeasurable {
  status: 'not_measurable';
  reason: string;
  /** Per-side values kept when the sides were measured but disagree too much to be one number. */
  left?: number;
  right?: number;
}

export type Metric = MeasuredMetric | NotMeasurable;

export function notMeasurable(reason: string): NotMeasurable {
  return { status: 'not_measurable', reason };
}

/** A measured metric, or not measurable when the value is not finite (nothing to report is never reported as 0). */
export function measured(
  value: number,
  unit: string,
  confidence: number,
  n: number,
  extra: { left?: number; right?: number; reference?: ReferenceRange } = {},
  reasonIfMissing = 'Not enough valid cycles.',
): Metric {
  if (!Number.isFinite(value) || n <= 0) return notMeasurable(reasonIfMissing);
  const out: MeasuredMetric = { status: 'ok', value, unit, confidence: Math.min(1, Math.max(0, confidence)), n };
  if (extra.left !== undefined && Number.isFinite(extra.left)) out.left = extra.left;
  if (extra.right !== undefined && Number.isFinite(extra.right)) out.right = extra.right;
  if (extra.reference) out.reference = extra.reference;
  return out;
}

/** Median; NaN when empty (local so this file stays free of imports beyond types). */
function med(values: readonly number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** How far apart left and right may be before averaging them would hide two different things. */
export interface SideAgreement {
  /** Largest plausible |left − right| for this measure in one person's walk. */
  maxApart: number;
  /** Values closer to 0 than this are not given a sign (noise around zero is not a disagreement). */
  noise: number;
}

/**
 * A metric with a left and a right side, combined into one value (the median of every cycle) only when the
 * sides agree: the same sign, and no further apart than a body can plausibly be. Otherwise the one number would
 * describe neither foot (left +24° and right −15° average to "9°"), so it is not measurable as one number and
 * both sides are kept for the reader.
 */
export function bilateral(
  left: readonly number[],
  right: readonly number[],
  unit: string,
  confidence: number,
  agreement: SideAgreement,
  extra: { reference?: ReferenceRange } = {},
): Metric {
  const l = med(left);
  const r = med(right);
  if (Number.isFinite(l) && Number.isFinite(r)) {
    const opposite = Math.abs(l) > agreement.noise && Math.abs(r) > agreement.noise && Math.sign(l) !== Math.sign(r);
    if (opposite || Math.abs(l - r) > agreement.maxApart) {
      const fmt = (v: number): string => `${v > 0 ? '+' : ''}${Math.round(v * 10) / 10} ${unit}`;
      const why = opposite
        ? 'point in opposite directions'
        : `differ by more than ${agreement.maxApart} ${unit}, more than a body plausibly does`;
      return {
        status: 'not_measurable',
        left: l,
        right: r,
        reason: `Left (${fmt(l)}) and right (${fmt(r)}) ${why}, so they are not averaged into one number; one side may be mismeasured. Film again with both legs clearly visible.`,
      };
    }
  }
  return measured(med([...left, ...right]), unit, confidence, left.length + right.length, {
    left: l,
    right: r,
    ...extra,
  });
}

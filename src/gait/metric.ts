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

export interface NotMeasurable { status: 'not_measurable'; reason: string }

export type Metric = MeasuredMetric | NotMeasurable;

export function notMeasurable(reason: string): NotMeasurable {
  return { status: 'not_measurable', reason };
}

/** A measured metric, or not measurable when the value is not finite (nothing to report is never reported as 0). */
export function measured(
  value: number, unit: string, confidence: number, n: number,
  extra: { left?: number; right?: number; reference?: ReferenceRange } = {}, reasonIfMissing = 'Not enough valid cycles.',
): Metric {
  if (!Number.isFinite(value) || n <= 0) return notMeasurable(reasonIfMissing);
  const out: MeasuredMetric = { status: 'ok', value, unit, confidence: Math.min(1, Math.max(0, confidence)), n };
  if (extra.left !== undefined && Number.isFinite(extra.left)) out.left = extra.left;
  if (extra.right !== undefined && Number.isFinite(extra.right)) out.right = extra.right;
  if (extra.reference) out.reference = extra.reference;
  return out;
}

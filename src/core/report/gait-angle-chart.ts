/**
 * The geometry of one joint-angle-over-the-gait-cycle chart (hip, knee or ankle; left and right; the walking
 * reference boxes when they apply), as SVG path strings and rectangles in the chart's own pixel space. The app
 * draws it (web/src/gait/angle-charts.tsx); the numbers it places are the stored curves' own. Pure.
 */
import type { CycleReferenceBox } from '../../gait/reference-ranges.js';
import { axisTicks } from './chart-ticks.js';

export interface AngleChartInput {
  /** Each side's mean curve: degrees at evenly spaced points from 0 to 100 % of the cycle; null when not measured. */
  left: readonly number[] | null;
  right: readonly number[] | null;
  /** Each side's toe off, % of the cycle (a vertical line), or null. */
  toeOffPct?: { left: number | null; right: number | null };
  /** Reference boxes to draw (walking norms; empty for a run or a joint with none). */
  reference?: readonly CycleReferenceBox[];
  width?: number;
  height?: number;
}

export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
  kind: CycleReferenceBox['kind'];
  label: string;
  min: number;
  max: number;
  fromPct: number;
  toPct: number;
}

export interface AngleChart {
  width: number;
  height: number;
  /** The plotting area inside the axes. */
  plot: { left: number; top: number; right: number; bottom: number };
  yTicks: Array<{ value: number; y: number }>;
  xTicks: Array<{ pct: number; x: number }>;
  paths: { left: string | null; right: string | null };
  toeOff: { left: number | null; right: number | null };
  boxes: ChartBox[];
}

/** Room for the axis labels: degrees on the left, % of the cycle below. */
export const ANGLE_CHART_MARGIN = { left: 36, right: 8, top: 8, bottom: 24 };

const r1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * Lays out one chart. The y axis spans the data and the reference boxes, widened to multiples of 10°; the x axis
 * is 0-100 % of the gait cycle. Path points are rounded to 0.1 px.
 */
export function angleChart(input: AngleChartInput): AngleChart {
  const width = input.width ?? 340;
  const height = input.height ?? 180;
  const m = ANGLE_CHART_MARGIN;
  const plot = { left: m.left, top: m.top, right: width - m.right, bottom: height - m.bottom };
  const reference = input.reference ?? [];
  const values = [...(input.left ?? []), ...(input.right ?? []), ...reference.flatMap((b) => [b.min, b.max])].filter(
    Number.isFinite,
  );
  const lo = values.length ? Math.floor(Math.min(...values) / 10) * 10 : 0;
  let hi = values.length ? Math.ceil(Math.max(...values) / 10) * 10 : 10;
  if (hi === lo) hi = lo + 10;
  const x = (pct: number): number => r1(plot.left + ((plot.right - plot.left) * pct) / 100);
  const y = (deg: number): number => r1(plot.bottom - ((plot.bottom - plot.top) * (deg - lo)) / (hi - lo));
  const path = (c: readonly number[] | null): string | null => {
    if (!c || c.length < 2) return null;
    return c.map((v, i) => `${i === 0 ? 'M' : 'L'}${x((100 * i) / (c.length - 1))} ${y(v)}`).join(' ');
  };
  return {
    width,
    height,
    plot,
    yTicks: axisTicks(lo, hi).map((value) => ({ value, y: y(value) })),
    xTicks: [0, 20, 40, 60, 80, 100].map((pct) => ({ pct, x: x(pct) })),
    paths: { left: path(input.left), right: path(input.right) },
    toeOff: {
      left: input.toeOffPct?.left != null ? x(input.toeOffPct.left) : null,
      right: input.toeOffPct?.right != null ? x(input.toeOffPct.right) : null,
    },
    boxes: reference.map((b) => ({
      x: x(b.fromPct),
      y: y(b.max),
      width: r1(x(b.toPct) - x(b.fromPct)),
      height: r1(y(b.min) - y(b.max)),
      kind: b.kind,
      label: b.label,
      min: b.min,
      max: b.max,
      fromPct: b.fromPct,
      toPct: b.toPct,
    })),
  };
}

/** Where a curve is highest: its value and the % of the cycle (first of equal highs), for the chart's text. */
export function curvePeak(c: readonly number[]): { value: number; pct: number } {
  let best = 0;
  c.forEach((v, i) => {
    if (v > (c[best] as number)) best = i;
  });
  return { value: c[best] as number, pct: Math.round((100 * best) / Math.max(1, c.length - 1)) };
}

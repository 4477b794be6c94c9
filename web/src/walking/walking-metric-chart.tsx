/**
 * One walking measure per day over the chosen period (uPlot): bars for amounts (steps, distance), points for
 * daily averages (cadence, speed, step length). Days without a measurement are gaps, never zeros. The reference
 * band or line from walking-references.ts is drawn under the data, explained in one line with its evidence, and
 * the numbers are in a table for screen readers.
 */
import uPlot from 'uplot';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../i18n/format.js';
import { ClaimLine } from '../ui/common.js';
import { useUplot } from '../lib/use-uplot.js';
import { shortDate } from '../lib/local-time.js';
import type { WalkingReference } from './walking-references.js';

/** Local midnight of a YYYY-MM-DD day, in seconds (uPlot's time unit). */
const dayStart = (d: string) => {
  const [y, m, dd] = d.split('-').map(Number);
  return new Date(y!, m! - 1, dd!).getTime() / 1000;
};
const dayLabel = (s: number) => formatDate(new Date(s * 1000), { day: 'numeric', month: 'short' });

const COLOUR = '#0b5d4b';
const TARGET_COLOUR = '#7a4d00';

export interface MetricChartProps {
  reference: WalkingReference;
  dates: readonly string[];
  values: readonly (number | null)[];
  style: 'bars' | 'points';
  /** The person's own daily target on this measure (a dashed line), if any. */
  target?: { value: number; label: string } | null;
}

export function WalkingMetricChart({ reference: ref, dates, values, style, target = null }: MetricChartProps) {
  const { t } = useTranslation('walking');
  const measured = dates
    .map((d, i) => ({ date: d, value: values[i] ?? null }))
    .filter((p): p is { date: string; value: number } => p.value !== null);
  const chartRef = useUplot(
    (width) => {
      const xs = dates.map(dayStart);
      const dataMax = Math.max(0, ...measured.map((p) => p.value));
      const top = Math.max(dataMax, ref.band?.max ?? 0, ref.line?.value ?? 0, target?.value ?? 0) * 1.12 || 1;
      const drawRefs = (u: uPlot) => {
        const { ctx } = u;
        const { left, width: w } = u.bbox;
        ctx.save();
        if (ref.band) {
          const y1 = u.valToPos(ref.band.max, 'y', true);
          const y0 = u.valToPos(ref.band.min, 'y', true);
          ctx.fillStyle = 'rgba(31, 95, 191, 0.13)';
          ctx.fillRect(left, y1, w, y0 - y1);
        }
        if (ref.line) {
          const y = u.valToPos(ref.line.value, 'y', true);
          ctx.strokeStyle = '#1f5fbf';
          ctx.lineWidth = 1.5 * devicePixelRatio;
          ctx.setLineDash([3, 3]);
          ctx.beginPath();
          ctx.moveTo(left, y);
          ctx.lineTo(left + w, y);
          ctx.stroke();
        }
        ctx.restore();
      };
      const series: uPlot.Series[] = [
        {},
        style === 'bars'
          ? {
              label: ref.title,
              stroke: COLOUR,
              fill: 'rgba(11, 93, 75, 0.6)',
              paths: uPlot.paths.bars!({ size: [0.7, 24] }),
              points: { show: false },
            }
          : {
              label: ref.title,
              stroke: COLOUR,
              width: 2,
              spanGaps: false,
              points: { show: true, size: 8, fill: COLOUR },
            },
      ];
      const data: (number | null)[][] = [xs, [...values]];
      if (target) {
        series.push({ label: target.label, stroke: TARGET_COLOUR, width: 2, dash: [6, 4], points: { show: false } });
        data.push(dates.map(() => target.value));
      }
      return {
        opts: {
          width,
          height: 190,
          padding: [8, 8, 0, 0],
          scales: {
            x: { time: true, range: (_u, min, max) => [min - 43_200, max + 43_200] },
            y: { range: () => [0, top] },
          },
          axes: [{ values: (_u, splits) => splits.map(dayLabel) }, { size: 56 }],
          series,
          hooks: { drawAxes: [drawRefs] },
          legend: { show: !!target, live: false },
          cursor: { show: false },
        },
        data: data as uPlot.AlignedData,
      };
    },
    [dates, values, target?.value, ref],
  );

  const fmt = (v: number) =>
    formatNumber(v, { maximumFractionDigits: ref.decimals, minimumFractionDigits: ref.decimals });
  return (
    <figure
      className="chart walking-chart"
      data-testid={`walking-chart-${ref.measure}`}
      data-points={measured.length}
      data-values={JSON.stringify(Object.fromEntries(measured.map((p) => [p.date, p.value])))}
    >
      <h3>
        {ref.title} <span className="muted small">({ref.unit})</span>
      </h3>
      {measured.length === 0 ? (
        <p className="muted">{t('charts.nothingMeasured')}</p>
      ) : (
        <div
          ref={chartRef}
          role="img"
          aria-label={t('charts.chartLabel', { title: ref.title, count: measured.length })}
        />
      )}
      <figcaption>
        {(ref.band || ref.line) && (
          <span className="walking-keys">
            {ref.band && (
              <span className="walking-key">
                <span className="key-band" aria-hidden="true" />
                {ref.band.label}
              </span>
            )}
            {ref.line && (
              <span className="walking-key">
                <span className="key-line" aria-hidden="true" />
                {ref.line.label}
              </span>
            )}
          </span>
        )}
        {ref.explain}
      </figcaption>
      {ref.claim && (
        <ul className="claims">
          <ClaimLine claim={ref.claim} />
        </ul>
      )}
      {measured.length > 0 && (
        <details>
          <summary>{t('charts.show')}</summary>
          <table>
            <caption className="visually-hidden">{t('charts.perDay', { title: ref.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('charts.day')}</th>
                <th scope="col">
                  {ref.title} ({ref.unit})
                </th>
              </tr>
            </thead>
            <tbody>
              {measured.map((p) => (
                <tr key={p.date} data-date={p.date}>
                  <td>
                    {shortDate(p.date)} {p.date.slice(0, 4)}
                  </td>
                  <td>{fmt(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}

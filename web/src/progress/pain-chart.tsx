/**
 * Pain over time (back, neck, foot; one point per check-in) with the MCID drawn as a shaded band around the
 * person's starting level: a change that stays inside the band (less than NPRS_MCID_POINTS, DOMAIN.md §7 [39])
 * may not be a real change. The numbers are also in a table for screen readers.
 */
import type uPlot from 'uplot';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { NPRS_MCID_POINTS, NPRS_MAX, NPRS_MIN } from '../../../src/core/clinical-constants.js';
import type { Checkin } from '../api/types.js';
import { uplotDays } from '../lib/day-axis.js';
import { useUplot } from '../lib/use-uplot.js';
import { painSeries } from './chart-series.js';

export const PAIN_COLOURS = { back: '#1f5fbf', neck: '#a4461a', foot: '#1a7537' } as const;

export function PainChart({ checkins, baseline }: { checkins: Checkin[]; baseline: number | null }) {
  const { t } = useTranslation('progress');
  const p = painSeries(checkins, baseline);
  const { shown: sorted, reference: ref0 } = p;
  const ref = useUplot(
    (width, el) => {
      const x = uplotDays(p.x, width);
      el.dataset.dayLabels = x.labels.join(', ');
      const band = (u: uPlot) => {
        if (ref0 === null || p.band === null) return;
        const { ctx } = u;
        const { left, width: w } = u.bbox;
        const top = u.valToPos(p.band.high, 'y', true);
        const bottom = u.valToPos(p.band.low, 'y', true);
        const mid = u.valToPos(ref0, 'y', true);
        ctx.save();
        ctx.fillStyle = 'rgba(90, 90, 90, 0.14)';
        ctx.fillRect(left, top, w, bottom - top);
        ctx.strokeStyle = '#555';
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.moveTo(left, mid);
        ctx.lineTo(left + w, mid);
        ctx.stroke();
        ctx.restore();
      };
      const series = (k: keyof typeof PAIN_COLOURS, dash?: number[]): uPlot.Series => ({
        label: t(`painChart.${k}`),
        stroke: PAIN_COLOURS[k],
        width: 2,
        spanGaps: true,
        ...(dash ? { dash } : {}),
        points: { show: true, size: 7, fill: PAIN_COLOURS[k] },
      });
      return {
        opts: {
          width,
          height: 240,
          scales: { x: x.scale, y: { range: [NPRS_MIN, NPRS_MAX] } },
          axes: [x.axis, { label: t('painChart.axis'), splits: () => [0, 2, 4, 6, 8, 10] }],
          series: [{}, series('back'), series('neck', [8, 4]), series('foot', [2, 3])],
          hooks: { drawAxes: [band] },
          legend: { show: true, live: false },
        },
        data: [p.x, p.columns.back, p.columns.neck, p.columns.foot] as uPlot.AlignedData,
      };
    },
    [checkins, baseline, t],
  );

  return (
    <figure className="chart" data-testid="pain-chart" data-points={sorted.length}>
      <div ref={ref} />
      <figcaption>
        {ref0 !== null
          ? t('painChart.band', {
              start: formatNumber(ref0, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
              mcid: formatNumber(NPRS_MCID_POINTS),
            })
          : t('painChart.noBand', { mcid: formatNumber(NPRS_MCID_POINTS) })}{' '}
        {p.daily ? t('painChart.daily') : t('painChart.sessions')}
      </figcaption>
      <details>
        <summary>{t('painChart.show')}</summary>
        <table>
          <caption className="visually-hidden">{t('painChart.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('painChart.when')}</th>
              <th scope="col">{t('painChart.back')}</th>
              <th scope="col">{t('painChart.neck')}</th>
              <th scope="col">{t('painChart.foot')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.date} ({t(`painChart.context.${c.context}`)})
                </td>
                <td>{c.back ?? '–'}</td>
                <td>{c.neck ?? '–'}</td>
                <td>{c.foot ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

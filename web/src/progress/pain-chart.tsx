/**
 * Pain over time (back, neck, foot; one point per check-in) with the MCID drawn as a shaded band around the
 * person's starting level: a change that stays inside the band (less than NPRS_MCID_POINTS, DOMAIN.md §7 [39])
 * may not be a real change. The numbers are also in a table for screen readers.
 */
import type uPlot from 'uplot';
import { NPRS_MCID_POINTS, NPRS_MAX, NPRS_MIN } from '../../../src/core/clinical-constants.js';
import type { Checkin } from '../api/types.js';
import { uplotDays } from '../lib/day-axis.js';
import { useUplot } from '../lib/use-uplot.js';

export const PAIN_COLOURS = { back: '#1f5fbf', neck: '#a4461a', foot: '#1a7537' } as const;
const CONTEXT: Record<Checkin['context'], string> = { daily: 'daily', before: 'before session', after: 'after session' };

export function PainChart({ checkins, baseline }: { checkins: Checkin[]; baseline: number | null }) {
  // The trend is the daily check-ins (same time of day, same question); the before/after-session scores swing with
  // the session itself and would make the line zig-zag. Without any daily check-ins, all of them are shown.
  const daily = checkins.filter((c) => c.context === 'daily');
  const shown = daily.length ? daily : checkins;
  const sorted = [...shown].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  // Without a program baseline yet, the first check-in is the starting point.
  const ref0 = baseline ?? (sorted[0] ? Math.max(sorted[0].back ?? 0, sorted[0].neck ?? 0, sorted[0].foot ?? 0) : null);
  const ref = useUplot((width, el) => {
    const xs = sorted.map((c) => Date.parse(c.at) / 1000);
    const x = uplotDays(xs, width);
    el.dataset.dayLabels = x.labels.join(', ');
    const col = (k: 'back' | 'neck' | 'foot') => sorted.map((c) => c[k]);
    const band = (u: uPlot) => {
      if (ref0 === null) return;
      const { ctx } = u;
      const { left, width: w } = u.bbox;
      const top = u.valToPos(Math.min(NPRS_MAX, ref0 + NPRS_MCID_POINTS), 'y', true);
      const bottom = u.valToPos(Math.max(NPRS_MIN, ref0 - NPRS_MCID_POINTS), 'y', true);
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
      label: k[0]!.toUpperCase() + k.slice(1), stroke: PAIN_COLOURS[k], width: 2, spanGaps: true, ...(dash ? { dash } : {}),
      points: { show: true, size: 7, fill: PAIN_COLOURS[k] },
    });
    return {
      opts: {
        width, height: 240,
        scales: { x: x.scale, y: { range: [NPRS_MIN, NPRS_MAX] } },
        axes: [x.axis, { label: 'Pain (0-10)', splits: () => [0, 2, 4, 6, 8, 10] }],
        series: [{}, series('back'), series('neck', [8, 4]), series('foot', [2, 3])],
        hooks: { drawAxes: [band] },
        legend: { show: true, live: false },
      },
      data: [xs, col('back'), col('neck'), col('foot')] as uPlot.AlignedData,
    };
  }, [checkins, baseline]);

  return (
    <figure className="chart" data-testid="pain-chart" data-points={sorted.length}>
      <div ref={ref} />
      <figcaption>
        {ref0 !== null
          ? <>The shaded band is your starting level ({ref0.toFixed(1)}/10) plus or minus {NPRS_MCID_POINTS} points. A change of {NPRS_MCID_POINTS} points or more (or about a third) is a real change; smaller ups and downs are normal day-to-day variation.</>
          : <>A change of {NPRS_MCID_POINTS} points or more is a real change.</>}
        {' '}{daily.length ? 'Lines show your daily check-ins.' : 'Lines show your before- and after-session scores (no daily check-ins yet).'}
      </figcaption>
      <details>
        <summary>Show the numbers</summary>
        <table>
          <caption className="visually-hidden">Pain check-ins</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Back</th><th scope="col">Neck</th><th scope="col">Foot</th></tr></thead>
          <tbody>
            {sorted.map((c) => (
              <tr key={c.id}><td>{c.date} ({CONTEXT[c.context]})</td><td>{c.back ?? '–'}</td><td>{c.neck ?? '–'}</td><td>{c.foot ?? '–'}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

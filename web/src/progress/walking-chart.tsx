/** Walking per day as bars (minutes), with steps as a line when the days have them, and the current target. */
import uPlot from 'uplot';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import type { DailyWalking } from '../api/types.js';
import { uplotDays } from '../lib/day-axis.js';
import { useUplot } from '../lib/use-uplot.js';
import { walkingSeries } from './chart-series.js';

export function WalkingChart({ days, targetMinutes }: { days: DailyWalking[]; targetMinutes: number }) {
  const { t } = useTranslation('progress');
  const w = walkingSeries(days, targetMinutes);
  const hasSteps = w.steps !== null;
  const ref = useUplot(
    (width, el) => {
      const x = uplotDays(w.x, width);
      el.dataset.dayLabels = x.labels.join(', ');
      const bars = uPlot.paths.bars!({ size: [0.6, 40] });
      const series: uPlot.Series[] = [
        {},
        {
          label: t('walkingChart.minutes'),
          stroke: '#0b5d4b',
          fill: 'rgba(11, 93, 75, 0.55)',
          paths: bars,
          points: { show: false },
          scale: 'min',
        },
        {
          label: t('walkingChart.target'),
          stroke: '#7a4d00',
          dash: [6, 4],
          width: 2,
          points: { show: false },
          scale: 'min',
        },
      ];
      if (hasSteps)
        series.push({
          label: t('walkingChart.steps'),
          stroke: '#5b3cc4',
          width: 2,
          scale: 'steps',
          points: { show: true, size: 6 },
        });
      const data: (number | null)[][] = [w.x, w.minutes, w.target];
      if (w.steps) data.push(w.steps);
      return {
        opts: {
          width,
          height: 200,
          scales: {
            x: x.scale,
            min: { range: (_u, _min, max) => [0, Math.max(targetMinutes, max) * 1.15] },
            steps: { range: (_u, _min, max) => [0, max * 1.15 || 1] },
          },
          axes: [
            x.axis,
            { scale: 'min', label: t('walkingChart.minutes') },
            ...(hasSteps
              ? [{ scale: 'steps', side: 1, label: t('walkingChart.steps'), grid: { show: false } } as uPlot.Axis]
              : []),
          ],
          series,
          legend: { show: true, live: false },
        },
        data: data as uPlot.AlignedData,
      };
    },
    [days, targetMinutes, t],
  );
  return (
    <figure className="chart" data-testid="walking-chart" data-points={w.days.length}>
      <div ref={ref} />
      <figcaption>
        {t(hasSteps ? 'walkingChart.captionSteps' : 'walkingChart.caption', { target: formatNumber(targetMinutes) })}
      </figcaption>
    </figure>
  );
}

/** Walking per day as bars (minutes), with steps as a line when the days have them, and the current target. */
import uPlot from 'uplot';
import type { DailyWalking } from '../api/types.js';
import { useUplot } from './use-uplot.js';

const dayStart = (d: string) => {
  const [y, m, dd] = d.split('-').map(Number);
  return new Date(y!, m! - 1, dd!).getTime() / 1000;
};

export function WalkingChart({ days, targetMinutes }: { days: DailyWalking[]; targetMinutes: number }) {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const hasSteps = sorted.some((d) => d.steps > 0);
  const ref = useUplot((width) => {
    const bars = uPlot.paths.bars!({ size: [0.6, 40] });
    const series: uPlot.Series[] = [
      {},
      { label: 'Minutes', stroke: '#0b5d4b', fill: 'rgba(11, 93, 75, 0.55)', paths: bars, points: { show: false }, scale: 'min' },
      { label: 'Target (min)', stroke: '#7a4d00', dash: [6, 4], width: 2, points: { show: false }, scale: 'min' },
    ];
    if (hasSteps) series.push({ label: 'Steps', stroke: '#5b3cc4', width: 2, scale: 'steps', points: { show: true, size: 6 } });
    const data: (number | null)[][] = [
      sorted.map((d) => dayStart(d.date)), sorted.map((d) => Math.round(d.minutes)), sorted.map(() => targetMinutes),
    ];
    if (hasSteps) data.push(sorted.map((d) => (d.steps > 0 ? d.steps : null)));
    return {
      opts: {
        width, height: 200,
        scales: { x: { time: true }, min: { range: (_u, _min, max) => [0, Math.max(targetMinutes, max) * 1.15] }, steps: { range: (_u, _min, max) => [0, max * 1.15 || 1] } },
        axes: [{ values: (_u, splits) => splits.map((s) => new Date(s * 1000).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })) }, { scale: 'min', label: 'Minutes' }, ...(hasSteps ? [{ scale: 'steps', side: 1, label: 'Steps', grid: { show: false } } as uPlot.Axis] : [])],
        series,
        legend: { show: true, live: false },
      },
      data: data as uPlot.AlignedData,
    };
  }, [days, targetMinutes]);
  return (
    <figure className="chart" data-testid="walking-chart" data-points={sorted.length}>
      <div ref={ref} />
      <figcaption>Minutes walked each day (bars){hasSteps ? ', steps (line)' : ''} and your daily target of {targetMinutes} minutes (dashed).</figcaption>
    </figure>
  );
}

/**
 * The walking charts of the Walking page: a period switch (4 weeks, 3 months, 1 year), then steps with the
 * person's target, distance, and cadence, speed and step length where a device measured them. Reloads when
 * `version` changes (after an import or a hand log).
 */
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client.js';
import type { DailyWalking, TodayState } from '../api/types.js';
import { FieldError, Loading } from '../ui/common.js';
import { shortDate } from '../lib/local-time.js';
import { WalkingMetricChart } from './walking-metric-chart.js';
import { WALKING_REFERENCES } from './walking-references.js';
import { column, listDates, rangeBounds, WALKING_RANGES, type WalkingMeasure, type WalkingRangeId } from './walking-series.js';

export interface WalkingChartsProps {
  target: TodayState['walking'];
  today: string;
  /** Last day shown (today unless an import moved it to the file's days). */
  end: string;
  onEndChange: (end: string) => void;
  range: WalkingRangeId;
  onRangeChange: (r: WalkingRangeId) => void;
  version: number;
}

const DAILY_MEASURES: { m: WalkingMeasure; style: 'bars' | 'points'; always: boolean }[] = [
  { m: 'steps', style: 'bars', always: true },
  { m: 'distanceKm', style: 'bars', always: true },
  { m: 'cadenceSpm', style: 'points', always: true },
  { m: 'speedMps', style: 'points', always: true },
  { m: 'stepLengthM', style: 'points', always: false },
];

export function WalkingCharts({ target, today, end, onEndChange, range, onRangeChange, version }: WalkingChartsProps) {
  const days = WALKING_RANGES.find((r) => r.id === range)!.days;
  const { from, to } = rangeBounds(end, days);
  const [data, setData] = useState<{ key: string; days: DailyWalking[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = `${from}|${to}|${version}`;

  useEffect(() => {
    let live = true;
    setError(null);
    api<DailyWalking[]>('GET', `/api/walking/daily?from=${from}&to=${to}`)
      .then((d) => { if (live) setData({ key, days: d }); }, (e: Error) => { if (live) setError(e.message); });
    return () => { live = false; };
  }, [key, from, to]);

  const dates = useMemo(() => listDates(from, to), [from, to]);
  const columns = useMemo(() => {
    const rows = data?.days ?? [];
    return Object.fromEntries(DAILY_MEASURES.map(({ m }) => [m, column(dates, rows, m)])) as Record<WalkingMeasure, (number | null)[]>;
  }, [dates, data]);
  const stepTarget = useMemo(() => (target.steps !== null ? { value: target.steps, label: `Your target: ${target.steps.toLocaleString('en')} steps` } : null), [target.steps]);

  return (
    <section className="card walking-charts" aria-labelledby="walking-charts-title" data-testid="walking-charts" data-from={from} data-to={to}
      data-loaded={data?.key === key ? 'true' : 'false'}>
      <h2 id="walking-charts-title">Your walking</h2>
      <div className="range-switch" role="group" aria-label="Period">
        {WALKING_RANGES.map((r) => (
          <button key={r.id} type="button" className={r.id === range ? 'on' : ''} aria-pressed={r.id === range} onClick={() => onRangeChange(r.id)}>{r.label}</button>
        ))}
      </div>
      <p className="muted small" data-testid="walking-period">{shortDate(from)} {from.slice(0, 4)} to {shortDate(to)} {to.slice(0, 4)}</p>
      {end !== today && (
        <p className="notice">Showing the days of your file. <button type="button" className="link-button" onClick={() => onEndChange(today)}>Back to today</button></p>
      )}
      <FieldError message={error} />
      {!data ? <Loading what="your walking" /> : (
        <>
          {data.days.length === 0 && <p>No walking in this period yet. Import a file from your phone or watch, or log a walk by hand below.</p>}
          {target.steps === null && <p className="muted small">{target.basis}</p>}
          {DAILY_MEASURES.filter(({ m, always }) => always || columns[m].some((v) => v !== null)).map(({ m, style }) => (
            <WalkingMetricChart key={m} reference={WALKING_REFERENCES[m]} dates={dates} values={columns[m]} style={style} target={m === 'steps' ? stepTarget : null} />
          ))}
        </>
      )}
    </section>
  );
}

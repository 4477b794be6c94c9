/**
 * The walking charts of the Walking page: a period switch (4 weeks, 3 months, 1 year), then steps with the
 * person's target, distance, and cadence, speed and step length where a device measured them. Reloads when
 * `version` changes (after an import or a hand log).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { api } from '../api/client.js';
import type { DailyWalking, TodayState } from '../api/types.js';
import { FieldError, Loading } from '../ui/common.js';
import { shortDate } from '../lib/local-time.js';
import { WalkingMetricChart } from './walking-metric-chart.js';
import { walkingReferences } from './walking-references.js';
import {
  column,
  listDates,
  rangeBounds,
  WALKING_RANGES,
  type WalkingMeasure,
  type WalkingRangeId,
} from './walking-series.js';

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
  const { t } = useTranslation('walking');
  const references = useMemo(() => walkingReferences(t), [t]);
  const days = WALKING_RANGES.find((r) => r.id === range)!.days;
  const { from, to } = rangeBounds(end, days);
  const [data, setData] = useState<{ key: string; days: DailyWalking[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = `${from}|${to}|${version}`;

  useEffect(() => {
    let live = true;
    setError(null);
    api<DailyWalking[]>('GET', `/api/walking/daily?from=${from}&to=${to}`).then(
      (d) => {
        if (live) setData({ key, days: d });
      },
      (e: Error) => {
        if (live) setError(e.message);
      },
    );
    return () => {
      live = false;
    };
  }, [key, from, to]);

  const dates = useMemo(() => listDates(from, to), [from, to]);
  const columns = useMemo(() => {
    const rows = data?.days ?? [];
    return Object.fromEntries(DAILY_MEASURES.map(({ m }) => [m, column(dates, rows, m)])) as Record<
      WalkingMeasure,
      (number | null)[]
    >;
  }, [dates, data]);
  const stepTarget = useMemo(
    () =>
      target.steps !== null
        ? { value: target.steps, label: t('charts.yourTarget', { steps: formatNumber(target.steps) }) }
        : null,
    [target.steps, t],
  );

  return (
    <section
      className="card walking-charts"
      aria-labelledby="walking-charts-title"
      data-testid="walking-charts"
      data-from={from}
      data-to={to}
      data-loaded={data?.key === key ? 'true' : 'false'}
    >
      <h2 id="walking-charts-title">{t('charts.title')}</h2>
      <div className="range-switch" role="group" aria-label={t('charts.period')}>
        {WALKING_RANGES.map((r) => (
          <button
            key={r.id}
            type="button"
            className={r.id === range ? 'on' : ''}
            aria-pressed={r.id === range}
            onClick={() => onRangeChange(r.id)}
          >
            {t(`charts.ranges.${r.id}`)}
          </button>
        ))}
      </div>
      <p className="muted small" data-testid="walking-period">
        {t('charts.periodShown', {
          from: `${shortDate(from)} ${from.slice(0, 4)}`,
          to: `${shortDate(to)} ${to.slice(0, 4)}`,
        })}
      </p>
      {end !== today && (
        <p className="notice">
          {t('charts.fileDays')}{' '}
          <button type="button" className="link-button" onClick={() => onEndChange(today)}>
            {t('charts.backToToday')}
          </button>
        </p>
      )}
      <FieldError message={error} />
      {!data ? (
        <Loading what={t('charts.loading')} />
      ) : (
        <>
          {data.days.length === 0 && <p>{t('charts.none')}</p>}
          {target.steps === null && <p className="muted small">{target.basis}</p>}
          {DAILY_MEASURES.filter(({ m, always }) => always || columns[m].some((v) => v !== null)).map(
            ({ m, style }) => (
              <WalkingMetricChart
                key={m}
                reference={references[m]}
                dates={dates}
                values={columns[m]}
                style={style}
                target={m === 'steps' ? stepTarget : null}
              />
            ),
          )}
        </>
      )}
    </section>
  );
}

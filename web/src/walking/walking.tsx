/**
 * Walking: bring in walking from a phone or watch (drop zone, progress, result), see it per day against the
 * person's target and the DOMAIN.md reference ranges, and log a walk by hand. After an import the charts reload
 * and, when the file's days are older than the period shown, move to them.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import type { TodayState } from '../api/types.js';
import { Link, ScreenTitle } from '../ui/common.js';
import { WalkingTargetNotes } from './walking-target-notes.js';
import { localDate } from '../lib/local-time.js';
import { ExportHelp } from './export-help.js';
import { isReport, type ImportJob } from './import-types.js';
import { WalkingCharts } from './walking-charts.js';
import { WalkingImport } from './walking-import.js';
import { rangeBounds, WALKING_RANGES, windowEndAfterImport, type WalkingRangeId } from './walking-series.js';
import { WalkLog } from './walk-log.js';

export function WalkingScreen({ today, onChanged }: { today: TodayState; onChanged: () => void }) {
  const { t } = useTranslation('walking');
  const now = localDate();
  const [range, setRange] = useState<WalkingRangeId>('4w');
  const [end, setEnd] = useState(now);
  const [version, setVersion] = useState(0);
  const target = today.walking;

  const onImported = (job: ImportJob) => {
    if (isReport(job.result)) {
      const days = WALKING_RANGES.find((r) => r.id === range)!.days;
      setEnd(windowEndAfterImport(Object.keys(job.result.days), rangeBounds(end, days), now));
    }
    setVersion((v) => v + 1);
    onChanged(); // the walking target counts imported days
  };

  return (
    <section className="screen walking-screen">
      <ScreenTitle>{t('title')}</ScreenTitle>
      <p className="lead">
        {target.steps !== null ? (
          <Trans
            t={t}
            i18nKey="target.steps"
            values={{ steps: formatNumber(target.steps), minutes: formatNumber(target.minutes) }}
            components={{ strong: <strong /> }}
          />
        ) : (
          <Trans
            t={t}
            i18nKey="target.minutes"
            values={{ minutes: formatNumber(target.minutes) }}
            components={{ strong: <strong /> }}
          />
        )}
      </p>
      <WalkingTargetNotes target={target} />
      <p>
        <Link to="/walk-now" className="button primary">
          {t('walkNowLink')}
        </Link>
      </p>
      <WalkingImport onImported={onImported} />
      <WalkingCharts
        target={target}
        today={now}
        end={end}
        onEndChange={setEnd}
        range={range}
        onRangeChange={setRange}
        version={version}
      />
      <section className="card" aria-label={t('logByHand')}>
        <WalkLog
          onSaved={() => {
            setVersion((v) => v + 1);
            onChanged();
          }}
          showImportLink={false}
        />
      </section>
      <ExportHelp />
    </section>
  );
}

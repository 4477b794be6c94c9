/**
 * Progress: pain over time with the MCID band, walking per day, sessions done and this week's adherence, the
 * current stage with what it takes to move on (met or not yet), and the history of program changes with reasons.
 */
import { isDoneSession } from '../../../src/core/program-engine.js';
import { LAST_STAGE } from '../../../src/core/stages.js';
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../i18n/format.js';
// Links inside a sentence are named <go> in the catalogue: i18next reads <link> as HTML's empty link element.
import { api } from '../api/client.js';
import type { Checkin, Progress } from '../api/types.js';
import { FieldError, Link, Loading, ScreenTitle } from '../ui/common.js';
import { PainChart } from './pain-chart.js';
import { ProgramReactions } from '../today/program-reactions.js';
import { WalkingChart } from './walking-chart.js';
import { localDate, shortDate } from '../lib/local-time.js';
import { addDays } from '../../../src/core/dates.js';
import { ReportFigures } from './report-figures.js';
import { ReportPeriodFields, useReportPeriod } from './report-period-fields.js';
import { eventHeading } from './event-text.js';

export function ProgressScreen() {
  const { t } = useTranslation('progress');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [checkins, setCheckins] = useState<Checkin[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The period of the report and its pictures, as the clinician's page offers it (report-period-fields.tsx).
  const period = useReportPeriod(localDate());

  useEffect(() => {
    Promise.all([
      api<Progress>('GET', `/api/progress?date=${localDate()}`),
      api<Checkin[]>('GET', '/api/checkins'),
    ]).then(
      ([p, c]) => {
        setProgress(p);
        setCheckins(c);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  if (error)
    return (
      <section className="screen">
        <ScreenTitle>{t('title')}</ScreenTitle>
        <FieldError message={error} />
      </section>
    );
  if (!progress || !checkins)
    return (
      <section className="screen">
        <ScreenTitle>{t('title')}</ScreenTitle>
        <Loading what={t('loading')} />
      </section>
    );

  const done = progress.sessions.filter(isDoneSession).length;
  const partial = progress.sessions.length - done;
  const adh = progress.weekAdherence;
  const requirements = progress.decision?.requirements ?? [];
  // The engine's stage changes (a step back or up) stay visible with their reasons for a week after they happen.
  const latestChange = [...progress.events].reverse().find((e) => e.action === 'regress' || e.action === 'progress');
  const showChange = latestChange && latestChange.onDate > addDays(localDate(), -7) ? latestChange : null;
  const stageChange = (e: { fromStage: number | null; toStage: number | null }) =>
    e.toStage !== null && e.fromStage !== e.toStage
      ? ` · ${t('history.stageChange', { from: e.fromStage ?? '–', to: e.toStage })}`
      : '';
  const percent = (f: number) => formatNumber(f, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section className="screen">
      <ScreenTitle>{t('title')}</ScreenTitle>

      <div className="card">
        <h2>{t('stage.title')}</h2>
        {progress.stage ? (
          <p>
            <Trans
              t={t}
              i18nKey="stage.current"
              values={{ n: progress.stage.number, last: LAST_STAGE, name: progress.stage.name }}
              components={{ strong: <strong /> }}
            />{' '}
            {progress.stage.goal}
          </p>
        ) : (
          <p>
            <Trans t={t} i18nKey="stage.none" components={{ go: <Link to="/screen">{null}</Link> }} />
          </p>
        )}
        {requirements.length > 0 && (
          <>
            <h3>{t('stage.toMove')}</h3>
            <ul className="requirements">
              {requirements.map((r) => (
                <li key={r.id} className={r.met ? 'met' : 'unmet'}>
                  <span className="req-status">{r.met ? t('stage.met') : t('stage.notYet')}</span>
                  <span>{r.text}</span>
                  <span className="muted">{r.detail}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      {showChange && (
        <div className="card latest-change" data-testid="latest-change">
          <h2>{t('latestChange')}</h2>
          <p>
            <strong>{eventHeading(t, showChange.action)}</strong> · {shortDate(showChange.onDate)}
            {stageChange(showChange)}
          </p>
          <ul>
            {showChange.reasons.map((r) => (
              <li key={r.rule + r.text}>{r.text}</li>
            ))}
          </ul>
        </div>
      )}
      {progress.decision && <ProgramReactions decision={progress.decision} />}

      <div className="card">
        <h2>{t('pain.title')}</h2>
        {checkins.length === 0 ? (
          <p>
            <Trans t={t} i18nKey="pain.none" components={{ go: <Link to="/checkin">{null}</Link> }} />
          </p>
        ) : (
          <PainChart checkins={checkins} baseline={progress.decision?.painBaseline ?? null} />
        )}
      </div>

      <div className="card">
        <h2>{t('sessions.title')}</h2>
        <p data-testid="sessions-done">
          <Trans
            t={t}
            i18nKey={partial ? 'sessions.donePartly' : 'sessions.done'}
            count={done}
            values={{ n: formatNumber(done), partial: formatNumber(partial) }}
            components={{ strong: <strong /> }}
          />
        </p>
        {adh && (
          <p data-testid="week-adherence">
            {t('sessions.week', {
              count: adh.prescribed,
              done: formatNumber(adh.done),
              prescribed: formatNumber(adh.prescribed),
              percent: percent(adh.fraction),
            })}
          </p>
        )}
        {partial > 0 && <p className="muted">{t('sessions.partlyNote')}</p>}
        {adh && (
          <meter min={0} max={1} value={adh.fraction} aria-label={t('sessions.meter')}>
            {percent(adh.fraction)}
          </meter>
        )}
      </div>

      <div className="card">
        <h2>{t('walking.title')}</h2>
        {progress.walkingDays.length === 0 ? (
          <p>{t('walking.none')}</p>
        ) : (
          <WalkingChart days={progress.walkingDays} targetMinutes={progress.walking.minutes} />
        )}
        <p className="muted">{progress.walking.basis}</p>
      </div>

      <div className="card">
        <h2>{t('report.title')}</h2>
        <ReportPeriodFields
          period={period}
          id="my-report"
          labels={{ legend: t('report.period'), from: t('report.from'), to: t('report.to') }}
        />
        {period.backwards ? (
          <FieldError message={t('report.backwards', { end: formatDate(period.end) })} />
        ) : (
          <>
            <ReportFigures path={`/api/report?format=json&${period.query}`} />
            <p>{t('report.intro')}</p>
            <p>
              <a /* i18n-ignore: a URL */ className="button" href={`/api/report?${period.query}`} download>
                {t('report.download')}
              </a>
            </p>
          </>
        )}
      </div>

      <div className="card">
        <h2>{t('history.title')}</h2>
        {progress.events.length === 0 ? (
          <p>{t('history.none')}</p>
        ) : (
          <ol className="events" reversed>
            {[...progress.events].reverse().map((e) => (
              <li key={e.id}>
                <p>
                  <strong>{eventHeading(t, e.action)}</strong> · {shortDate(e.onDate)}
                  {stageChange(e)}
                </p>
                <ul>
                  {e.reasons.map((r) => (
                    <li key={r.rule + r.text}>{r.text}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

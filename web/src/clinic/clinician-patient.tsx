/**
 * One patient, for their clinician: today's plan and the engine's decision, the stage adjustment (with a reason
 * the patient reads in their history), the walking target or cap (with a reason the patient reads on Today),
 * progress and program history, check-ins, walking, assessment and gait analyses, all from
 * /api/patients/:personId/*. When the patient has revoked consent the API answers "not found", and so does this page.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../api/client.js';
import type { Assessment, GaitAnalysisRecord } from '../../../src/server/api-types.js';
import type { Checkin, DailyWalking, Progress, TodayState } from '../api/types.js';
import { Loading, ScreenTitle } from '../ui/common.js';
import { PatientLoadError, usePatientData } from './patient-load.js';
import { addDays } from '../../../src/core/dates.js';
import { LAST_STAGE } from '../../../src/core/stages.js';
import { localDate, shortDate } from '../lib/local-time.js';
import { OUTCOME_MEASURES } from '../../../src/core/outcome-measures.js';
import { ImportHistory } from '../walking/import-history.js';
import { eventHeading, stoppedLine, decisionText, eventActor, otherScoresNote } from './patient-page-text.js';
import { formatNumber } from '../i18n/format.js';
import { attentionReasons, type PatientLine } from './clinician-attention.js';
import { ClinicianStageForm } from './clinician-stage-form.js';
import { ClinicianWalkingForm } from './clinician-walking-form.js';
import { PathLink } from '../ui/path-link.js';
import { ReportFigures } from '../progress/report-figures.js';
import { ClinicianMonitoring } from './clinician-monitoring.js';
import { SavedGaitAnalyses } from '../gait/saved-gait-analyses.js';
import { ReportDownloads } from './report-period.js';
import { useReportPeriod } from '../progress/report-period-fields.js';

interface PatientData {
  line: PatientLine | null;
  today: TodayState;
  progress: Progress;
  checkins: Checkin[];
  walking: DailyWalking[];
  gait: GaitAnalysisRecord[];
  assessment: Assessment;
}

const pain = (c: Checkin, t: TFunction) =>
  (['back', 'neck', 'foot'] as const)
    .map((k) => (c[k] === null ? null : t(`clinic:patient.pain.${k}`, { score: formatNumber(c[k]) })))
    .filter(Boolean)
    .join(', ') || '–';

export function ClinicianPatientScreen({ personId }: { personId: string }) {
  const { t } = useTranslation('clinic');
  const today = localDate();
  const base = `/api/patients/${encodeURIComponent(personId)}`;
  // The report's period: the downloads and the pictures below follow it (report-period-fields.tsx).
  const period = useReportPeriod(today);

  const load = useCallback(async (): Promise<PatientData> => {
    // Today first: it answers 404 when this is not (or no longer) the clinician's patient, before anything else is asked.
    const day = await api<TodayState>('GET', `${base}/today?date=${today}`);
    const [line, progress, checkins, walking, gait, assessment] = await Promise.all([
      api<PatientLine>('GET', `${base}/summary?date=${today}`),
      api<Progress>('GET', `${base}/progress?date=${today}`),
      api<Checkin[]>('GET', `${base}/checkins?from=${addDays(today, -27)}&to=${today}`),
      api<DailyWalking[]>('GET', `${base}/walking/daily?from=${addDays(today, -13)}&to=${today}`),
      api<GaitAnalysisRecord[]>('GET', `${base}/gait-analyses`),
      api<Assessment>('GET', `${base}/assessment`),
    ]);
    return { line, today: day, progress, checkins, walking, gait, assessment };
  }, [base, today]);
  const { data, error, reload } = usePatientData(load);

  if (error)
    return (
      <PatientLoadError
        error={error}
        title={t('patient.title')}
        goneTitle={t('patient.notFound')}
        goneMessage={t('patient.notYours')}
        back={t('patient.back')}
      />
    );
  if (!data)
    return (
      <section className="screen">
        <ScreenTitle>{t('patient.title')}</ScreenTitle>
        <Loading what={t('patient.loading')} />
      </section>
    );

  const { line, today: day, progress } = data;
  const plan = day.plan;
  const reasons = line ? attentionReasons(line, t) : [];
  const daily = data.checkins.filter((c) => c.context === 'daily');
  return (
    <section className="screen clinician-patient">
      <p className="small">
        <PathLink to="/">{t('patient.backArrow')}</PathLink>
      </p>
      <ScreenTitle>{line?.displayName ?? t('patient.title')}</ScreenTitle>
      {reasons.length > 0 && <p className="attention">{t('patients.attention', { reasons: reasons.join('; ') })}</p>}
      <ReportDownloads base={base} period={period} />
      <p>
        <PathLink to={`/patients/${encodeURIComponent(personId)}/messages`} className="button">
          {t('patient.messages', { name: line?.displayName ?? t('patient.thisPatient') })}
        </PathLink>
      </p>

      <div className="card">
        <h2>{t('patient.today')}</h2>
        {plan.status === 'needs-screen' && <p>{t('patient.notStarted')}</p>}
        {plan.status === 'stopped' && (
          <div className="alert">
            <p>
              <strong>{stoppedLine(t, plan.urgency)}</strong>
            </p>
            <p>{plan.advice}</p>
            {plan.concerns.length > 0 && (
              <ul>
                {plan.concerns.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {plan.status === 'active' && (
          <>
            <p className="stage-line">
              {t('patient.stageLine', { stage: formatNumber(plan.stage.number), last: formatNumber(LAST_STAGE) })}{' '}
              <strong>{plan.stage.name}</strong>
            </p>
            <ul>
              {plan.items.map((i) => (
                <li key={i.exercise}>
                  {i.name}: {i.doseText}
                </li>
              ))}
            </ul>
            <p>{day.sessionDoneToday ? t('patient.sessionDone') : t('patient.sessionNotDone')}</p>
          </>
        )}
        {day.decision && (
          <>
            <h3>
              {t('patient.decision', { decision: decisionText(t, day.decision.action) })}
              {day.decision.pending ? ` ${t('patient.pending')}` : ''}
            </h3>
            <ul>
              {day.decision.reasons.map((r) => (
                <li key={r.rule + r.text}>{r.text}</li>
              ))}
            </ul>
            {day.decision.referral.length > 0 && (
              <>
                <h3>{t('patient.referral')}</h3>
                <ul>
                  {day.decision.referral.map((r) => (
                    <li key={r.rule + r.text}>{r.text}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>

      {day.program && day.program.status === 'active' && (
        <>
          <ClinicianStageForm personId={personId} current={day.program.stage} onSaved={() => void reload()} />
          <ClinicianWalkingForm personId={personId} walking={day.walking} onSaved={() => void reload()} />
        </>
      )}

      <div className="card">
        <h2>{t('patient.progress')}</h2>
        <p>
          {t('patient.adherenceLine', {
            week: progress.weekAdherence
              ? t('patient.sessionsOf', {
                  count: progress.weekAdherence.prescribed,
                  done: formatNumber(progress.weekAdherence.done),
                  prescribed: formatNumber(progress.weekAdherence.prescribed),
                })
              : '–',
            month: line?.adherence28
              ? t('patient.of', {
                  done: formatNumber(line.adherence28.done),
                  prescribed: formatNumber(line.adherence28.prescribed),
                })
              : '–',
            baseline:
              day.decision?.painBaseline != null
                ? `${formatNumber(day.decision.painBaseline, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}/10`
                : t('patient.notYet'),
          })}
        </p>
        {progress.decision && progress.decision.requirements.length > 0 && (
          <>
            <h3>{t('patient.toNextStage')}</h3>
            <ul>
              {progress.decision.requirements.map((r) => (
                <li key={r.id}>
                  {r.met ? '✓' : '○'} {r.text} <span className="muted">{r.detail}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <h3>{t('patient.history')}</h3>
        {progress.events.length === 0 ? (
          <p>{t('patient.nothingYet')}</p>
        ) : (
          <ol className="events" reversed>
            {[...progress.events].reverse().map((e) => (
              <li key={e.id}>
                <strong>{eventHeading(t, e.action)}</strong> · {shortDate(e.onDate)}
                {e.toStage !== null && e.fromStage !== e.toStage
                  ? ` · ${t('patient.stageChange', { from: e.fromStage ?? '–', to: e.toStage })}`
                  : ''}
                {eventActor(e.actor, t) ? ` · ${eventActor(e.actor, t)}` : ''}
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

      <div className="card">
        <h2>{t('patient.pictures')}</h2>
        {period.backwards ? (
          <p className="muted">{t('report.backwards', { end: period.end })}</p>
        ) : (
          <ReportFigures path={`${base}/report?format=json&${period.query}`} />
        )}
      </div>

      <div className="card">
        <h2>{t('patient.checkins')}</h2>
        {daily.length === 0 ? (
          <p>{t('patient.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('patient.date')}</th>
                <th scope="col">{t('patient.painColumn')}</th>
                <th scope="col">{t('patient.note')}</th>
              </tr>
            </thead>
            <tbody>
              {[...daily].reverse().map((c) => (
                <tr key={c.id}>
                  <td>{shortDate(c.date)}</td>
                  <td>{pain(c, t)}</td>
                  <td>{c.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {otherScoresNote(data.checkins.length - daily.length, t) && (
          <p className="muted small">{otherScoresNote(data.checkins.length - daily.length, t)}</p>
        )}
      </div>

      <div className="card">
        <h2>{t('patient.walking')}</h2>
        {data.walking.length === 0 ? (
          <p>{t('patient.noneLogged')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('patient.date')}</th>
                <th scope="col">{t('patient.minutes')}</th>
                <th scope="col">{t('patient.steps')}</th>
              </tr>
            </thead>
            <tbody>
              {[...data.walking].reverse().map((w) => (
                <tr key={w.date}>
                  <td>{shortDate(w.date)}</td>
                  <td>{formatNumber(Math.round(w.minutes))}</td>
                  <td>{formatNumber(w.steps)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {/* The patient's files (walking, a clinic's FHIR record), each with what it stored, as on their Walk page. */}
        <ImportHistory version={0} path={`${base}/imports`} title={t('patient.imports')} />
      </div>

      <div className="card">
        <h2>{t('patient.assessment')}</h2>
        <p>
          {t('patient.assessmentCounts', {
            maps: t('patient.painMaps', {
              count: data.assessment.painMaps.length,
              n: formatNumber(data.assessment.painMaps.length),
            }),
            tests: t('patient.screeningTests', {
              count: data.assessment.screening.length,
              n: formatNumber(data.assessment.screening.length),
            }),
          })}
        </p>
        {data.assessment.screening.flatMap((s) => s.findings).length > 0 && (
          <ul>
            {data.assessment.screening
              .flatMap((s) => s.findings)
              .map((f, i) => (
                <li key={i}>
                  {(f as { text?: string; summary?: string }).text ??
                    (f as { summary?: string }).summary ??
                    JSON.stringify(f)}
                </li>
              ))}
          </ul>
        )}
        {data.assessment.outcomes.length > 0 && (
          <ul>
            {data.assessment.outcomes.map((o) => (
              <li key={o.measure}>
                {OUTCOME_MEASURES[o.measure]?.name ?? o.measure}: {o.latest.score ?? '–'}
                {o.band ? ` (${o.band})` : ''}, {shortDate(o.latest.recordedAt)}
              </li>
            ))}
          </ul>
        )}
      </div>

      <ClinicianMonitoring personId={personId} />

      <div className="card">
        <h2>{t('patient.gait')}</h2>
        <SavedGaitAnalyses
          analyses={data.gait}
          stillUrl={(id, i) => `${base}/gait-analyses/${encodeURIComponent(id)}/stills/${i}`}
        />
      </div>
    </section>
  );
}

/**
 * One patient, for their clinician: today's plan and the engine's decision, the stage adjustment (with a reason
 * the patient reads in their history), the walking target or cap (with a reason the patient reads on Today),
 * progress and program history, check-ins, walking, assessment and gait analyses, all from
 * /api/patients/:personId/*. When the patient has revoked consent the API answers "not found", and so does this page.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import type { Assessment, GaitAnalysisRecord } from '../../../src/server/api-types.js';
import type { Checkin, DailyWalking, Progress, TodayState } from '../api/types.js';
import { FieldError, Loading, ScreenTitle } from '../ui/common.js';
import { addDays } from '../../../src/core/dates.js';
import { LAST_STAGE } from '../../../src/core/stages.js';
import { localDate, shortDate } from '../lib/local-time.js';
import { URGENCY_TITLE } from '../../../src/core/screen-summary.js';
import { OUTCOME_MEASURES } from '../../../src/core/outcome-measures.js';
import { ImportHistory } from '../walking/import-history.js';
import { DECISION_TEXT, EVENT_TEXT, eventActor, otherScoresNote } from './patient-page-text.js';
import { attentionReasons, type PatientLine } from './clinician-attention.js';
import { ClinicianStageForm } from './clinician-stage-form.js';
import { ClinicianWalkingForm } from './clinician-walking-form.js';
import { PathLink } from '../ui/path-link.js';
import { ReportFigures } from '../progress/report-figures.js';
import { ClinicianMonitoring } from './clinician-monitoring.js';
import { SavedGaitAnalyses } from '../gait/saved-gait-analyses.js';
import { ReportDownloads } from './report-period.js';

interface PatientData { line: PatientLine | null; today: TodayState; progress: Progress; checkins: Checkin[]; walking: DailyWalking[]; gait: GaitAnalysisRecord[]; assessment: Assessment }

const pain = (c: Checkin) => ['back', 'neck', 'foot'].map((k) => (c[k as 'back'] === null ? null : `${k} ${c[k as 'back']}`)).filter(Boolean).join(', ') || '–';

export function ClinicianPatientScreen({ personId }: { personId: string }) {
  const today = localDate();
  const [data, setData] = useState<PatientData | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const base = `/api/patients/${encodeURIComponent(personId)}`;

  const load = useCallback(async () => {
    try {
      // Today first: it answers 404 when this is not (or no longer) the clinician's patient, before anything else is asked.
      const t = await api<TodayState>('GET', `${base}/today?date=${today}`);
      const [line, progress, checkins, walking, gait, assessment] = await Promise.all([
        api<PatientLine>('GET', `${base}/summary?date=${today}`), api<Progress>('GET', `${base}/progress?date=${today}`),
        api<Checkin[]>('GET', `${base}/checkins?from=${addDays(today, -27)}&to=${today}`), api<DailyWalking[]>('GET', `${base}/walking/daily?from=${addDays(today, -13)}&to=${today}`),
        api<GaitAnalysisRecord[]>('GET', `${base}/gait-analyses`), api<Assessment>('GET', `${base}/assessment`),
      ]);
      setData({ line, today: t, progress, checkins, walking, gait, assessment });
      setError(null);
    } catch (e) { setError(e as Error); setData(null); }
  }, [base, personId, today]);
  useEffect(() => { void load(); }, [load]);

  if (error) {
    const gone = error instanceof ApiError && error.status === 404;
    return (
      <section className="screen">
        <ScreenTitle>{gone ? 'Patient not found' : 'Patient'}</ScreenTitle>
        <FieldError message={gone ? 'This patient is not among your patients: they may have stopped sharing their data with you.' : error.message} />
        <p><PathLink to="/">Back to your patients</PathLink></p>
      </section>
    );
  }
  if (!data) return <section className="screen"><ScreenTitle>Patient</ScreenTitle><Loading what="the patient’s data" /></section>;

  const { line, today: t, progress } = data;
  const plan = t.plan;
  const reasons = line ? attentionReasons(line, today) : [];
  const daily = data.checkins.filter((c) => c.context === 'daily');
  return (
    <section className="screen clinician-patient">
      <p className="small"><PathLink to="/">← Your patients</PathLink></p>
      <ScreenTitle>{line?.displayName ?? 'Patient'}</ScreenTitle>
      {reasons.length > 0 && <p className="attention">Needs attention: {reasons.join('; ')}.</p>}
      <ReportDownloads base={base} today={today} />
      <p><PathLink to={`/patients/${encodeURIComponent(personId)}/messages`} className="button">Messages with {line?.displayName ?? 'this patient'}</PathLink></p>

      <div className="card">
        <h2>Today</h2>
        {plan.status === 'needs-screen' && <p>Not started: the patient has not answered the safety questions yet.</p>}
        {plan.status === 'stopped' && <div className="alert"><p><strong>Program stopped after a safety answer</strong>: {URGENCY_TITLE[plan.urgency]}.</p><p>{plan.advice}</p>{plan.concerns.length > 0 && <ul>{plan.concerns.map((c) => <li key={c}>{c}</li>)}</ul>}</div>}
        {plan.status === 'active' && (
          <>
            <p className="stage-line">Stage {plan.stage.number} of {LAST_STAGE}: <strong>{plan.stage.name}</strong></p>
            <ul>{plan.items.map((i) => <li key={i.exercise}>{i.name}: {i.doseText}</li>)}</ul>
            <p>{t.sessionDoneToday ? 'Today’s session is done.' : 'Today’s session is not done yet.'}</p>
          </>
        )}
        {t.decision && (
          <>
            <h3>The program’s decision today: {DECISION_TEXT[t.decision.action]}{t.decision.pending ? ' (from tomorrow: the stage changes at most once a day)' : ''}</h3>
            <ul>{t.decision.reasons.map((r) => <li key={r.rule + r.text}>{r.text}</li>)}</ul>
            {t.decision.referral.length > 0 && <><h3>Reasons to see a clinician</h3><ul>{t.decision.referral.map((r) => <li key={r.rule + r.text}>{r.text}</li>)}</ul></>}
          </>
        )}
      </div>

      {t.program && t.program.status === 'active' && (
        <>
          <ClinicianStageForm personId={personId} current={t.program.stage} onSaved={() => void load()} />
          <ClinicianWalkingForm personId={personId} walking={t.walking} onSaved={() => void load()} />
        </>
      )}

      <div className="card">
        <h2>Progress</h2>
        <p>Adherence this week: {progress.weekAdherence ? `${progress.weekAdherence.done} of ${progress.weekAdherence.prescribed} sessions` : '–'}; over 28 days: {line?.adherence28 ? `${line.adherence28.done} of ${line.adherence28.prescribed}` : '–'}. Pain baseline: {t.decision?.painBaseline != null ? `${t.decision.painBaseline.toFixed(1)}/10` : 'not yet'}.</p>
        {progress.decision && progress.decision.requirements.length > 0 && (
          <>
            <h3>To move to the next stage</h3>
            <ul>{progress.decision.requirements.map((r) => <li key={r.id}>{r.met ? '✓' : '○'} {r.text} <span className="muted">{r.detail}</span></li>)}</ul>
          </>
        )}
        <h3>Program history</h3>
        {progress.events.length === 0 ? <p>Nothing yet.</p> : (
          <ol className="events" reversed>
            {[...progress.events].reverse().map((e) => (
              <li key={e.id}><strong>{EVENT_TEXT[e.action]}</strong> · {shortDate(e.onDate)}{e.toStage !== null && e.fromStage !== e.toStage ? ` · stage ${e.fromStage ?? '–'} → ${e.toStage}` : ''}{eventActor(e.actor) ? ` · ${eventActor(e.actor)}` : ''}
                <ul>{e.reasons.map((r) => <li key={r.rule + r.text}>{r.text}</li>)}</ul>
              </li>
            ))}
          </ol>
        )}
      </div>

      <div className="card">
        <h2>Pictures, as in the report</h2>
        <ReportFigures path={`${base}/report?format=json&date=${today}`} />
      </div>

      <div className="card">
        <h2>Check-ins (last 28 days)</h2>
        {daily.length === 0 ? <p>None.</p> : (
          <table className="data-table">
            <thead><tr><th scope="col">Date</th><th scope="col">Pain (0–10)</th><th scope="col">Note</th></tr></thead>
            <tbody>{[...daily].reverse().map((c) => <tr key={c.id}><td>{shortDate(c.date)}</td><td>{pain(c)}</td><td>{c.note ?? ''}</td></tr>)}</tbody>
          </table>
        )}
        {otherScoresNote(data.checkins.length - daily.length) && <p className="muted small">{otherScoresNote(data.checkins.length - daily.length)}</p>}
      </div>

      <div className="card">
        <h2>Walking (last 14 days)</h2>
        {data.walking.length === 0 ? <p>None logged.</p> : (
          <table className="data-table">
            <thead><tr><th scope="col">Date</th><th scope="col">Minutes</th><th scope="col">Steps</th></tr></thead>
            <tbody>{[...data.walking].reverse().map((w) => <tr key={w.date}><td>{shortDate(w.date)}</td><td>{Math.round(w.minutes)}</td><td>{w.steps.toLocaleString('en')}</td></tr>)}</tbody>
          </table>
        )}
      </div>

      <div className="card">
        <h2>Assessment</h2>
        <p>{data.assessment.painMaps.length} pain map{data.assessment.painMaps.length === 1 ? '' : 's'}, {data.assessment.screening.length} screening test{data.assessment.screening.length === 1 ? '' : 's'}.</p>
        {data.assessment.screening.flatMap((s) => s.findings).length > 0 && <ul>{data.assessment.screening.flatMap((s) => s.findings).map((f, i) => <li key={i}>{(f as { text?: string; summary?: string }).text ?? (f as { summary?: string }).summary ?? JSON.stringify(f)}</li>)}</ul>}
        {data.assessment.outcomes.length > 0 && <ul>{data.assessment.outcomes.map((o) => <li key={o.measure}>{OUTCOME_MEASURES[o.measure]?.name ?? o.measure}: {o.latest.score ?? '–'}{o.band ? ` (${o.band})` : ''}, {shortDate(o.latest.recordedAt)}</li>)}</ul>}
      </div>

      <ClinicianMonitoring personId={personId} />

      <div className="card">
        <h2>Gait analyses</h2>
        <SavedGaitAnalyses analyses={data.gait} stillUrl={(id, i) => `${base}/gait-analyses/${encodeURIComponent(id)}/stills/${i}`} />
      </div>
    </section>
  );
}

/**
 * Questionnaires (outcome measures): your latest scores with their band, trend and whether the change is real
 * (responder status, with the MCID said in words), and a form for each measure. Copyrighted questionnaires are
 * never shown: only numbered boxes for what was ticked on the official form.
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { Assessment, AssessmentCatalogue, OutcomeMeasureId, OutcomeSummary } from '../api/assessment-types.js';
import { ChainNav } from './chain-nav.js';
import { FieldError, Loading, ScreenTitle } from '../ui/common.js';
import { EvidenceTag } from './assessment-parts.js';
import { shortDate } from '../lib/local-time.js';
import { ITEM_FORMS, ItemsForm, NprsForm, PsfsForm, StartBackForm } from './assessment-outcome-forms.js';
import { RESPONDER_TEXT, bandWords, formatScore } from './assessment-outcome-text.js';

const ORDER: OutcomeMeasureId[] = ['nprs', 'psfs', 'odi', 'ndi', 'faam-adl', 'faam-sports', 'start-back'];
const FREE: OutcomeMeasureId[] = ['nprs', 'psfs'];
const INTRO: Record<OutcomeMeasureId, string> = {
  nprs: 'How strong your pain is right now, from 0 (none) to 10 (worst imaginable).',
  psfs: 'How well you can do the activities that matter to you.',
  odi: 'How your back pain affects everyday life.',
  ndi: 'How your neck pain affects everyday life.',
  'faam-adl': 'How your foot and ankle cope with daily life.',
  'faam-sports': 'How your foot and ankle cope with sport.',
  'start-back': 'A back screening questionnaire that helps choose the kind of care that fits you.',
};

function SummaryRow({ s, catalogue }: { s: OutcomeSummary; catalogue: AssessmentCatalogue }) {
  const info = catalogue.outcomeMeasures[s.measure];
  const t = s.trend;
  return (
    <li className="outcome-row" data-measure={s.measure}>
      <p><strong>{info.name}</strong></p>
      <p>Latest: <strong>{s.latest.score === null ? 'not scored' : formatScore(s.measure, s.latest.score)}</strong>{s.band ? `, ${bandWords(s.measure, s.band)}` : ''} · {shortDate(s.latest.recordedAt)}, by {s.latest.recordedBy}</p>
      {t ? (
        <>
          <p>Since your first score ({formatScore(s.measure, t.baseline.score)} on {shortDate(t.baseline.date)}):{' '}
            <span className={`responder responder-${t.status}`}><span aria-hidden="true">{RESPONDER_TEXT[t.status].symbol}</span> {RESPONDER_TEXT[t.status].words}</span>
            {' '}({t.change > 0 ? '+' : ''}{Math.round(t.change * 10) / 10} over {t.points.length} scores).</p>
          <p className="muted small">What counts as a real change: {info.change}</p>
        </>
      ) : s.measure === 'start-back'
        ? <p className="muted small">{info.change}</p>
        : <p className="muted small">One score so far: the trend shows once there is a second. {info.change}</p>}
    </li>
  );
}

export function AssessmentOutcomesScreen() {
  const [catalogue, setCatalogue] = useState<AssessmentCatalogue | null>(null);
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => { api<Assessment>('GET', '/api/assessment').then(setAssessment, (e: Error) => setError(e.message)); }, []);
  useEffect(() => {
    api<AssessmentCatalogue>('GET', '/api/assessment/catalogue').then(setCatalogue, (e: Error) => setError(e.message));
    reload();
  }, [reload]);

  if (!catalogue || !assessment) {
    return <section className="screen"><ScreenTitle>Questionnaires</ScreenTitle><ChainNav />{error ? <FieldError message={error} /> : <Loading what="your questionnaires" />}</section>;
  }
  const summaries = [...assessment.outcomes].sort((a, b) => ORDER.indexOf(a.measure) - ORDER.indexOf(b.measure));
  const psfs = assessment.outcomes.find((o) => o.measure === 'psfs');
  const previousActivities = ((psfs?.latest.inputs as { activities?: { name: string }[] } | undefined)?.activities ?? []).map((a) => a.name);
  return (
    <section className="screen">
      <ScreenTitle>Questionnaires</ScreenTitle>
      <ChainNav />
      <p className="lead">Scores that show how you are doing over time. Fill one in every few weeks to see whether things really change.</p>
      <div className="card" aria-labelledby="scores-title">
        <h2 id="scores-title">Your scores</h2>
        {summaries.length === 0 ? <p>No scores yet.</p> : <ul className="outcome-list">{summaries.map((s) => <SummaryRow key={s.measure} s={s} catalogue={catalogue} />)}</ul>}
      </div>
      <p className="notice" id="licence-note">
        <strong>About copyrighted questionnaires:</strong> Footing does not reproduce the ODI, NDI, FAAM or STarT Back questionnaires. Fill in the official form (your clinician has it), then copy the numbers into the boxes here. Footing stores only those numbers.
      </p>
      {ORDER.map((m) => {
        const info = catalogue.outcomeMeasures[m];
        const free = FREE.includes(m);
        return (
          <details key={m} className="card outcome-card" id={`measure-${m}`} open={m === 'nprs'}>
            <summary><h2>{info.name}</h2></summary>
            <p>{INTRO[m]}</p>
            {!free && <p className="notice small">Copy the numbers from the official form. Footing does not show its questions.</p>}
            <details>
              <summary>About this measure</summary>
              <p><strong>Stored:</strong> {info.stores}</p>
              <p><strong>Licence:</strong> {info.licence}</p>
              <p><strong>Missing answers:</strong> {info.missingRule}</p>
              <p><strong>Real change:</strong> {info.change}</p>
              <EvidenceTag evidence={info.evidence} refs={info.refs} />
            </details>
            {m === 'nprs' && <NprsForm onSaved={reload} />}
            {m === 'psfs' && <PsfsForm onSaved={reload} previous={previousActivities} />}
            {(m === 'odi' || m === 'ndi' || m === 'faam-adl' || m === 'faam-sports') && <ItemsForm config={ITEM_FORMS[m]} onSaved={reload} />}
            {m === 'start-back' && <StartBackForm onSaved={reload} />}
          </details>
        );
      })}
    </section>
  );
}

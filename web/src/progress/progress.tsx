/**
 * Progress: pain over time with the MCID band, walking per day, sessions done and this week's adherence, the
 * current stage with what it takes to move on (met or not yet), and the history of program changes with reasons.
 */
import { isDoneSession } from '../../../src/core/program-engine.js';
import { LAST_STAGE } from '../../../src/core/stages.js';
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { Checkin, Progress } from '../api/types.js';
import { FieldError, Link, Loading, ScreenTitle } from '../ui/common.js';
import { PainChart } from './pain-chart.js';
import { ProgramReactions } from '../today/program-reactions.js';
import { WalkingChart } from './walking-chart.js';
import { localDate, shortDate } from '../lib/local-time.js';
import { addDays } from '../../../src/core/dates.js';
import { ReportFigures } from './report-figures.js';
import { EVENT_TEXT } from './event-text.js';


export function ProgressScreen() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [checkins, setCheckins] = useState<Checkin[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([api<Progress>('GET', `/api/progress?date=${localDate()}`), api<Checkin[]>('GET', '/api/checkins')])
      .then(([p, c]) => { setProgress(p); setCheckins(c); }, (e: Error) => setError(e.message));
  }, []);

  if (error) return <section className="screen"><ScreenTitle>Progress</ScreenTitle><FieldError message={error} /></section>;
  if (!progress || !checkins) return <section className="screen"><ScreenTitle>Progress</ScreenTitle><Loading what="your progress" /></section>;

  const done = progress.sessions.filter(isDoneSession).length;
  const partial = progress.sessions.length - done;
  const adh = progress.weekAdherence;
  const requirements = progress.decision?.requirements ?? [];
  // The engine's stage changes (a step back or up) stay visible with their reasons for a week after they happen.
  const latestChange = [...progress.events].reverse().find((e) => e.action === 'regress' || e.action === 'progress');
  const showChange = latestChange && latestChange.onDate > addDays(localDate(), -7) ? latestChange : null;
  return (
    <section className="screen">
      <ScreenTitle>Progress</ScreenTitle>

      <div className="card">
        <h2>Your stage</h2>
        {progress.stage
          ? <p>Stage {progress.stage.number} of {LAST_STAGE}: <strong>{progress.stage.name}</strong>. {progress.stage.goal}</p>
          : <p>No program yet. <Link to="/screen">Take the safety check</Link> to start.</p>}
        {requirements.length > 0 && (
          <>
            <h3>To move to the next stage</h3>
            <ul className="requirements">
              {requirements.map((r) => (
                <li key={r.id} className={r.met ? 'met' : 'unmet'}>
                  <span className="req-status">{r.met ? '✓ Met' : '○ Not yet'}</span>
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
          <h2>Latest change to your plan</h2>
          <p><strong>{EVENT_TEXT[showChange.action] ?? showChange.action}</strong> · {shortDate(showChange.onDate)}{showChange.toStage !== null && showChange.fromStage !== showChange.toStage ? ` · stage ${showChange.fromStage ?? '–'} → ${showChange.toStage}` : ''}</p>
          <ul>{showChange.reasons.map((r) => <li key={r.rule + r.text}>{r.text}</li>)}</ul>
        </div>
      )}
      {progress.decision && <ProgramReactions decision={progress.decision} />}

      <div className="card">
        <h2>Pain over time</h2>
        {checkins.length === 0
          ? <p>No check-ins yet. <Link to="/checkin">Do your first check-in</Link>.</p>
          : <PainChart checkins={checkins} baseline={progress.decision?.painBaseline ?? null} />}
      </div>

      <div className="card">
        <h2>Sessions</h2>
        <p data-testid="sessions-done"><strong>{done}</strong> session{done === 1 ? '' : 's'} done{partial ? `, ${partial} partly done` : ''}.</p>
        {adh && <p data-testid="week-adherence">This week: a full session on {adh.done} of {adh.prescribed} {adh.prescribed === 1 ? 'day' : 'days'} ({Math.round(adh.fraction * 100)}%).</p>}
        {partial > 0 && <p className="muted">A session counts as done when every exercise in it was done. Partly done sessions stay in your record, but they do not count toward moving up a stage.</p>}
        {adh && <meter min={0} max={1} value={adh.fraction} aria-label="Sessions done this week">{Math.round(adh.fraction * 100)}%</meter>}
      </div>

      <div className="card">
        <h2>Walking</h2>
        {progress.walkingDays.length === 0
          ? <p>No walking logged yet. Log it on the Today screen.</p>
          : <WalkingChart days={progress.walkingDays} targetMinutes={progress.walking.minutes} />}
        <p className="muted">{progress.walking.basis}</p>
      </div>

      <div className="card">
        <h2>Your report</h2>
        <ReportFigures path={`/api/report?format=json&date=${localDate()}`} />
        <p>Your plan, your progress and your body from the feet up, in one PDF to keep or show your doctor.</p>
        <p><a className="button" href={`/api/report?date=${localDate()}`} download>Download my report (PDF)</a></p>
      </div>

      <div className="card">
        <h2>History</h2>
        {progress.events.length === 0 ? <p>Nothing yet.</p> : (
          <ol className="events" reversed>
            {[...progress.events].reverse().map((e) => (
              <li key={e.id}>
                <p><strong>{EVENT_TEXT[e.action] ?? e.action}</strong> · {shortDate(e.onDate)}{e.toStage !== null && e.fromStage !== e.toStage ? ` · stage ${e.fromStage ?? '–'} → ${e.toStage}` : ''}</p>
                <ul>{e.reasons.map((r) => <li key={r.rule + r.text}>{r.text}</li>)}</ul>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

/**
 * The stop screen after a "yes" on the safety check: why, in plain words (never a diagnosis), what kind of care
 * and how soon, that the answer was kept, and a way back only after a clinician has checked the person.
 */
import { useState } from 'react';
import { URGENCY_TITLE } from '../../../src/core/screen-summary.js';
import type { TodayState } from '../api/types.js';
import { Link, ScreenTitle } from '../ui/common.js';

export function Stopped({ today, onRestart }: { today: TodayState; onRestart: () => void }) {
  const [cleared, setCleared] = useState(false);
  if (today.plan.status !== 'stopped') return null;
  const { urgency, advice, concerns } = today.plan;
  const when = today.screen ? new Date(today.screen.takenAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : null;
  return (
    <section className="screen">
      <ScreenTitle>Please get checked before you start</ScreenTitle>
      <div className={`alert urgency-${urgency}`} role="alert">
        <h2>{URGENCY_TITLE[urgency]}</h2>
        <p>{advice}</p>
      </div>
      <div className="card">
        <h2>Why we stopped</h2>
        <p>One or more of your answers can be a sign of something a doctor should look at first, such as:</p>
        <ul>{concerns.map((c) => <li key={c}>{c}</li>)}</ul>
        <p>This is <strong>not a diagnosis</strong>: it does not mean you have any of these. Only a clinician can check, so please follow the advice above.</p>
      </div>
      <div className="card">
        <h2>What happens now</h2>
        <p>Your exercise plan is paused. {when ? `Your answers were saved on ${when}.` : 'Your answers were saved.'} You can show this screen to the clinician, or take your answers with you: a page with each question and your answer in words, the date, and what to do, to print or save as PDF.</p>
        <Link to="/my-answers" className="button">See and print my answers</Link>
      </div>
      <div className="card">
        <h2>After a clinician has checked you</h2>
        <label className="check">
          <input type="checkbox" checked={cleared} onChange={(e) => setCleared(e.target.checked)} />
          <span>A doctor or physiotherapist has checked me and said I can exercise.</span>
        </label>
        <button type="button" className="primary" disabled={!cleared} onClick={onRestart}>Answer the safety check again</button>
      </div>
    </section>
  );
}

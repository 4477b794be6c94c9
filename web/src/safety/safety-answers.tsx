/**
 * "My answers": the latest safety check as a readable, printable page, for the person and the clinician they see
 * after a stop: the date, whom to see and how soon, what the "yes" answers may point to (never a diagnosis), and
 * every question in words with its answer. Print or save as PDF from here; the backup file (JSON, for moving the
 * app's data, not for reading) stays on the Data screen and is linked at the foot.
 */
import type { TodayState } from '../api/types.js';
import { Link, ScreenTitle } from '../ui/common.js';
import { summariseScreen } from '../../../src/core/screen-summary.js';
import './safety-answers.css';

export function SafetyAnswers({ today }: { today: TodayState }) {
  const screen = today.screen;
  if (!screen) {
    return <section className="screen"><ScreenTitle>My safety check answers</ScreenTitle><p>You have not answered the safety check yet.</p><Link to="/" className="button">Back</Link></section>;
  }
  const s = summariseScreen(screen.answers, screen.result);
  const when = new Date(screen.takenAt).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' });
  return (
    <section className="screen safety-answers">
      <ScreenTitle>My safety check answers</ScreenTitle>
      <p data-testid="answered-on">Answered on <strong>{when}</strong> in Footing, a foot exercise app for back and neck pain.</p>
      {s.care ? (
        <div className={`alert urgency-${s.care.urgency}`}>
          <h2>Whom to see, and how soon: {s.care.title}</h2>
          <p>{s.care.advice}</p>
        </div>
      ) : <p>None of the answers asked to see a doctor first.</p>}
      {s.concerns.length > 0 && (
        <div className="card">
          <h2>What it means</h2>
          <p>Each “yes” below can be a sign of something a doctor should look at before any exercise, such as:</p>
          <ul>{s.concerns.map((c) => <li key={c}>{c}</li>)}</ul>
          <p>This is <strong>not a diagnosis</strong>: it does not mean you have any of these. Only a clinician can check. The exercise plan is paused until a clinician has seen you.</p>
        </div>
      )}
      {s.groups.map((g) => (
        <div className="card" key={g.title}>
          <h2>{g.title}</h2>
          <ul className="answers-list">
            {g.questions.map((q) => (
              <li key={q.question}>
                <span>{q.question}</span>
                <span className={`answer${q.answer === 'Yes' ? ' answer-yes' : ''}`}>{q.answer}</span>
                {q.flag && <p className="points-to">May point to {q.flag.concern}. For this answer: {q.flag.care.toLowerCase()}.</p>}
                {q.changes && <p className="points-to">{q.changes}</p>}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="no-print">
        <button type="button" className="primary" onClick={() => window.print()}>Print or save as PDF</button>
        <Link to="/" className="button">Back</Link>
        <p className="muted">A backup of all your Footing data, as a file for moving it to another phone or computer (not for reading): <a href="/api/export" download>download the backup file (JSON)</a>. It is also on the Data screen.</p>
      </div>
    </section>
  );
}

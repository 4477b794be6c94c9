/**
 * Today: the stage, the engine's decision with its reasons, the plan (walk target and drills, each with dose,
 * steps, why it matters with evidence labels, and what to do if it hurts), and the ways in: start the session,
 * check in, log walking.
 */
import { LAST_STAGE } from '../../../src/core/stages.js';
import type { ReactNode } from 'react';
import type { PlanItem, TodayState } from '../api/types.js';
import { ClaimLine, Link, ScreenTitle } from '../ui/common.js';
import { OutboxStatus } from '../outbox/outbox-status.js';
import { PENDING_TITLE, ReferralCard, RescreenPrompt } from './program-reactions.js';
import { WalkingTargetNotes } from '../walking/walking-target-notes.js';
import { ExercisePicture } from '../pictures/exercise-picture.js';
import { sessionItems } from '../session/segments.js';
import { WalkLog } from '../walking/walk-log.js';

const POSITION: Record<string, string> = { sitting: 'sitting down', standing: 'standing', 'single-leg': 'on one foot', walking: 'walking' };
const ACTION_TEXT: Record<string, string> = {
  progress: 'You moved up a stage today. Well done.',
  hold: 'Stay at this stage for now.',
  regress: 'The plan stepped back a stage to let things settle.',
  stop: 'The program is paused.',
};

function PlanCard({ item, children }: { item: PlanItem; children?: ReactNode }) {
  const id = `item-${item.exercise}`;
  return (
    <article className="card plan-item" aria-labelledby={id}>
      <h2 id={id}>{item.name}</h2>
      <p className="dose"><strong>{item.doseText}</strong>{item.exercise !== 'walk' && <> · {POSITION[item.position]}</>}</p>
      {item.dose.kind === 'walk' && <WalkingTargetNotes target={item.dose} />}
      {item.dose.kind === 'timed' && item.dose.timesPerDay > 1 && <p className="muted">The guided session does one round; do the second round later in the day.</p>}
      <h3>How to do it</h3>
      <ExercisePicture exercise={item.exercise} position={item.position} />
      <ol className="steps">{item.steps.map((s) => <li key={s}>{s}</li>)}</ol>
      <details>
        <summary>Why it matters</summary>
        <ul className="claims">{item.why.map((c) => <ClaimLine key={c.text} claim={c} />)}</ul>
      </details>
      <details>
        <summary>If it hurts</summary>
        <ul>{item.ifItHurts.map((s) => <li key={s}>{s}</li>)}</ul>
      </details>
      {children}
    </article>
  );
}

// `pending` (sessions waiting) is still passed by the shell; OutboxStatus reads the outbox itself, check-ins and walks too.
export function Today({ today, onChanged }: { today: TodayState; pending: number; onChanged: () => void }) {
  if (today.plan.status !== 'active') return null;
  const { stage, items, excluded } = today.plan;
  const drills = sessionItems(items);
  const decision = today.decision;
  const newStage = decision?.action === 'progress' && today.program?.stageStartedOn === today.date;
  return (
    <section className="screen">
      <ScreenTitle>Today</ScreenTitle>
      <p className="stage-line">Stage {stage.number} of {LAST_STAGE}: <strong>{stage.name}</strong></p>
      <p className="muted">{stage.goal}</p>
      {decision && <RescreenPrompt decision={decision} />}
      {decision && (
        // A step back, or pain above the limit after a session (DOMAIN.md §8), is shown with its reasons open: the
        // person should see why without looking for it.
        <details className="decision" open={decision.action === 'regress' || decision.reasons.some((r) => r.rule === 'activity-pain-high')} data-testid="today-decision">
          <summary>{newStage ? ACTION_TEXT.progress : decision.pending && (decision.action === 'progress' || decision.action === 'regress') ? `${PENDING_TITLE[decision.action]}.` : ACTION_TEXT[decision.action]}</summary>
          <ul>{decision.reasons.map((r) => <li key={r.rule}>{r.text}</li>)}</ul>
        </details>
      )}
      {decision && <ReferralCard decision={decision} />}
      <OutboxStatus onSent={onChanged} />
      <div className="actions">
        {drills.length > 0 && (
          <Link to="/session" className="button primary big">{today.sessionDoneToday ? 'Do the session again' : 'Start today’s session'}</Link>
        )}
        {today.sessionDoneToday && <p className="success">Today’s session is done.</p>}
        <Link to="/checkin" className="button">Daily pain check-in</Link>
      </div>
      {items.map((item) => (
        <PlanCard key={item.exercise} item={item}>
          {item.exercise === 'walk' && <WalkLog onSaved={onChanged} />}
        </PlanCard>
      ))}
      {excluded.length > 0 && (
        <div className="card">
          <h2>Left out for now</h2>
          <ul>{excluded.map((x) => <li key={x.exercise}>{x.exercise === 'ball-roll' ? 'Ball roll' : 'Pinky-toe lift'}: {x.reason}</li>)}</ul>
        </div>
      )}
    </section>
  );
}

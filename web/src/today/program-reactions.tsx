/**
 * How the program reacts, for Today, Progress and My chain: what the engine decided and why (each reason), the
 * reasons to see a clinician, and, when the safety questions are due again, a prompt that leads to them (the
 * /screen flow; a "yes" there stops the program as it always does).
 */
import type { ProgramReview } from '../api/assessment-types.js';
import { Link } from '../ui/common.js';

export const ACTION_TITLE: Record<ProgramReview['action'], string> = {
  progress: 'The plan moves up a stage',
  hold: 'The plan stays at this stage',
  regress: 'The plan stepped back a stage',
  stop: 'The program is paused',
};

/**
 * A review that changed after today's decision was applied (`pending`: e.g. pain after this evening's session) is
 * in effect from tomorrow's first review: said so, never as done.
 */
export const PENDING_TITLE: Record<'progress' | 'regress', string> = {
  progress: 'The plan is ready to move up a stage: it does so tomorrow if nothing changes',
  regress: 'The plan steps back a stage from tomorrow, to let things settle',
};

/** The one-line headline of a review, pending or in effect. */
export function decisionHeadline(decision: ProgramReview): string {
  return decision.pending && (decision.action === 'progress' || decision.action === 'regress') ? PENDING_TITLE[decision.action] : ACTION_TITLE[decision.action];
}

/** The decision's reasons, as a list (headed when `title` is given). */
export function DecisionReasons({ decision, title }: { decision: ProgramReview; title?: string }) {
  return (
    <div className={`decision-reasons action-${decision.action}`} data-testid="decision-reasons">
      {title && <h3>{title}</h3>}
      <ul>{decision.reasons.map((r) => <li key={r.rule + r.text}>{r.text}</li>)}</ul>
    </div>
  );
}

/** "See a clinician": the referral reasons, if any. */
export function ReferralCard({ decision }: { decision: ProgramReview }) {
  if (!decision.referral.length) return null;
  return (
    <div className="alert referral urgency-routine" role="region" aria-labelledby="referral-title" data-testid="referral">
      <h2 id="referral-title">See a clinician</h2>
      <p>This is not an emergency, and you can keep doing the plan. A doctor or physiotherapist should look at this:</p>
      <ul>{decision.referral.map((r) => <li key={r.rule}>{r.text}</li>)}</ul>
    </div>
  );
}

/** The safety questions are due again: why, and the way to them. */
export function RescreenPrompt({ decision }: { decision: ProgramReview }) {
  if (!decision.rescreen.due) return null;
  return (
    <div className="notice rescreen" role="region" aria-labelledby="rescreen-title" data-testid="rescreen">
      <h2 id="rescreen-title">Time for the safety questions</h2>
      {decision.rescreen.reason && <p>{decision.rescreen.reason}</p>}
      <Link to="/screen" className="button primary">Answer the safety questions</Link>
    </div>
  );
}

/** All three, for a screen that has no decision section of its own. */
export function ProgramReactions({ decision, title = 'What the plan decided today' }: { decision: ProgramReview; title?: string }) {
  return (
    <>
      <RescreenPrompt decision={decision} />
      <div className="card" data-testid="program-decision">
        <h2>{title}</h2>
        <p><strong>{decisionHeadline(decision)}.</strong></p>
        <DecisionReasons decision={decision} />
      </div>
      <ReferralCard decision={decision} />
    </>
  );
}

/**
 * How the program reacts, for Today, Progress and My chain: what the engine decided and why (each reason), the
 * reasons to see a clinician, and, when the safety questions are due again, a prompt that leads to them (the
 * /screen flow; a "yes" there stops the program as it always does).
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ProgramReview } from '../api/assessment-types.js';
import { Link } from '../ui/common.js';

/**
 * The one-line headline of a review, pending or in effect (today:reactions.action.* / pending.*). A review that
 * changed after today's decision was applied (`pending`: e.g. pain after this evening's session) is in effect from
 * tomorrow's first review: said so, never as done. `t` may read any namespace: the keys name theirs.
 */
export function decisionHeadline(decision: ProgramReview, t: TFunction): string {
  return decision.pending && (decision.action === 'progress' || decision.action === 'regress')
    ? t(`today:reactions.pending.${decision.action}`)
    : t(`today:reactions.action.${decision.action}`);
}

/** The decision's reasons, as a list (headed when `title` is given). */
export function DecisionReasons({ decision, title }: { decision: ProgramReview; title?: string }) {
  return (
    <div className={`decision-reasons action-${decision.action}`} data-testid="decision-reasons">
      {title && <h3>{title}</h3>}
      <ul>
        {decision.reasons.map((r) => (
          <li key={r.rule + r.text}>{r.text}</li>
        ))}
      </ul>
    </div>
  );
}

/** "See a clinician": the referral reasons, if any. */
export function ReferralCard({ decision }: { decision: ProgramReview }) {
  const { t } = useTranslation('today');
  if (!decision.referral.length) return null;
  return (
    <div
      className="alert referral urgency-routine"
      role="region"
      aria-labelledby="referral-title"
      data-testid="referral"
    >
      <h2 id="referral-title">{t('reactions.referral.title')}</h2>
      <p>{t('reactions.referral.lead')}</p>
      <ul>
        {decision.referral.map((r) => (
          <li key={r.rule}>{r.text}</li>
        ))}
      </ul>
    </div>
  );
}

/** The safety questions are due again: why, and the way to them. */
export function RescreenPrompt({ decision }: { decision: ProgramReview }) {
  const { t } = useTranslation('today');
  if (!decision.rescreen.due) return null;
  return (
    <div className="notice rescreen" role="region" aria-labelledby="rescreen-title" data-testid="rescreen">
      <h2 id="rescreen-title">{t('reactions.rescreen.title')}</h2>
      {decision.rescreen.reason && <p>{decision.rescreen.reason}</p>}
      <Link to="/screen" className="button primary">
        {t('reactions.rescreen.answer')}
      </Link>
    </div>
  );
}

/** All three, for a screen that has no decision section of its own. */
export function ProgramReactions({ decision, title }: { decision: ProgramReview; title?: string }) {
  const { t } = useTranslation('today');
  return (
    <>
      <RescreenPrompt decision={decision} />
      <div className="card" data-testid="program-decision">
        <h2>{title ?? t('reactions.decidedToday')}</h2>
        <p>
          <strong>{decisionHeadline(decision, t)}.</strong>
        </p>
        <DecisionReasons decision={decision} />
      </div>
      <ReferralCard decision={decision} />
    </>
  );
}

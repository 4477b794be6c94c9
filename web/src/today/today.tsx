/**
 * Today: the stage, the engine's decision with its reasons, the plan (walk target and drills, each with dose,
 * steps, why it matters with evidence labels, and what to do if it hurts), and the ways in: start the session,
 * check in, log walking.
 */
import { LAST_STAGE } from '../../../src/core/stages.js';
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PlanItem, TodayState } from '../api/types.js';
import { ClaimLine, Link, ScreenTitle } from '../ui/common.js';
import { OutboxStatus } from '../outbox/outbox-status.js';
import { decisionHeadline, ReferralCard, RescreenPrompt } from './program-reactions.js';
import { WalkingTargetNotes } from '../walking/walking-target-notes.js';
import { ExercisePicture } from '../pictures/exercise-picture.js';
import { sessionItems } from '../session/segments.js';
import { WalkLog } from '../walking/walk-log.js';

// Positions (today:position.*) and the day's decision (today:today.action.*) are catalogue keys named by the plan's codes.
function PlanCard({ item, children }: { item: PlanItem; children?: ReactNode }) {
  const { t } = useTranslation('today');
  const id = `item-${item.exercise}`;
  return (
    <article className="card plan-item" aria-labelledby={id}>
      <h2 id={id}>{item.name}</h2>
      <p className="dose">
        <strong>{item.doseText}</strong>
        {item.exercise !== 'walk' && <> · {t(`position.${item.position}`)}</>}
      </p>
      {item.dose.kind === 'walk' && <WalkingTargetNotes target={item.dose} />}
      {item.dose.kind === 'timed' && item.dose.timesPerDay > 1 && <p className="muted">{t('plan.secondRound')}</p>}
      <h3>{t('plan.howTo')}</h3>
      <ExercisePicture exercise={item.exercise} position={item.position} />
      <ol className="steps">
        {item.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <details>
        <summary>{t('plan.why')}</summary>
        <ul className="claims">
          {item.why.map((c) => (
            <ClaimLine key={c.text} claim={c} />
          ))}
        </ul>
      </details>
      <details>
        <summary>{t('plan.ifItHurts')}</summary>
        <ul>
          {item.ifItHurts.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </details>
      {children}
    </article>
  );
}

// `pending` (sessions waiting) is still passed by the shell; OutboxStatus reads the outbox itself, check-ins and walks too.
export function Today({ today, onChanged }: { today: TodayState; pending: number; onChanged: () => void }) {
  const { t } = useTranslation('today');
  if (today.plan.status !== 'active') return null;
  const { stage, items, excluded } = today.plan;
  const drills = sessionItems(items);
  const decision = today.decision;
  const newStage = decision?.action === 'progress' && today.program?.stageStartedOn === today.date;
  return (
    <section className="screen">
      <ScreenTitle>{t('today.title')}</ScreenTitle>
      <p className="stage-line">
        <Trans
          t={t}
          i18nKey="today.stage"
          values={{ number: stage.number, last: LAST_STAGE, name: stage.name }}
          components={{ strong: <strong /> }}
        />
      </p>
      <p className="muted">{stage.goal}</p>
      {decision && <RescreenPrompt decision={decision} />}
      {decision && (
        // A step back, or pain above the limit after a session (DOMAIN.md §8), is shown with its reasons open: the
        // person should see why without looking for it.
        <details
          className="decision"
          open={decision.action === 'regress' || decision.reasons.some((r) => r.rule === 'activity-pain-high')}
          data-testid="today-decision"
        >
          <summary>
            {newStage
              ? t('today.action.progress')
              : decision.pending && (decision.action === 'progress' || decision.action === 'regress')
                ? `${decisionHeadline(decision, t)}.`
                : t(`today.action.${decision.action}`)}
          </summary>
          <ul>
            {decision.reasons.map((r) => (
              <li key={r.rule}>{r.text}</li>
            ))}
          </ul>
        </details>
      )}
      {decision && <ReferralCard decision={decision} />}
      <OutboxStatus onSent={onChanged} />
      <div className="actions">
        {drills.length > 0 && (
          <Link to="/session" className="button primary big">
            {today.sessionDoneToday ? t('today.sessionAgain') : t('today.startSession')}
          </Link>
        )}
        {today.sessionDoneToday && <p className="success">{t('today.sessionDone')}</p>}
        <Link to="/checkin" className="button">
          {t('today.checkin')}
        </Link>
      </div>
      {items.map((item) => (
        <PlanCard key={item.exercise} item={item}>
          {item.exercise === 'walk' && <WalkLog onSaved={onChanged} />}
        </PlanCard>
      ))}
      {excluded.length > 0 && (
        <div className="card">
          <h2>{t('today.leftOut')}</h2>
          <ul>
            {excluded.map((x) => (
              <li key={x.exercise}>
                {t('today.leftOutLine', {
                  exercise: x.exercise === 'ball-roll' ? t('exercise.ballRoll') : t('exercise.pinkyToeLift'),
                  reason: x.reason,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

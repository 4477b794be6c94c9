/**
 * Where today's walking target comes from, as the patient reads it under the figure: a clinician's target or cap
 * (who set it, when, their reason, and what the person's own days would give), then the basis from the person's own
 * recent days (it names the window).
 */
import { Trans, useTranslation } from 'react-i18next';
import type { WalkingTarget } from '../../../src/core/walking-target.js';

export function WalkingTargetNotes({ target }: { target: Pick<WalkingTarget, 'basis' | 'clinician'> }) {
  const { t } = useTranslation('walking');
  const c = target.clinician;
  return (
    <>
      {c && (
        <div className="clinician-note" data-testid="walking-clinician">
          <p>{c.text}</p>
          <p className="clinician-reason">
            <Trans
              t={t}
              i18nKey="target.clinicianReason"
              values={{ name: c.setBy, reason: c.reason }}
              components={{ strong: <strong /> }}
            />
          </p>
        </div>
      )}
      <p className="basis">{target.basis}</p>
    </>
  );
}

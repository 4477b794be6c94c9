/**
 * The stop screen after a "yes" on the safety check: why, in plain words (never a diagnosis), what kind of care
 * and how soon, that the answer was kept, and a way back only after a clinician has checked the person.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.js';
import type { TodayState } from '../api/types.js';
import { Link, ScreenTitle } from '../ui/common.js';

export function Stopped({ today, onRestart }: { today: TodayState; onRestart: () => void }) {
  const { t } = useTranslation('safety');
  const [cleared, setCleared] = useState(false);
  if (today.plan.status !== 'stopped') return null;
  const { urgency, advice, concerns } = today.plan;
  const when = today.screen ? formatDateTime(today.screen.takenAt, { dateStyle: 'medium', timeStyle: 'short' }) : null;
  return (
    <section className="screen">
      <ScreenTitle>{t('stopped.title')}</ScreenTitle>
      <div className={`alert urgency-${urgency}`} role="alert">
        <h2>{t(`urgency.${urgency}`)}</h2>
        <p>{advice}</p>
      </div>
      <div className="card">
        <h2>{t('stopped.why.title')}</h2>
        <p>{t('stopped.why.lead')}</p>
        <ul>
          {concerns.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p>
          <Trans t={t} i18nKey="stopped.why.notDiagnosis" components={{ strong: <strong /> }} />
        </p>
      </div>
      <div className="card">
        <h2>{t('stopped.now.title')}</h2>
        <p>
          {t('stopped.now.paused')} {when ? t('stopped.now.savedOn', { when }) : t('stopped.now.saved')}{' '}
          {t('stopped.now.show')}
        </p>
        <Link to="/my-answers" className="button">
          {t('stopped.now.seeAnswers')}
        </Link>
      </div>
      <div className="card">
        <h2>{t('stopped.after.title')}</h2>
        <label className="check">
          <input type="checkbox" checked={cleared} onChange={(e) => setCleared(e.target.checked)} />
          <span>{t('stopped.after.confirm')}</span>
        </label>
        <button type="button" className="primary" disabled={!cleared} onClick={onRestart}>
          {t('stopped.after.again')}
        </button>
      </div>
    </section>
  );
}

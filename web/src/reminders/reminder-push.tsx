/**
 * Reminders as notifications on this phone: turn on (the browser asks for permission, then Footing subscribes this
 * browser to Web Push) or off. Says plainly when the browser cannot, or when notifications are blocked, and points
 * to the calendar instead.
 */
import { useTranslation } from 'react-i18next';
import type { RemindersState } from '../api/types.js';
import { FieldError } from '../ui/common.js';
import { REMINDERS_PUSH_PATH } from './push-subscription.js';
import { usePushToggle } from './use-push-toggle.js';

export function ReminderPushCard({ state }: { state: RemindersState }) {
  const { t } = useTranslation('reminders');
  const { status, error, busy, turnOn, turnOff } = usePushToggle(state.pushPublicKey, REMINDERS_PUSH_PATH, {
    on: t('push.onFailed'),
    off: t('push.offFailed'),
  });

  return (
    <div className="card">
      <h2>{t('push.title')}</h2>
      {status === 'checking' && <p className="muted">{t('push.checking')}</p>}
      {status === 'unsupported' && <p>{t('push.unsupported')}</p>}
      {status === 'blocked' && <p>{t('push.blocked')}</p>}
      {status === 'off' && (
        <>
          <p>{t('push.offIntro')}</p>
          <button type="button" onClick={() => void turnOn()} disabled={busy}>
            {t('push.turnOn')}
          </button>
        </>
      )}
      {status === 'on' && (
        <>
          <p className="success" role="status">
            {t('push.on')}
          </p>
          <button type="button" onClick={() => void turnOff()} disabled={busy}>
            {t('push.turnOff')}
          </button>
        </>
      )}
      <FieldError message={error} />
    </div>
  );
}

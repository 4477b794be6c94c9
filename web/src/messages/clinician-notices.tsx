/**
 * The clinician's choice, per browser, of a notification when a patient writes (GET /api/clinician/notifications,
 * PUT and DELETE .../push-subscription). The notification says only that a patient sent a message: no name, no text.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { CLINICIAN_PUSH_PATH } from '../reminders/push-subscription.js';
import { usePushToggle } from '../reminders/use-push-toggle.js';
import { FieldError } from '../ui/common.js';

export function ClinicianNoticesCard() {
  const { t } = useTranslation('clinician-messages');
  const [publicKey, setPublicKey] = useState<string | null>(null);
  useEffect(() => {
    api<{ pushPublicKey: string }>('GET', '/api/clinician/notifications').then(
      (s) => setPublicKey(s.pushPublicKey),
      () => undefined,
    );
  }, []);
  const { status, error, busy, turnOn, turnOff } = usePushToggle(publicKey, CLINICIAN_PUSH_PATH, {
    on: t('notices.onFailed'),
    off: t('notices.offFailed'),
  });
  return (
    <div className="card" data-testid="clinician-notices">
      <h2>{t('notices.title')}</h2>
      {status === 'checking' && <p className="muted">{t('notices.checking')}</p>}
      {status === 'unsupported' && <p>{t('notices.unsupported')}</p>}
      {status === 'blocked' && <p>{t('notices.blocked')}</p>}
      {status === 'off' && (
        <>
          <p>{t('notices.offIntro')}</p>
          <button type="button" onClick={() => void turnOn()} disabled={busy || !publicKey}>
            {t('notices.turnOn')}
          </button>
        </>
      )}
      {status === 'on' && (
        <>
          <p className="success" role="status">
            {t('notices.on')}
          </p>
          <button type="button" onClick={() => void turnOff()} disabled={busy}>
            {t('notices.turnOff')}
          </button>
        </>
      )}
      <FieldError message={error} />
    </div>
  );
}

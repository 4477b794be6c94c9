/**
 * The clinician's choice, per browser, of a notification when a patient writes (GET /api/clinician/notifications,
 * PUT and DELETE .../push-subscription). The notification says only that a patient sent a message: no name, no text.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import { CLINICIAN_PUSH_PATH } from '../reminders/push-subscription.js';
import { usePushToggle } from '../reminders/use-push-toggle.js';
import { FieldError } from '../ui/common.js';

export function ClinicianNoticesCard() {
  const [publicKey, setPublicKey] = useState<string | null>(null);
  useEffect(() => { api<{ pushPublicKey: string }>('GET', '/api/clinician/notifications').then((s) => setPublicKey(s.pushPublicKey), () => undefined); }, []);
  const { status, error, busy, turnOn, turnOff } = usePushToggle(publicKey, CLINICIAN_PUSH_PATH, {
    on: 'Notifications could not be turned on in this browser. New messages are still counted here and on your patient list.',
    off: 'Notifications could not be turned off here; you can also block them in the browser’s settings.',
  });
  return (
    <div className="card" data-testid="clinician-notices">
      <h2>Notifications in this browser</h2>
      {status === 'checking' && <p className="muted">Checking this browser…</p>}
      {status === 'unsupported' && <p>This browser cannot show notifications from Footing. New messages are counted here and on your patient list.</p>}
      {status === 'blocked' && <p>Notifications are blocked for Footing in this browser’s settings. Allow them there to be told of new messages.</p>}
      {status === 'off' && (<>
        <p>A notification when a patient writes to you. It says only that a patient sent a message: not who, nor what.</p>
        <button type="button" onClick={() => void turnOn()} disabled={busy || !publicKey}>Notify me of new messages</button>
      </>)}
      {status === 'on' && (<>
        <p className="success" role="status">You are notified of new messages in this browser.</p>
        <button type="button" onClick={() => void turnOff()} disabled={busy}>Turn off in this browser</button>
      </>)}
      <FieldError message={error} />
    </div>
  );
}

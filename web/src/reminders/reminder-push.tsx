/**
 * Reminders as notifications on this phone: turn on (the browser asks for permission, then Footing subscribes this
 * browser to Web Push) or off. Says plainly when the browser cannot, or when notifications are blocked, and points
 * to the calendar instead.
 */
import type { RemindersState } from '../api/types.js';
import { FieldError } from '../ui/common.js';
import { REMINDERS_PUSH_PATH } from './push-subscription.js';
import { usePushToggle } from './use-push-toggle.js';

export function ReminderPushCard({ state }: { state: RemindersState }) {
  const { status, error, busy, turnOn, turnOff } = usePushToggle(state.pushPublicKey, REMINDERS_PUSH_PATH, {
    on: 'Notifications could not be turned on in this browser. The calendar below works everywhere.',
    off: 'Notifications could not be turned off here; you can also block them in the browser’s settings.',
  });

  return (
    <div className="card">
      <h2>Notifications on this phone</h2>
      {status === 'checking' && <p className="muted">Checking this browser…</p>}
      {status === 'unsupported' && <p>This browser cannot show notifications from Footing. On an iPhone, add Footing to your Home Screen first (Share, then “Add to Home Screen”) and open it from there. Or use your calendar, below.</p>}
      {status === 'blocked' && <p>Notifications are blocked for Footing in this browser’s settings. Allow them there, or use your calendar, below.</p>}
      {status === 'off' && (<>
        <p>A notification at your reminder time; tap it to open today’s session. It says only that it is time for your session.</p>
        <button type="button" onClick={() => void turnOn()} disabled={busy}>Turn on notifications</button>
      </>)}
      {status === 'on' && (<>
        <p className="success" role="status">Notifications are on for this phone.</p>
        <button type="button" onClick={() => void turnOff()} disabled={busy}>Turn off on this phone</button>
      </>)}
      <FieldError message={error} />
    </div>
  );
}

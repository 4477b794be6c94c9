/**
 * Turning Web Push on and off in this browser, for the patient's reminders and the clinician's message notices:
 * where the browser stands (cannot, blocked, off, on), and the two actions with their busy state and a plain error.
 */
import { useEffect, useState } from 'react';
import { currentSubscription, pushSupported, subscribe, unsubscribe } from './push-subscription.js';

export type PushStatus = 'checking' | 'unsupported' | 'blocked' | 'off' | 'on';

export function usePushToggle(publicKey: string | null, path: string, failures: { on: string; off: string }) {
  const [status, setStatus] = useState<PushStatus>('checking');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!pushSupported()) {
      setStatus('unsupported');
      return;
    }
    if (Notification.permission === 'denied') {
      setStatus('blocked');
      return;
    }
    currentSubscription().then(
      (s) => setStatus(s && Notification.permission === 'granted' ? 'on' : 'off'),
      () => setStatus('off'),
    );
  }, []);

  async function turnOn() {
    if (!publicKey) return;
    setBusy(true);
    setError(null);
    try {
      const permission = await subscribe(publicKey, path);
      setStatus(permission === 'granted' ? 'on' : permission === 'denied' ? 'blocked' : 'off');
    } catch {
      setError(failures.on);
    } finally {
      setBusy(false);
    }
  }
  async function turnOff() {
    setBusy(true);
    setError(null);
    try {
      await unsubscribe(path);
      setStatus('off');
    } catch {
      setError(failures.off);
    } finally {
      setBusy(false);
    }
  }
  return { status, error, busy, turnOn, turnOff };
}

/**
 * This browser's Web Push subscription: whether the browser can have one, and subscribing (with the server's VAPID
 * public key) and unsubscribing, both told to the server at `path`: a patient's reminders (the default), or a
 * clinician's notices of their patients' messages. The service worker (web/public/sw.js) shows what arrives, and is
 * told of each change so that it can renew the subscription if the push service replaces it.
 */
import { api } from '../api/client.js';

/** Whether this browser can receive push reminders at all (an iPhone only once Footing is on the Home Screen). */
export const pushSupported = (): boolean =>
  'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** The VAPID key as PushManager wants it: the raw bytes of the base64url text. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A browser without a reachable push service can leave subscribe() waiting for ever: give up after 20 s. */
const SUBSCRIBE_TIMEOUT_MS = 20_000;
function withTimeout<T>(p: Promise<T>): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      // i18n-ignore: this error is never shown (usePushToggle shows its own words)
      setTimeout(() => reject(new Error('the push service did not answer')), SUBSCRIBE_TIMEOUT_MS),
    ),
  ]);
}

/** The current subscription of this browser, or null. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const reg = await navigator.serviceWorker.ready;
  return reg.pushManager.getSubscription();
}

/**
 * Asks for permission (the browser's own prompt, from the person's tap), subscribes, and stores the subscription on
 * the server. Resolves with the permission: 'granted' when subscribed.
 */
export const REMINDERS_PUSH_PATH = '/api/reminders/push-subscription';
export const CLINICIAN_PUSH_PATH = '/api/clinician/notifications/push-subscription';

/** Tells the service worker the subscription changed (it keeps the current one for a renewal). */
function tellWorker(reg: ServiceWorkerRegistration): void {
  reg.active?.postMessage({ type: 'footing-push-changed' });
}

export async function subscribe(
  publicKey: string,
  path: string = REMINDERS_PUSH_PATH,
): Promise<NotificationPermission> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission;
  const reg = await navigator.serviceWorker.ready;
  const sub =
    (await reg.pushManager.getSubscription()) ??
    (await withTimeout(
      reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }),
    ));
  await api('PUT', path, sub.toJSON());
  tellWorker(reg);
  return permission;
}

/** Stops push reminders on this browser: the server forgets the subscription, the browser drops it. */
export async function unsubscribe(path: string = REMINDERS_PUSH_PATH): Promise<void> {
  const sub = await currentSubscription();
  if (!sub) return;
  await api('DELETE', path, { endpoint: sub.endpoint }).catch(() => {
    /* already gone on the server */
  });
  await sub.unsubscribe();
  tellWorker(await navigator.serviceWorker.ready);
}

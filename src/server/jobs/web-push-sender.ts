/**
 * Web Push through the `web-push` library: a VAPID-signed (RFC 8292) request to the browser's push service with the
 * payload encrypted for that browser (RFC 8291, aes128gcm). Only the outcome comes back: sent, gone (the push service
 * answered 404 or 410: the subscription no longer exists) or failed (anything else; tried again at the next reminder).
 */
import { Agent } from 'node:https';
import tls from 'node:tls';
import webpush from 'web-push';
import type { PushOutcome, SendPush } from '../../services/reminder-dispatch.js';
import type { VapidKeys } from '../../store/repos/push-subscriptions.js';

/** How long a push service keeps trying to deliver a reminder to a phone that is off: after 3 hours it is stale. */
export const REMINDER_TTL_SECONDS = 3 * 3600;

/** `ca`: extra certificate authorities to trust (PEM), besides the system's. */
export function webPushSender(keys: VapidKeys, contact: string, ca?: string): SendPush {
  const agent = ca ? new Agent({ ca: [...tls.rootCertificates, ca], keepAlive: false }) : undefined;
  return async (sub, payload): Promise<PushOutcome> => {
    try {
      await webpush.sendNotification(
        { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
        payload,
        {
          vapidDetails: { subject: contact, publicKey: keys.publicKey, privateKey: keys.privateKey },
          TTL: REMINDER_TTL_SECONDS,
          urgency: 'normal',
          contentEncoding: 'aes128gcm',
          timeout: 10_000,
          ...(agent ? { agent } : {}),
        },
      );
      return 'sent';
    } catch (e) {
      const status = (e as { statusCode?: number }).statusCode;
      return status === 404 || status === 410 ? 'gone' : 'failed';
    }
  };
}

/** A new VAPID key pair (P-256), made once per install at first start. */
export const makeVapidKeys = (): VapidKeys => webpush.generateVAPIDKeys();

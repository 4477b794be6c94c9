/**
 * A browser's Web Push subscription as the API takes it (PushSubscription.toJSON(): the push service's https URL and
 * the browser's keys for RFC 8291 encryption), for the patient's reminders, the clinician's message notices and the
 * service worker's renewal alike.
 */
import { z } from 'zod';
import { says } from '../core/validation-words.js';

/** A base64url string that decodes to exactly `bytes` bytes. */
const base64urlOf = (bytes: number, key: 'p256dh' | 'auth') =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, says('push.base64url', { key }))
    .refine((s) => Buffer.from(s, 'base64url').length === bytes, says('push.bytes', { key, bytes }));

/** Push services are https (and web-push speaks nothing else). */
const endpointUrl = z
  .string()
  .max(2000)
  .refine((s) => {
    try {
      return new URL(s).protocol === 'https:';
    } catch {
      return false;
    }
  }, says('push.https'));

export const PushSubscriptionBody = z
  .object({
    endpoint: endpointUrl,
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: base64urlOf(65, 'p256dh'), auth: base64urlOf(16, 'auth') }).strict(),
  })
  .strict();
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBody>;

/** Names a subscription to remove. */
export const EndpointBody = z.object({ endpoint: z.string().max(2000) }).strict();

/** The stored form of a subscription body. */
export const subscriptionKeys = (b: PushSubscriptionBody) => ({ endpoint: b.endpoint, ...b.keys });

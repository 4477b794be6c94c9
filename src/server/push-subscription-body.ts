/**
 * A browser's Web Push subscription as the API takes it (PushSubscription.toJSON(): the push service's https URL and
 * the browser's keys for RFC 8291 encryption), for the patient's reminders, the clinician's message notices and the
 * service worker's renewal alike.
 */
import { z } from 'zod';

/** A base64url string that decodes to exactly `bytes` bytes. */
const base64urlOf = (bytes: number, what: string) => z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, `must be base64url (${what})`)
  .refine((s) => Buffer.from(s, 'base64url').length === bytes, `must be ${bytes} bytes (${what})`);

/** Push services are https (and web-push speaks nothing else). */
const endpointUrl = z.string().max(2000).refine((s) => {
  try { return new URL(s).protocol === 'https:'; } catch { return false; }
}, 'must be the https URL of the browser’s push service');

export const PushSubscriptionBody = z.object({
  endpoint: endpointUrl,
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: base64urlOf(65, 'the browser’s P-256 public key'), auth: base64urlOf(16, 'the auth secret') }).strict(),
}).strict();
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBody>;

/** Names a subscription to remove. */
export const EndpointBody = z.object({ endpoint: z.string().max(2000) }).strict();

/** The stored form of a subscription body. */
export const subscriptionKeys = (b: PushSubscriptionBody) => ({ endpoint: b.endpoint, ...b.keys });

/**
 * Tells a patient that their clinician wrote, by Web Push to each browser they allowed notifications in (the
 * reminder subscriptions: one permission for both), with the sender reused from the reminders. The notice carries
 * no health data and not the message: the same words for every message, and the page to open. A subscription the
 * push service says is gone is removed, as for reminders.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { deleteGoneSubscription, listPushSubscriptions } from '../store/repos/push-subscriptions.js';
import type { DispatchResult, ReminderMessage, SendPush } from './reminder-dispatch.js';

/** What the service worker shows (web/public/sw.js reads these fields). */
export const NEW_MESSAGE_NOTICE: ReminderMessage = {
  title: 'Footing',
  body: 'You have a new message from your clinician.',
  url: '/messages',
  // One tag: several unread messages make one notification, not a stack.
  tag: 'footing-message',
};

export async function notifyNewMessage(db: Kysely<Database>, personId: string, send: SendPush): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, gone: 0, failed: 0 };
  const payload = JSON.stringify(NEW_MESSAGE_NOTICE);
  for (const sub of await listPushSubscriptions(db, personId)) {
    const outcome = await send(sub, payload);
    result[outcome]++;
    if (outcome === 'gone') await deleteGoneSubscription(db, sub.endpoint);
  }
  return result;
}

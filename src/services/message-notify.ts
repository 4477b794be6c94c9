/**
 * Tells one side of a thread that the other wrote, by Web Push to each browser they allowed notifications in: a
 * patient's reminder subscriptions (one permission for both), a clinician's own message-notice subscriptions
 * (table clinician_push_subscriptions). The sender is the reminders'. A notice carries no health data, not the
 * message and not the patient's name: the same words for every message, and the page to open. A subscription the
 * push service says is gone is removed, as for reminders.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import {
  deleteGoneSubscription,
  listClinicianPushSubscriptions,
  listPushSubscriptions,
  type PushSubscriptionKeys,
} from '../store/repos/push-subscriptions.js';
import type { DispatchResult, ReminderMessage, SendPush } from './reminder-dispatch.js';
import type { Language } from '../core/language.js';
import { PUSH_WORDS } from '../core/i18n/reminder-texts.js';

/** What the service worker shows (web/public/sw.js reads these fields). */
export const NEW_MESSAGE_NOTICE: ReminderMessage = {
  title: 'Footing',
  body: PUSH_WORDS.en.newMessage,
  url: '/messages',
  // One tag: several unread messages make one notification, not a stack.
  tag: 'footing-message',
};

/** What a clinician's browser shows: their inbox (the workspace's /messages) opens from it. */
export const NEW_PATIENT_MESSAGE_NOTICE: ReminderMessage = {
  title: 'Footing',
  body: 'A patient sent you a message.',
  url: '/messages',
  tag: 'footing-patient-message',
};

/** `notice` for each subscription, in its language when `inLanguage` is given (the patient's browsers). */
async function sendNotice(
  db: Kysely<Database>,
  subs: readonly (PushSubscriptionKeys & { language?: Language })[],
  notice: ReminderMessage,
  send: SendPush,
  inLanguage?: (language: Language) => ReminderMessage,
): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, gone: 0, failed: 0 };
  for (const sub of subs) {
    const outcome = await send(sub, JSON.stringify(inLanguage && sub.language ? inLanguage(sub.language) : notice));
    result[outcome]++;
    if (outcome === 'gone') await deleteGoneSubscription(db, sub.endpoint);
  }
  return result;
}

/** A clinician wrote: the patient's browsers. */
export async function notifyNewMessage(
  db: Kysely<Database>,
  personId: string,
  send: SendPush,
): Promise<DispatchResult> {
  return sendNotice(db, await listPushSubscriptions(db, personId), NEW_MESSAGE_NOTICE, send, (language) => ({
    ...NEW_MESSAGE_NOTICE,
    body: PUSH_WORDS[language].newMessage,
  }));
}

/** A patient wrote: the browsers in which that clinician allowed notices. */
export async function notifyClinicianOfMessage(
  db: Kysely<Database>,
  clinicianAccountId: string,
  send: SendPush,
): Promise<DispatchResult> {
  return sendNotice(db, await listClinicianPushSubscriptions(db, clinicianAccountId), NEW_PATIENT_MESSAGE_NOTICE, send);
}

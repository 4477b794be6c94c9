/**
 * Sends the reminders that are due: for each person with reminder days, asks the core whether one is due now
 * (src/core/reminder-schedule.ts), claims it in the store (so it goes out once, whatever other ticks or processes
 * do), and pushes it to each of their browsers. A subscription the push service says is gone is removed.
 *
 * The message carries no health data: the same words for everyone (in their browser's language), and the page to
 * open (today's session).
 */
import type { Kysely } from 'kysely';
import { dueReminder } from '../core/reminder-schedule.js';
import type { Language } from '../core/language.js';
import { PUSH_WORDS } from '../core/i18n/reminder-texts.js';
import type { Database } from '../store/schema.js';
import { claimReminder, listActiveReminders } from '../store/repos/reminders.js';
import {
  deleteGoneSubscription,
  listPushSubscriptions,
  type PushSubscriptionKeys,
} from '../store/repos/push-subscriptions.js';

/** What the service worker shows (web/public/sw.js reads these fields). */
export interface ReminderMessage {
  title: string;
  body: string;
  url: string;
  tag: string;
}

export const REMINDER_MESSAGE: ReminderMessage = {
  title: 'Footing',
  body: PUSH_WORDS.en.reminder,
  url: '/session',
  // One tag: a reminder not yet seen is replaced by the next, never stacked.
  tag: 'footing-reminder',
};

/** The push service's answer: delivered, gone for good (404 or 410: unsubscribed or expired), or failed this time. */
export type PushOutcome = 'sent' | 'gone' | 'failed';
export type SendPush = (subscription: PushSubscriptionKeys, payload: string) => Promise<PushOutcome>;

export interface DispatchResult {
  sent: number;
  gone: number;
  failed: number;
}

export async function sendDueReminders(db: Kysely<Database>, now: number, send: SendPush): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, gone: 0, failed: 0 };
  // In the language of each browser's subscription (the one on screen when notifications were turned on).
  const payload = (language: Language) => JSON.stringify({ ...REMINDER_MESSAGE, body: PUSH_WORDS[language].reminder });
  for (const r of await listActiveReminders(db)) {
    const due = dueReminder(r.settings, now, r.lastSentOn);
    if (!due || !(await claimReminder(db, r.personId, due.on))) continue;
    for (const sub of await listPushSubscriptions(db, r.personId)) {
      const outcome = await send(sub, payload(sub.language));
      result[outcome]++;
      if (outcome === 'gone') await deleteGoneSubscription(db, sub.endpoint);
    }
  }
  return result;
}

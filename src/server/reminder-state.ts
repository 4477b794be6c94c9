/** The reminders screen's state as the API returns it; apart from the routes so the web app's types need no Fastify. */
import type { ReminderSettings } from '../core/reminder-record.js';

/** What the reminders screen shows (GET and PUT /api/reminders). */
export interface RemindersState {
  settings: ReminderSettings | null;
  /** The next reminder's instant (ISO, UTC), or null with no day chosen. */
  next: string | null;
  /** The install's VAPID public key, for PushManager.subscribe's applicationServerKey. */
  pushPublicKey: string;
  /** How many of the person's browsers are subscribed to push reminders. */
  pushSubscriptions: number;
  /** Whether a calendar feed link is active (its URL is shown once, when it is made). */
  calendarFeed: boolean;
}

/**
 * Reminders (issue 14): a person's reminder days and time, their browsers' Web Push subscriptions, and their private
 * calendar feed. Every route but the feed is `self` (the guard checks the session and CSRF and audits the writes);
 * the feed is `public` because a calendar app fetches it without a sign-in, and its unguessable token (32 random
 * bytes, stored as a SHA-256 only) is the whole of its access: an unknown or revoked token gets 404.
 *
 * Starting these routes also makes the install's VAPID keys if it has none yet, and starts the reminder clock.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { says } from '../../core/validation-words.js';
import { ReminderSettingsInput } from '../../core/reminder-record.js';
import type { RemindersState } from '../reminder-state.js';
import { EndpointBody, PushSubscriptionBody, subscriptionKeys } from '../push-subscription-body.js';
import { reminderCalendar } from '../../core/reminder-calendar.js';
import { nextReminder } from '../../core/reminder-schedule.js';
import type { Store } from '../../store/db.js';
import {
  deletePushSubscription,
  listPushSubscriptions,
  savePushSubscription,
  vapidKeys,
} from '../../store/repos/push-subscriptions.js';
import {
  findByCalendarTokenHash,
  getReminderSettings,
  hasCalendarToken,
  saveReminderSettings,
  setCalendarTokenHash,
} from '../../store/repos/reminders.js';
import { access } from '../access.js';
import { randomToken, sha256 } from '../auth/tokens.js';
import { startReminderScheduler, REMINDER_TICK_MS, type ReminderScheduler } from '../jobs/reminder-scheduler.js';
import { makeVapidKeys, webPushSender } from '../jobs/web-push-sender.js';
import type { SendPush } from '../../services/reminder-dispatch.js';
import { badRequest, notFound } from '../problem.js';
import { refusal } from '../../core/refusal-words.js';
import { requestLanguage } from '../request-language.js';

export interface ReminderOptions {
  /** Reminder clock period; null: no clock (tests call app.reminders.tick). Default 30 s. */
  tickMs?: number | null;
  /** The clock of the reminder rounds, the next reminder, the settings' time and the feed's stamp (tests pin it); default Date.now. */
  now?: () => number;
  /** Extra certificate authorities to trust for push services (PEM): a test's push endpoint on 127.0.0.1. */
  pushCa?: string;
  /**
   * The VAPID contact (RFC 8292 `sub`): a mailto: or https: URL a push service can reach the operator at. Default:
   * FOOTING_PUSH_CONTACT from the environment, else a placeholder.
   */
  contact?: string;
}

declare module 'fastify' {
  /**
   * `sendPush`: this install's Web Push sender (VAPID keys, contact, CA), for other notices (new messages) too;
   * `pushPublicKey`: its VAPID public key, which a browser subscribes with.
   */
  interface FastifyInstance {
    reminders: ReminderScheduler;
    sendPush: SendPush;
    pushPublicKey: string;
  }
}

const CALENDAR_PATH = '/api/calendar/';
const TokenParams = z.object({ token: z.string().max(100) });
/** The language of the feed's words, from the link (English without it). */
const CalendarQuery = z.object({ lang: z.enum(['en', 'es'], says('language.en-or-es')).optional() });

export async function registerReminderRoutes(
  app: FastifyInstance,
  store: Store,
  opts: ReminderOptions = {},
): Promise<void> {
  const keys = await vapidKeys(store.db, makeVapidKeys);
  const now = opts.now ?? Date.now;

  const state = async (personId: string): Promise<RemindersState> => {
    const settings = await getReminderSettings(store.db, personId);
    const next = settings ? nextReminder(settings, now()) : null;
    return {
      settings,
      next: next ? new Date(next.at).toISOString() : null,
      pushPublicKey: keys.publicKey,
      pushSubscriptions: (await listPushSubscriptions(store.db, personId)).length,
      calendarFeed: await hasCalendarToken(store.db, personId),
    };
  };

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/reminders', { config: access('self') }, async (req) => state(req.personId));
  r.put('/api/reminders', { config: access('self'), schema: { body: ReminderSettingsInput } }, async (req) => {
    await saveReminderSettings(store.db, req.personId, req.body, new Date(now()).toISOString());
    return state(req.personId);
  });
  r.put(
    '/api/reminders/push-subscription',
    { config: access('self'), schema: { body: PushSubscriptionBody } },
    async (req, reply) => {
      // The language on screen now: the reminders and notices this browser gets are written in it.
      await savePushSubscription(
        store.db,
        req.personId,
        subscriptionKeys(req.body),
        new Date(now()).toISOString(),
        requestLanguage(req),
      );
      return reply.status(204).send();
    },
  );
  r.delete(
    '/api/reminders/push-subscription',
    { config: access('self'), schema: { body: EndpointBody } },
    async (req, reply) => {
      if (!(await deletePushSubscription(store.db, req.personId, req.body.endpoint)))
        throw notFound(refusal('reminders.not-subscribed'));
      return reply.status(204).send();
    },
  );
  // A new link replaces the old one, which stops working at once.
  r.post('/api/reminders/calendar', { config: access('self') }, async (req, reply) => {
    const token = randomToken();
    if (!(await setCalendarTokenHash(store.db, req.personId, sha256(token))))
      throw badRequest(refusal('reminders.choose-first'), 'days');
    // The feed's words in the language on the person's screen: a calendar app sends none of its own.
    const lang = requestLanguage(req) === 'es' ? '?lang=es' : '';
    return reply.status(201).send({ path: `${CALENDAR_PATH}${token}.ics${lang}` });
  });
  r.delete('/api/reminders/calendar', { config: access('self') }, async (req, reply) => {
    await setCalendarTokenHash(store.db, req.personId, null);
    return reply.status(204).send();
  });
  r.get(
    `${CALENDAR_PATH}:token`,
    { config: access('public'), schema: { params: TokenParams, querystring: CalendarQuery } },
    async (req, reply) => {
      const token = req.params.token.replace(/\.ics$/, '');
      const hash = sha256(token);
      const settings = await findByCalendarTokenHash(store.db, hash);
      if (!settings) throw notFound(refusal('calendar.not-found'));
      const origin = `${req.protocol}://${req.host}`;
      const feed = reminderCalendar({
        settings,
        uid: `reminder-${hash.slice(0, 16)}@footing`,
        now: now(),
        url: `${origin}/session`,
        language: req.query.lang ?? 'en',
      });
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store').send(feed);
    },
  );

  const contact = opts.contact ?? (process.env.FOOTING_PUSH_CONTACT || DEFAULT_CONTACT);
  // Checked at start-up: a bad contact would otherwise make every push fail, silently, at reminder time.
  if (!/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/.test(contact))
    throw new Error(`FOOTING_PUSH_CONTACT must be a mailto: or https: URL (got "${contact}")`);
  const sendPush = webPushSender(keys, contact, opts.pushCa);
  const scheduler = startReminderScheduler(
    store,
    sendPush,
    app.log,
    opts.tickMs === undefined ? REMINDER_TICK_MS : opts.tickMs,
    now,
  );
  app.decorate('reminders', scheduler);
  app.decorate('sendPush', sendPush);
  app.decorate('pushPublicKey', keys.publicKey);
  app.addHook('onClose', async () => {
    await scheduler.stop();
  });
}

/** Used when the operator names none (FOOTING_PUSH_CONTACT); some push services refuse a placeholder, see docs. */
const DEFAULT_CONTACT = 'mailto:footing@localhost.invalid';

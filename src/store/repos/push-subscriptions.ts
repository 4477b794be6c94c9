/**
 * The browsers subscribed to Web Push: a person's (reminders, and their clinician's messages) and a clinician's
 * (their patients' messages, table clinician_push_subscriptions), and the server's VAPID key pair (kept in
 * `settings`, made once at first start). An endpoint names one browser's subscription: subscribing again from the
 * same browser, even under another account or as the other kind, moves it rather than adding a second.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../schema.js';
import { fromJson, newId, toJson } from '../json-column.js';
import type { Language } from '../../core/language.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A stored language: one Footing speaks, else English. */
const asLanguage = (stored: string): Language => (stored === 'es' ? 'es' : 'en');

export interface PushSubscriptionKeys {
  endpoint: string;
  p256dh: string;
  auth: string;
}
/** A person's subscription, with the language its notifications are written in (migration 0023). */
export interface PersonPushSubscription extends PushSubscriptionKeys {
  language: Language;
}

/** `language`: the one on screen when notifications were turned on; subscribing again updates it. */
export async function savePushSubscription(
  db: Db,
  personId: string,
  s: PushSubscriptionKeys,
  now: string,
  language: Language = 'en',
): Promise<void> {
  await db.deleteFrom('clinician_push_subscriptions').where('endpoint', '=', s.endpoint).execute();
  await db
    .insertInto('push_subscriptions')
    .values({
      id: newId(),
      person_id: personId,
      endpoint: s.endpoint,
      p256dh: s.p256dh,
      auth: s.auth,
      created_at: now,
      language,
    })
    .onConflict((oc) =>
      oc
        .column('endpoint')
        .doUpdateSet({ person_id: personId, p256dh: s.p256dh, auth: s.auth, created_at: now, language }),
    )
    .execute();
}

/** Removes a person's subscription by its endpoint; true when there was one. */
export async function deletePushSubscription(db: Db, personId: string, endpoint: string): Promise<boolean> {
  const r = await db
    .deleteFrom('push_subscriptions')
    .where('person_id', '=', personId)
    .where('endpoint', '=', endpoint)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Removes a subscription the push service says is gone (404 or 410), whoever it belonged to. */
export async function deleteGoneSubscription(db: Db, endpoint: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint).execute();
  await db.deleteFrom('clinician_push_subscriptions').where('endpoint', '=', endpoint).execute();
}

// ---- a clinician's browsers (notices of their patients' messages) ----

export async function saveClinicianPushSubscription(
  db: Db,
  accountId: string,
  s: PushSubscriptionKeys,
  now: string,
): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('endpoint', '=', s.endpoint).execute();
  await db
    .insertInto('clinician_push_subscriptions')
    .values({
      id: newId(),
      account_id: accountId,
      endpoint: s.endpoint,
      p256dh: s.p256dh,
      auth: s.auth,
      created_at: now,
    })
    .onConflict((oc) =>
      oc.column('endpoint').doUpdateSet({ account_id: accountId, p256dh: s.p256dh, auth: s.auth, created_at: now }),
    )
    .execute();
}

/** Removes a clinician's subscription by its endpoint; true when there was one. */
export async function deleteClinicianPushSubscription(db: Db, accountId: string, endpoint: string): Promise<boolean> {
  const r = await db
    .deleteFrom('clinician_push_subscriptions')
    .where('account_id', '=', accountId)
    .where('endpoint', '=', endpoint)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function listClinicianPushSubscriptions(db: Db, accountId: string): Promise<PushSubscriptionKeys[]> {
  return db
    .selectFrom('clinician_push_subscriptions')
    .select(['endpoint', 'p256dh', 'auth'])
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .execute();
}

/**
 * Puts a browser's new subscription in the place of its old one (the push service renewed it: the service worker's
 * pushsubscriptionchange), for whoever the old one belonged to, in one transaction. False when no subscription has
 * the old endpoint (never subscribed, turned off, or already renewed).
 */
export async function renewPushSubscription(
  db: Kysely<Database>,
  oldEndpoint: string,
  s: PushSubscriptionKeys,
  now: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom('push_subscriptions')
      .select(['person_id', 'language'])
      .where('endpoint', '=', oldEndpoint)
      .executeTakeFirst();
    const clinician = person
      ? undefined
      : await trx
          .selectFrom('clinician_push_subscriptions')
          .select('account_id')
          .where('endpoint', '=', oldEndpoint)
          .executeTakeFirst();
    if (!person && !clinician) return false;
    await deleteGoneSubscription(trx, oldEndpoint);
    if (person) await savePushSubscription(trx, person.person_id, s, now, asLanguage(person.language));
    else await saveClinicianPushSubscription(trx, clinician!.account_id, s, now);
    return true;
  });
}

export async function listPushSubscriptions(db: Db, personId: string): Promise<PersonPushSubscription[]> {
  const rows = await db
    .selectFrom('push_subscriptions')
    .select(['endpoint', 'p256dh', 'auth', 'language'])
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ ...r, language: asLanguage(r.language) }));
}

const VAPID_KEY = 'vapid_keys';
const VapidKeys = z.object({ publicKey: z.string().min(1), privateKey: z.string().min(1) });
export type VapidKeys = z.infer<typeof VapidKeys>;

/**
 * The server's VAPID keys: the stored pair, or `make()`'s, stored now. Two processes starting together both end up
 * with the one pair that was stored first (insert if absent, then read).
 */
export async function vapidKeys(db: Db, make: () => VapidKeys): Promise<VapidKeys> {
  const read = async () => db.selectFrom('settings').select('value').where('key', '=', VAPID_KEY).executeTakeFirst();
  let row = await read();
  if (!row) {
    await db
      .insertInto('settings')
      .values({ key: VAPID_KEY, value: toJson(make()) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    row = await read();
  }
  return fromJson(VapidKeys, row!.value, `settings.${VAPID_KEY}`);
}

/**
 * Web Push subscriptions other than a patient's reminder ones (reminder-routes.ts):
 *
 * - A clinician's notices of new messages from their patients (issue 14 item 4): the clinician allows them per
 *   browser (`clinician` routes; the guard checks the session and CSRF). Whether any browser is subscribed is the
 *   clinician's choice itself: no subscription, no notice.
 * - The service worker's renewal (`pushsubscriptionchange`): when a push service replaces a browser's subscription,
 *   the service worker subscribes again and sends the new one with the old endpoint. It may run with no page open and
 *   holds no CSRF token, so this route is `public`: knowing the old endpoint (an unguessable URL that only that browser,
 *   its push service and this server hold) is its access, and it only moves that one subscription, for whoever had it,
 *   to the new endpoint. An unknown endpoint gets 404 and changes nothing. Limited per client like sign-in.
 *
 * Both need the reminders' VAPID keys (registered after reminder-routes.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/db.js';
import {
  deleteClinicianPushSubscription,
  listClinicianPushSubscriptions,
  renewPushSubscription,
  saveClinicianPushSubscription,
} from '../../store/repos/push-subscriptions.js';
import { access } from '../access.js';
import type { AuthConfig } from '../auth/auth-config.js';
import { notFound } from '../problem.js';
import { refusal } from '../../core/refusal-words.js';
import { EndpointBody, PushSubscriptionBody, subscriptionKeys } from '../push-subscription-body.js';

const RenewBody = z.object({ oldEndpoint: z.string().min(1).max(2000), subscription: PushSubscriptionBody }).strict();

export async function registerPushSubscriptionRoutes(
  app: FastifyInstance,
  store: Store,
  cfg: AuthConfig,
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const state = async (accountId: string) => ({
    pushPublicKey: app.pushPublicKey,
    subscriptions: (await listClinicianPushSubscriptions(store.db, accountId)).length,
  });

  r.get('/api/clinician/notifications', { config: access('clinician') }, async (req) => state(req.auth.account!.id));
  r.put(
    '/api/clinician/notifications/push-subscription',
    { config: access('clinician'), schema: { body: PushSubscriptionBody } },
    async (req) => {
      await saveClinicianPushSubscription(
        store.db,
        req.auth.account!.id,
        subscriptionKeys(req.body),
        new Date().toISOString(),
      );
      return state(req.auth.account!.id);
    },
  );
  r.delete(
    '/api/clinician/notifications/push-subscription',
    { config: access('clinician'), schema: { body: EndpointBody } },
    async (req) => {
      if (!(await deleteClinicianPushSubscription(store.db, req.auth.account!.id, req.body.endpoint)))
        throw notFound(refusal('notices.not-subscribed'));
      return state(req.auth.account!.id);
    },
  );

  r.post(
    '/api/push-subscription/renew',
    {
      config: { ...access('public'), rateLimit: { max: cfg.signInPerMinute, timeWindow: '1 minute' } },
      schema: { body: RenewBody },
    },
    async (req, reply) => {
      if (
        !(await renewPushSubscription(
          store.db,
          req.body.oldEndpoint,
          subscriptionKeys(req.body.subscription),
          new Date().toISOString(),
        ))
      ) {
        throw notFound(refusal('push.unknown-endpoint'));
      }
      return reply.status(204).send();
    },
  );
}

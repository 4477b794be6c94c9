/**
 * Messages between a patient and their clinician (issue 14 item 4). Clinic mode only, and only while the care link
 * is active: a patient writes to and reads from the clinicians who see their data now (`self` routes under
 * /api/messages; in local mode there are no clinicians, so no threads); a clinician writes to and reads from a
 * patient whose link is active (`clinician-of-patient` routes, which the guard checks and audits on every call);
 * the clinician's list of threads with unread counts (`clinician`) names only their linked patients, and is
 * recorded in each listed patient's audit log like the patient list; and the clinician's unread total (`clinician`,
 * no patient named), which the open workspace polls.
 *
 * A clinician's new message is announced to the patient by Web Push (src/services/message-notify.ts), when they
 * allowed notifications for reminders; a patient's, to the clinician, in the browsers where the clinician allowed
 * notices of messages (push-subscription-routes.ts). In the background: the writer's answer does not wait for the
 * push service.
 * The text of a message never goes to a log: the logger writes method, route and status only.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { says } from '../../core/validation-words.js';
import { MessageInput } from '../../core/message-record.js';
import { notifyClinicianOfMessage, notifyNewMessage } from '../../services/message-notify.js';
import type { DispatchResult } from '../../services/reminder-dispatch.js';
import type { Store } from '../../store/db.js';
import { appendAuditMany } from '../../store/repos/audit.js';
import { activePatientIdsOf } from '../../store/repos/care-links.js';
import {
  addMessage,
  clinicianInboxState,
  clinicianThreads,
  openThread,
  patientThreads,
} from '../../store/repos/messages.js';
import { getPerson } from '../../store/repos/people.js';
import { access } from '../access.js';
import { notFound } from '../problem.js';
import { refusal } from '../../core/refusal-words.js';

declare module 'fastify' {
  /** The new-message pushes under way; tests await `settled()` before reading the push endpoint. */
  interface FastifyInstance {
    messageNotices: { settled(): Promise<void> };
  }
}

const ClinicianParams = z.object({ accountId: z.string().uuid(says('id.of', { what: 'clinician-account' })) });
const PatientParams = z.object({ personId: z.string().min(1).max(100) });
const noClinician = () => notFound(refusal('messages.no-clinician'));

export async function registerMessageRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pending = new Set<Promise<unknown>>();
  const notices = {
    settled: async () => {
      await Promise.allSettled([...pending]);
    },
  };
  app.decorate('messageNotices', notices);
  app.addHook('onClose', notices.settled);

  /** Sends a notice in the background, kept in `pending` until settled; failures are logged by count and code only. */
  const inBackground = (notice: Promise<DispatchResult>) => {
    const push = notice
      .then(
        (res) => {
          if (res.failed) app.log.warn({ failed: res.failed }, 'message notices failed');
        },
        (e: unknown) => app.log.error({ code: (e as { code?: string }).code }, 'message notice failed'),
      )
      .finally(() => pending.delete(push));
    pending.add(push);
  };

  /** The patient's thread with this clinician, if the link is active now. */
  const threadOf = async (personId: string, accountId: string) =>
    (await patientThreads(store.db, personId)).find((t) => t.clinicianAccountId === accountId) ?? null;

  // ---- the patient ----
  r.get('/api/messages', { config: access('self') }, async (req) => {
    const threads = await patientThreads(store.db, req.personId);
    return { threads, unread: threads.reduce((n, t) => n + t.unread, 0) };
  });
  r.get('/api/messages/:accountId', { config: access('self'), schema: { params: ClinicianParams } }, async (req) => {
    const thread = await threadOf(req.personId, req.params.accountId);
    if (!thread) throw noClinician();
    const messages = await openThread(
      store.db,
      { personId: req.personId, clinicianAccountId: thread.clinicianAccountId },
      'patient',
      new Date().toISOString(),
    );
    return { thread: { ...thread, unread: 0 }, messages };
  });
  r.post(
    '/api/messages/:accountId',
    { config: access('self'), schema: { params: ClinicianParams, body: MessageInput } },
    async (req, reply) => {
      const thread = await threadOf(req.personId, req.params.accountId);
      if (!thread) throw noClinician();
      const message = await addMessage(
        store.db,
        { personId: req.personId, clinicianAccountId: thread.clinicianAccountId },
        { from: 'patient', text: req.body.text, sentAt: new Date().toISOString() },
      );
      inBackground(notifyClinicianOfMessage(store.db, thread.clinicianAccountId, app.sendPush));
      return reply.status(201).send(message);
    },
  );

  // ---- the clinician ----
  r.get('/api/clinician/messages', { config: access('clinician') }, async (req) => {
    const me = req.auth.account!;
    const threads = await clinicianThreads(store.db, me.id, await activePatientIdsOf(store.db, me.id, me.clinicId!));
    // Each listed thread names a patient and when they last wrote: a read of their data, recorded before it is served.
    await appendAuditMany(
      store.db,
      threads.map((t) => ({
        actorAccountId: me.id,
        actorRole: me.role,
        personId: t.personId,
        method: req.method,
        route: req.routeOptions.url ?? '/api/clinician/messages',
        action: 'read' as const,
      })),
    );
    return { threads, unread: threads.reduce((n, t) => n + t.unread, 0) };
  });
  // The unread total and the newest message's time, which the open workspace asks every few seconds so that new
  // messages appear without a reload (web/src/lib/live-poll.ts). It names no patient and holds no text, so it is not
  // a read of anyone's record and is not audited (a poll every few seconds would bury the audit log); the inbox and
  // the conversation the page then opens are, as always.
  r.get('/api/clinician/messages/unread', { config: access('clinician') }, async (req) => {
    const me = req.auth.account!;
    return clinicianInboxState(store.db, me.id, await activePatientIdsOf(store.db, me.id, me.clinicId!));
  });
  const P = { config: access('clinician-of-patient') };
  r.get('/api/patients/:personId/messages', { ...P, schema: { params: PatientParams } }, async (req) => {
    const messages = await openThread(
      store.db,
      { personId: req.personId, clinicianAccountId: req.auth.account!.id },
      'clinician',
      new Date().toISOString(),
    );
    const person = await getPerson(store.db, req.personId);
    return { patient: { personId: req.personId, displayName: person?.displayName ?? '' }, messages };
  });
  r.post(
    '/api/patients/:personId/messages',
    { ...P, schema: { params: PatientParams, body: MessageInput } },
    async (req, reply) => {
      const message = await addMessage(
        store.db,
        { personId: req.personId, clinicianAccountId: req.auth.account!.id },
        { from: 'clinician', text: req.body.text, sentAt: new Date().toISOString() },
      );
      inBackground(notifyNewMessage(store.db, req.personId, app.sendPush));
      return reply.status(201).send(message);
    },
  );
}

/**
 * The clinic side: the clinic admin manages the clinic's clinicians (no health data); a clinician invites
 * patients, lists the patients who accepted, and reads a patient's data through /api/patients/:personId/...,
 * reusing the patient's own services with that person's id (the guard checks the care link and audits each call).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/db.js';
import { createAccount, deleteAccount, getAccount, listClinicStaff } from '../../store/repos/accounts.js';
import { appendAuditMany } from '../../store/repos/audit.js';
import { createInvitation, listInvitationsOf } from '../../store/repos/care-links.js';
import { listCheckins } from '../../store/repos/checkins.js';
import { getClinic } from '../../store/repos/clinics.js';
import { getGaitStill, listGaitAnalyses } from '../../store/repos/gait-analyses.js';
import { sendStill, StillParams } from './assessment-routes.js';
import { listSessions } from '../../store/repos/sessions.js';
import { dailyWalking } from '../../store/repos/walking.js';
import { access } from '../access.js';
import { isoDate, RangeQuery } from '../api-schemas.js';
import type { AuthConfig } from '../auth/auth-config.js';
import { hashPassword } from '../auth/password.js';
import { randomToken, sha256 } from '../auth/tokens.js';
import { conflict, notFound, Problem } from '../problem.js';
import { refusal } from '../../core/refusal-words.js';
import { todayFrom } from '../request-date.js';
import { requestLanguage } from '../request-language.js';
import { progressIn, todayStateIn } from '../../core/i18n/today-texts.js';
import { reviewIn } from '../../core/i18n/review-texts.js';
import { explainFor, getAssessment } from '../../services/assessment-service.js';
import { adjustStage } from '../../services/clinician-service.js';
import { MAX_PAGE_SIZE, PATIENT_SORTS, patientLineOf, patientList } from '../../services/patient-list-service.js';
import { getProgress, getToday } from '../../services/program-service.js';
import { removeWalkingTarget, setWalkingTarget } from '../../services/walking-override-service.js';
import { DoseOverridesRecord } from '../../core/program-record.js';
import { WalkingOverrideInput } from '../../core/walking-override.js';
import { says } from '../../core/validation-words.js';
import { MonitoringMinutesInput } from '../../core/monitoring-minutes-record.js';
import {
  editMonitoringMinutes,
  logMonitoringMinutes,
  monitoringFigures,
  removeMonitoringMinutes,
} from '../../services/monitoring-service.js';
import { Email, NewPassword } from './account-routes.js';
import { invitationPath, invitationShare } from './invitation-share-routes.js';

const DateQuery = z.object({ date: isoDate.optional() }).strict();
/** The patient list's search, order and page (GET /api/patients); see patientList for the orders. */
const PatientListQuery = z
  .object({
    date: isoDate.optional(),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(PATIENT_SORTS).default('name'),
    order: z.enum(['asc', 'desc']).optional(),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
    attention: z.literal('only').optional(),
  })
  .strict();
const PatientParams = z.object({ personId: z.string().min(1).max(100) });
const MinutesParams = PatientParams.extend({ id: z.string().min(1).max(100) });
const StaffBody = z
  .object({
    email: Email,
    displayName: z.string().trim().min(1).max(200),
    password: NewPassword,
    role: z.enum(['clinician', 'admin']).default('clinician'),
  })
  .strict();
const InviteBody = z.object({ label: z.string().trim().max(200).optional() }).strict();
const ProgramBody = z
  .object({
    stage: z.number().int(),
    reason: z.string().trim().min(3, says('reason.say-why')).max(1000),
    /** Dose changes per exercise within the stage limits; null clears earlier changes; absent keeps them. */
    doses: DoseOverridesRecord.nullable().optional(),
  })
  .strict();

export async function registerClinicRoutes(app: FastifyInstance, store: Store, cfg: AuthConfig): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- the clinic admin: clinicians, no health data ----
  r.get('/api/clinic', { config: access('clinic-admin') }, async (req) => {
    const clinicId = req.auth.account!.clinicId!;
    const clinic = await getClinic(store.db, clinicId);
    const staff = await listClinicStaff(store.db, clinicId);
    return {
      clinic,
      staff: staff.map((a) => ({
        id: a.id,
        email: a.email,
        displayName: a.displayName,
        role: a.role,
        createdAt: a.createdAt,
      })),
    };
  });
  r.post(
    '/api/clinic/clinicians',
    { config: access('clinic-admin'), schema: { body: StaffBody } },
    async (req, reply) => {
      const b = req.body;
      const a = await createAccount(store.db, {
        email: b.email,
        displayName: b.displayName,
        role: b.role,
        clinicId: req.auth.account!.clinicId,
        passwordHash: await hashPassword(b.password, cfg.passwordCost),
      });
      if (!a) throw conflict(refusal('clinic.email-exists'), 'email');
      return reply
        .status(201)
        .send({ id: a.id, email: a.email, displayName: a.displayName, role: a.role, createdAt: a.createdAt });
    },
  );
  r.delete(
    '/api/clinic/clinicians/:accountId',
    {
      config: access('clinic-admin'),
      schema: { params: z.object({ accountId: z.string().uuid(says('id.of', { what: 'account' })) }) },
    },
    async (req) => {
      const me = req.auth.account!;
      const target = await getAccount(store.db, req.params.accountId);
      if (!target || target.clinicId !== me.clinicId) throw notFound(refusal('clinic.no-such-clinician'));
      if (target.id === me.id) throw new Problem(409, 'conflict', refusal('clinic.own-admin'));
      await deleteAccount(store.db, target.id); // their sessions and care links go with it
      return { removed: true };
    },
  );

  // ---- a clinician: invitations and the patient list ----
  r.post('/api/invitations', { config: access('clinician'), schema: { body: InviteBody } }, async (req, reply) => {
    const me = req.auth.account!;
    const token = randomToken();
    const expiresAt = new Date(Date.now() + cfg.invitationDays * 86_400_000).toISOString();
    const link = await createInvitation(store.db, {
      clinicId: me.clinicId!,
      clinicianAccountId: me.id,
      tokenHash: sha256(token),
      label: req.body.label ?? null,
      expiresAt,
    });
    // The token is shown once, now (as a link and its QR code); only its hash is kept.
    return reply.status(201).send({
      id: link.id,
      token,
      path: invitationPath(token),
      expiresAt,
      label: link.label,
      ...(await invitationShare(app, req, token)),
    });
  });
  r.get('/api/invitations', { config: access('clinician') }, async (req) =>
    listInvitationsOf(store.db, req.auth.account!.id),
  );
  r.get('/api/patients', { config: access('clinician'), schema: { querystring: PatientListQuery } }, async (req) => {
    const me = req.auth.account!;
    const { date, q, sort, order, page, pageSize, attention } = req.query;
    // Each line shows a patient's program and dates: a read of their data, recorded for each patient on the page, in
    // one statement, while the page's lines are read and before any of it is served (if the entries cannot be written,
    // nothing is served). Patients searched or sorted past are not shown, nor recorded. Should reading the lines fail
    // after the entries are written, the log errs on the side of access: it records a read the answer did not serve.
    const audit = (personIds: readonly string[]) =>
      appendAuditMany(
        store.db,
        personIds.map((personId) => ({
          actorAccountId: me.id,
          actorRole: me.role,
          personId,
          method: req.method,
          route: req.routeOptions.url ?? '/api/patients',
          action: 'read' as const,
        })),
      );
    return patientList(
      store.db,
      { clinicianAccountId: me.id, clinicId: me.clinicId! },
      { date: todayFrom(date), q: q || undefined, sort, order, page, pageSize, attentionOnly: attention === 'only' },
      audit,
    );
  });

  // ---- one patient's data, for their clinician (the guard checked the link and wrote the audit entry) ----
  // The words the server writes (the plan, the stage's criteria, findings, the review) in the clinician's language
  // (Accept-Language), as on the patient's own routes: a clinician whose screen is Spanish reads them in Spanish.
  const P = { config: access('clinician-of-patient') };
  r.get(
    '/api/patients/:personId/today',
    { ...P, schema: { params: PatientParams, querystring: DateQuery } },
    async (req) =>
      todayStateIn(await getToday(store.db, req.personId, todayFrom(req.query.date)), requestLanguage(req)),
  );
  r.get(
    '/api/patients/:personId/summary',
    { ...P, schema: { params: PatientParams, querystring: DateQuery } },
    async (req) => {
      const me = req.auth.account!;
      const line = await patientLineOf(
        store.db,
        { clinicianAccountId: me.id, clinicId: me.clinicId! },
        req.personId,
        todayFrom(req.query.date),
      );
      if (!line) throw notFound(refusal('clinic.no-such-patient'));
      return line;
    },
  );
  r.get(
    '/api/patients/:personId/progress',
    { ...P, schema: { params: PatientParams, querystring: DateQuery } },
    async (req) =>
      progressIn(await getProgress(store.db, req.personId, todayFrom(req.query.date)), requestLanguage(req)),
  );
  r.get(
    '/api/patients/:personId/checkins',
    { ...P, schema: { params: PatientParams, querystring: RangeQuery } },
    async (req) => listCheckins(store.db, req.personId, req.query),
  );
  r.get(
    '/api/patients/:personId/sessions',
    { ...P, schema: { params: PatientParams, querystring: RangeQuery } },
    async (req) => listSessions(store.db, req.personId, req.query),
  );
  r.get('/api/patients/:personId/assessment', { ...P, schema: { params: PatientParams } }, async (req) =>
    getAssessment(store.db, req.personId, requestLanguage(req)),
  );
  r.get(
    '/api/patients/:personId/explain',
    { ...P, schema: { params: PatientParams, querystring: DateQuery } },
    async (req) => {
      const today = await getToday(store.db, req.personId, todayFrom(req.query.date));
      const language = requestLanguage(req);
      return {
        explanation: await explainFor(store.db, req.personId, language),
        decision: today.decision && reviewIn(today.decision, language),
      };
    },
  );
  r.get(
    '/api/patients/:personId/walking/daily',
    { ...P, schema: { params: PatientParams, querystring: RangeQuery } },
    async (req) => dailyWalking(store.db, req.personId, req.query),
  );
  r.get('/api/patients/:personId/gait-analyses', { ...P, schema: { params: PatientParams } }, async (req) =>
    listGaitAnalyses(store.db, req.personId),
  );
  r.get(
    '/api/patients/:personId/gait-analyses/:id/stills/:index',
    { ...P, schema: { params: PatientParams.merge(StillParams) } },
    async (req, reply) => sendStill(reply, await getGaitStill(store.db, req.personId, req.params.id, req.params.index)),
  );
  r.put(
    '/api/patients/:personId/program',
    { ...P, schema: { params: PatientParams, querystring: DateQuery, body: ProgramBody } },
    async (req) => {
      const me = req.auth.account!;
      return adjustStage(
        store.db,
        req.personId,
        {
          stage: req.body.stage,
          reason: req.body.reason,
          clinicianName: me.displayName,
          ...(req.body.doses !== undefined ? { doses: req.body.doses } : {}),
        },
        todayFrom(req.query.date),
      );
    },
  );
  // The walking target: a clinician's target or cap with a reason the patient reads on Today; the answer is the
  // patient's target as it now stands.
  r.put(
    '/api/patients/:personId/walking-target',
    { ...P, schema: { params: PatientParams, querystring: DateQuery, body: WalkingOverrideInput } },
    async (req) => {
      const today = todayFrom(req.query.date);
      await setWalkingTarget(store.db, req.personId, req.body, req.auth.account!.displayName, today);
      return (await getToday(store.db, req.personId, today)).walking;
    },
  );
  // Remote-monitoring figures (issue 15): the 30-day periods with their days with data and the minutes logged; a
  // clinician logs the minutes they spent on the record.
  // Each entry says whether the caller logged it (`mine`): only those are theirs to correct or remove.
  r.get(
    '/api/patients/:personId/monitoring',
    { ...P, schema: { params: PatientParams, querystring: DateQuery } },
    async (req) => {
      const figures = await monitoringFigures(store.db, req.personId, todayFrom(req.query.date));
      return {
        ...figures,
        entries: figures.entries.map((e) => ({ ...e, mine: e.accountId === req.auth.account?.id })),
      };
    },
  );
  r.post(
    '/api/patients/:personId/monitoring-minutes',
    { ...P, schema: { params: PatientParams, body: MonitoringMinutesInput } },
    async (req, reply) =>
      reply.status(201).send(await logMonitoringMinutes(store.db, req.personId, req.auth.account!, req.body)),
  );
  // A clinician corrects or removes an entry they logged themselves (another clinician's answers 404).
  r.put(
    '/api/patients/:personId/monitoring-minutes/:id',
    { ...P, schema: { params: MinutesParams, body: MonitoringMinutesInput } },
    async (req) => editMonitoringMinutes(store.db, req.personId, req.auth.account!, req.params.id, req.body),
  );
  r.delete(
    '/api/patients/:personId/monitoring-minutes/:id',
    { ...P, schema: { params: MinutesParams } },
    async (req, reply) => {
      await removeMonitoringMinutes(store.db, req.personId, req.auth.account!, req.params.id);
      return reply.status(204).send();
    },
  );
  r.delete(
    '/api/patients/:personId/walking-target',
    { ...P, schema: { params: PatientParams, querystring: DateQuery } },
    async (req) => {
      const today = todayFrom(req.query.date);
      const { removed } = await removeWalkingTarget(store.db, req.personId, req.auth.account!.displayName, today);
      return { removed, walking: (await getToday(store.db, req.personId, today)).walking };
    },
  );
}

/**
 * Who may call an endpoint. Every /api route declares one in its `config.access`, and the server refuses to start
 * with a route that does not (deny by default). The levels are resolved in one place, src/server/auth/guard.ts.
 *
 * - public: anyone; no health data (questions, catalogues, health check, sign-in, the mode).
 * - self: a patient's own data. In local mode (no accounts) the single local person, without sign-in.
 * - signed-in: any signed-in account (sign-out, the account's own details).
 * - clinician: a clinician or clinic admin of a clinic (their patient list, their invitations); no one's health
 *   data by itself.
 * - clinician-of-patient: routes under /api/patients/:personId/: a clinician (or admin) of the patient's clinic
 *   whose invitation that patient accepted and has not revoked.
 * - clinic-admin: the clinic's admin, managing its clinicians; no health data.
 * - patient-or-clinician: the FHIR REST API (/fhir/R4), whose URLs name resources rather than a person: a patient
 *   (their own record only; in local mode the local person) or a clinician (or admin) of a clinic, who then sees
 *   only the people they have an active care link with. The handler names the person and must ask
 *   src/server/auth/person-access.ts, which checks the link and writes the audit entry.
 */
export const ACCESS_LEVELS = [
  'public',
  'self',
  'signed-in',
  'clinician',
  'clinician-of-patient',
  'clinic-admin',
  'patient-or-clinician',
] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** A public route that reads who is signed in (req.auth): the guard looks the session up for it. Other public
     * routes get no account, and cost no session read. */
    readsSession?: boolean;
  }
}

/** The route option that declares access, e.g. `{ config: access('self'), schema: ... }`. */
export const access = (level: Access) => ({ access: level });

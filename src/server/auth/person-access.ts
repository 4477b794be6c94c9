/**
 * Whose records a request of level `patient-or-clinician` (the FHIR REST API) may read. The guard lets through a
 * signed-in patient (req.personId is theirs; in local mode, the local person) and a clinician or admin of a clinic
 * (no person yet); these functions are the only way such a handler learns which people it may read, so a handler
 * that forgets to ask reads no one (deny by default).
 *
 * A clinician's read is audited as the rest of the API audits clinician-of-patient routes: an attempt on a named
 * person is recorded whatever the outcome (refused when there is no active care link), and a read that found the
 * person's resource is recorded as a read of that person.
 */
import type { FastifyRequest } from 'fastify';
import type { Store } from '../../store/db.js';
import { activePatientIdsOf, hasActiveLink } from '../../store/repos/care-links.js';

const STAFF = new Set(['clinician', 'admin']);

function clinicianOf(req: FastifyRequest) {
  const account = req.auth?.account;
  return account && STAFF.has(account.role) && account.clinicId ? { ...account, clinicId: account.clinicId } : null;
}

/** Whether the caller may read this person's record (and, for a clinician, the attempt goes in the audit log). */
export async function mayReadPerson(store: Store, req: FastifyRequest, personId: string): Promise<boolean> {
  const clinician = clinicianOf(req);
  if (!clinician) return req.personId !== '' && req.personId === personId;
  req.auditTarget = { account: clinician, role: clinician.role, personId };
  return hasActiveLink(store.db, clinician.id, clinician.clinicId, personId);
}

/** Every person the caller may read: the patient themself, or a clinician's linked patients. */
export async function readablePeople(store: Store, req: FastifyRequest): Promise<string[]> {
  const clinician = clinicianOf(req);
  if (!clinician) return req.personId ? [req.personId] : [];
  return activePatientIdsOf(store.db, clinician.id, clinician.clinicId);
}

/** Records a clinician's read of the person whose resource was found (a patient's own reads are not audited). */
export function auditRead(req: FastifyRequest, personId: string): void {
  const clinician = clinicianOf(req);
  if (clinician) req.auditTarget = { account: clinician, role: clinician.role, personId };
}

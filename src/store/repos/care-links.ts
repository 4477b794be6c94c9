/**
 * Care links: a clinician's invitation (a one-time token, stored hashed, that expires) which, once the patient
 * accepts, is the patient's consent for that clinician to see their data. Revoking sets revoked_at; access checks
 * read the row on every request, so access ends at once, in every server process.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { newId } from '../json-column.js';

export type CareLinkStatus = 'pending' | 'active' | 'revoked' | 'expired';
export interface CareLink {
  id: string;
  clinicId: string;
  clinicianAccountId: string;
  personId: string | null;
  label: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  status: CareLinkStatus;
}

export async function createInvitation(
  db: Kysely<Database>,
  i: { clinicId: string; clinicianAccountId: string; tokenHash: string; label: string | null; expiresAt: string },
): Promise<CareLink> {
  const row = {
    id: newId(),
    clinic_id: i.clinicId,
    clinician_account_id: i.clinicianAccountId,
    person_id: null,
    token_hash: i.tokenHash,
    label: i.label,
    created_at: new Date().toISOString(),
    expires_at: i.expiresAt,
    accepted_at: null,
    revoked_at: null,
  };
  await db.insertInto('care_links').values(row).execute();
  return toLink(row);
}

/** The invitation with this token hash, with its clinic's and clinician's names (for the accept page). */
export async function findInvitation(db: Kysely<Database>, tokenHash: string) {
  const r = await db
    .selectFrom('care_links')
    .innerJoin('clinics', 'clinics.id', 'care_links.clinic_id')
    .innerJoin('accounts', 'accounts.id', 'care_links.clinician_account_id')
    .selectAll('care_links')
    .select(['clinics.name as clinic_name', 'accounts.display_name as clinician_name'])
    .where('care_links.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return r ? { link: toLink(r), clinicName: r.clinic_name, clinicianName: r.clinician_name } : null;
}

/**
 * Accepts a pending, unexpired invitation for this person, once: the update only matches a row nobody accepted,
 * so two simultaneous accepts cannot both win. Returns the link, or null when it was not acceptable.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  tokenHash: string,
  personId: string,
  now: Date = new Date(),
): Promise<CareLink | null> {
  const r = await db
    .updateTable('care_links')
    .set({ person_id: personId, accepted_at: now.toISOString() })
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return null;
  const row = await db
    .selectFrom('care_links')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirstOrThrow();
  return toLink(row);
}

/** Whether this clinician account may see this person now: an accepted, unrevoked link in the account's clinic. */
export async function hasActiveLink(
  db: Kysely<Database>,
  clinicianAccountId: string,
  clinicId: string,
  personId: string,
): Promise<boolean> {
  const r = await db
    .selectFrom('care_links')
    .select('id')
    .where('clinician_account_id', '=', clinicianAccountId)
    .where('clinic_id', '=', clinicId)
    .where('person_id', '=', personId)
    .where('accepted_at', 'is not', null)
    .where('revoked_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return Boolean(r);
}

/** The people this clinician account may see now (accepted, unrevoked links in the account's clinic), by id. */
export async function activePatientIdsOf(
  db: Kysely<Database>,
  clinicianAccountId: string,
  clinicId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('care_links')
    .select('person_id')
    .distinct()
    .where('clinician_account_id', '=', clinicianAccountId)
    .where('clinic_id', '=', clinicId)
    .where('accepted_at', 'is not', null)
    .where('revoked_at', 'is', null)
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id).filter((id): id is string => id !== null);
}

/** A patient's links (their clinicians), newest first, with the clinic and clinician names. */
export async function listLinksOfPatient(db: Kysely<Database>, personId: string) {
  const rows = await db
    .selectFrom('care_links')
    .innerJoin('clinics', 'clinics.id', 'care_links.clinic_id')
    .innerJoin('accounts', 'accounts.id', 'care_links.clinician_account_id')
    .selectAll('care_links')
    .select([
      'clinics.name as clinic_name',
      'accounts.display_name as clinician_name',
      'accounts.email as clinician_email',
    ])
    .where('care_links.person_id', '=', personId)
    .orderBy('care_links.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    ...toLink(r),
    clinicName: r.clinic_name,
    clinicianName: r.clinician_name,
    clinicianEmail: r.clinician_email,
  }));
}

/** Revokes one of the patient's links; false when it is not theirs or already revoked. */
export async function revokeLink(db: Kysely<Database>, personId: string, linkId: string): Promise<boolean> {
  const r = await db
    .updateTable('care_links')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', linkId)
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A clinician's invitations (pending and used), newest first; tokens are never readable again. */
export async function listInvitationsOf(db: Kysely<Database>, clinicianAccountId: string): Promise<CareLink[]> {
  const rows = await db
    .selectFrom('care_links')
    .selectAll()
    .where('clinician_account_id', '=', clinicianAccountId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => toLink(r));
}

function toLink(r: Database['care_links']): CareLink {
  const status: CareLinkStatus = r.revoked_at
    ? 'revoked'
    : r.accepted_at
      ? 'active'
      : r.expires_at <= new Date().toISOString()
        ? 'expired'
        : 'pending';
  return {
    id: r.id,
    clinicId: r.clinic_id,
    clinicianAccountId: r.clinician_account_id,
    personId: r.person_id,
    label: r.label,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    acceptedAt: r.accepted_at,
    revokedAt: r.revoked_at,
    status,
  };
}

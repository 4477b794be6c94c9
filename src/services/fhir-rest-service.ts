/**
 * The records behind the read-only FHIR REST API (/fhir/R4, issue 15). Every resource it serves comes from the
 * export's mapping (exportFhirBundle, src/core/fhir/patient-bundle.ts), so a resource read here is the one the
 * export holds, with the same id. Which people the caller may see is decided by the server before (the patient
 * themself, or a clinician's linked patients); this file only loads their records.
 *
 * A record is mapped whole for each request: simple and always current, at the cost of time on a large record
 * (a year of data maps in well under a second; see docs/clinic.md).
 */
import type { Kysely } from 'kysely';
import type { FhirResource } from '../core/fhir/patient-bundle.js';
import type { Database } from '../store/schema.js';
import { getPerson } from '../store/repos/people.js';
import { exportFhirBundle } from './fhir-export-service.js';

/** A person's resources, in the export's order; null when there is no such person. */
export async function recordResources(db: Kysely<Database>, personId: string, today: string): Promise<FhirResource[] | null> {
  if (!(await getPerson(db, personId))) return null;
  return (await exportFhirBundle(db, personId, { today })).entry.map((e) => e.resource);
}

/** The resource of this type and id in one of these people's records, with whose it is; null when none has it. */
export async function findResource(db: Kysely<Database>, personIds: readonly string[], type: string, id: string, today: string): Promise<{ personId: string; resource: FhirResource } | null> {
  for (const personId of personIds) {
    const resource = (await recordResources(db, personId, today))?.find((r) => r.resourceType === type && r.id === id);
    if (resource) return { personId, resource };
  }
  return null;
}

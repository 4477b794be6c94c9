/**
 * The records behind the read-only FHIR REST API (/fhir/R4, issue 15). Every resource it serves comes from the
 * export's mapping (exportFhirBundle, src/core/fhir/patient-bundle.ts), so a resource read here is the one the
 * export holds, with the same id. Which people the caller may see is decided by the server before (the patient
 * themself, or a clinician's linked patients); this file only loads their records.
 *
 * A record's rows are loaded for each request and its resources made one at a time as a search or $everything reads
 * them (exportFhirResources): simple and always current, and a long record's resources are never all held at once.
 */
import type { Kysely } from 'kysely';
import type { FhirResource } from '../core/fhir/patient-bundle.js';
import type { Database } from '../store/schema.js';
import { getPerson } from '../store/repos/people.js';
import { exportFhirResources } from './fhir-export-service.js';

/** A person's resources, in the export's order, as a generator made afresh at each call; null when there is no such person. */
export async function recordResources(
  db: Kysely<Database>,
  personId: string,
  today: string,
): Promise<(() => Generator<FhirResource>) | null> {
  if (!(await getPerson(db, personId))) return null;
  return exportFhirResources(db, personId, { today });
}

/** The resource of this type and id in one of these people's records, with whose it is; null when none has it. */
export async function findResource(
  db: Kysely<Database>,
  personIds: readonly string[],
  type: string,
  id: string,
  today: string,
): Promise<{ personId: string; resource: FhirResource } | null> {
  for (const personId of personIds) {
    const resources = await recordResources(db, personId, today);
    if (!resources) continue;
    for (const resource of resources())
      if (resource.resourceType === type && resource.id === id) return { personId, resource };
  }
  return null;
}

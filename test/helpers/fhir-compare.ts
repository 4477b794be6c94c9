/**
 * Comparing two FHIR bundles of the same record made by two databases (the round trip, issue 15): resource ids are
 * derived from each database's own stored ids, so each id is replaced by its resource's place among those of its
 * type ("Observation/#3"), and every reference to it likewise; what remains must be equal.
 */
import type { FhirBundle, FhirResource } from '../../src/core/fhir/patient-bundle.js';

/** A bundle's resources with each id replaced by its place among its type (and every reference to it likewise). */
export function byPlace(bundle: FhirBundle): FhirResource[] {
  const place = new Map<string, string>();
  const count = new Map<string, number>();
  for (const { resource: r } of bundle.entry) {
    const n = count.get(r.resourceType) ?? 0;
    count.set(r.resourceType, n + 1);
    place.set(`${r.resourceType}/${r.id}`, `${r.resourceType}/#${n}`);
  }
  return bundle.entry.map(({ resource: r }) => {
    let text = JSON.stringify({ ...r, id: place.get(`${r.resourceType}/${r.id}`) });
    for (const [from, to] of place) text = text.replaceAll(`"${from}"`, `"${to}"`);
    return JSON.parse(text) as FhirResource;
  });
}

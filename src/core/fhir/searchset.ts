/**
 * A page of search results (or the result of Patient/$everything) as a FHIR R4 Bundle of type `searchset`, with
 * its `self` and `next` links and each entry's full URL on this server. Pure: the server gives the base URL it was
 * reached at and the query strings of the links.
 */
import type { FhirResource } from './patient-bundle.js';

export interface SearchsetBundle {
  resourceType: 'Bundle';
  type: 'searchset';
  total: number;
  link: { relation: 'self' | 'next'; url: string }[];
  entry?: { fullUrl: string; resource: FhirResource; search: { mode: 'match' | 'include' } }[];
}

/**
 * `base` is the server's FHIR base (https://host/fhir/R4); `self` and `next` are paths under it with their query
 * ("Observation?patient=...&_count=2"). Every entry is a `match`, unless `matchType` is given (for `$everything`: the
 * Patient matched, the resources around it are `include`).
 */
export function searchsetBundle(o: {
  base: string;
  resources: readonly FhirResource[];
  total: number;
  self: string;
  next: string | null;
  matchType?: string;
}): SearchsetBundle {
  return {
    ...searchsetHead(o),
    ...(o.resources.length
      ? { entry: o.resources.map((resource) => searchsetEntry(o.base, resource, o.matchType)) }
      : {}),
  };
}

/** The searchset's fields before its entries (`entry` comes last, so the entries can be streamed after them: $everything). */
export function searchsetHead(o: {
  base: string;
  total: number;
  self: string;
  next: string | null;
}): Omit<SearchsetBundle, 'entry'> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: o.total,
    link: [
      { relation: 'self', url: `${o.base}/${o.self}` },
      ...(o.next ? [{ relation: 'next' as const, url: `${o.base}/${o.next}` }] : []),
    ],
  };
}

/** One resource's entry: its full URL on this server and whether it matched (see searchsetBundle's `matchType`). */
export function searchsetEntry(
  base: string,
  resource: FhirResource,
  matchType?: string,
): NonNullable<SearchsetBundle['entry']>[number] {
  return {
    fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
    resource,
    search: { mode: !matchType || resource.resourceType === matchType ? 'match' : 'include' },
  };
}

/**
 * Which resources a FHIR search matches, in what order, and one page of them (the REST API at /fhir/R4, issue 15).
 * Pure: it works on the resources of the export's mapping (patient-bundle.ts), never on the store.
 *
 * Order: by the start of the resource's time (an Observation's effective date or time; none for the others) and then
 * by id, a total order. Pages are cut by position, not by offset: the next page starts after the last resource of
 * this one (its key and id), so a page neither repeats nor skips a resource even when the record changed between
 * the two requests (a new resource lands on whichever page its place in the order falls).
 */
import type { FhirResource } from './patient-bundle.js';
import { fhirTimeRange, type Cursor, type DateBound, type FhirSearch, type TimeRange, type TokenCode } from './search-params.js';

/** When an Observation happened, as a range (a day's steps: that day; a check-in: its second); a QuestionnaireResponse: when it was authored. */
export function effectiveRange(r: FhirResource): TimeRange | null {
  const v = r.effectiveDateTime ?? r.authored;
  return typeof v === 'string' ? fhirTimeRange(v) : null;
}

/** FHIR's date prefixes on ranges: whether the resource's range satisfies the bound. */
export function dateMatches(target: TimeRange, bound: DateBound): boolean {
  switch (bound.prefix) {
    case 'eq': return bound.start <= target.start && target.end <= bound.end;
    case 'ge': return target.end > bound.start;
    case 'gt': return target.end > bound.end;
    case 'le': return target.start < bound.end;
    case 'lt': return target.start < bound.start;
  }
}

function codeMatches(r: FhirResource, codes: readonly TokenCode[]): boolean {
  const codings = ((r.code as { coding?: { system?: string; code?: string }[] } | undefined)?.coding) ?? [];
  return codings.some((c) => codes.some((want) => want.code === c.code && (want.system === undefined || (want.system === null ? c.system === undefined : want.system === c.system))));
}

/** The id of the Questionnaire a QuestionnaireResponse answers (its canonical URL's last part), or null. */
function questionnaireId(r: FhirResource): string | null {
  const q = r.questionnaire;
  return typeof q === 'string' ? (q.split('|')[0]!.split('/').at(-1) ?? null) : null;
}

/** Whether a resource meets the search's code, questionnaire and date filters (the patient is chosen before: whose record it is). */
export function matches(r: FhirResource, search: FhirSearch): boolean {
  if (search.codes && !codeMatches(r, search.codes)) return false;
  if (search.questionnaires && !search.questionnaires.includes(questionnaireId(r) ?? '')) return false;
  if (search.dates.length) {
    const range = effectiveRange(r);
    if (!range || !search.dates.every((b) => dateMatches(range, b))) return false;
  }
  return true;
}

/** A resource's place in the order. */
export const sortKey = (r: FhirResource): Cursor => ({ key: effectiveRange(r)?.start ?? 0, id: r.id });
const compare = (a: Cursor, b: Cursor) => (a.key !== b.key ? a.key - b.key : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface SearchPage { resources: FhirResource[]; total: number; next: Cursor | null }

/** The matching resources in order, the page after `search.after` of `search.count`, and where the next one starts. */
export function searchPage(resources: readonly FhirResource[], search: FhirSearch): SearchPage {
  const all = resources.filter((r) => matches(r, search)).map((r) => ({ r, k: sortKey(r) })).sort((a, b) => compare(a.k, b.k));
  const after = search.after;
  const rest = after ? all.filter((x) => compare(x.k, after) > 0) : all;
  const page = rest.slice(0, search.count);
  return { resources: page.map((x) => x.r), total: all.length, next: rest.length > page.length ? page[page.length - 1]!.k : null };
}

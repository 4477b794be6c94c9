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
import {
  fhirTimeRange,
  type Cursor,
  type DateBound,
  type FhirSearch,
  type TimeRange,
  type TokenCode,
} from './search-params.js';

/** When an Observation happened, as a range (a day's steps: that day; a check-in: its second); a QuestionnaireResponse: when it was authored. */
export function effectiveRange(r: FhirResource): TimeRange | null {
  const v = r.effectiveDateTime ?? r.authored;
  return typeof v === 'string' ? fhirTimeRange(v) : null;
}

/** FHIR's date prefixes on ranges: whether the resource's range satisfies the bound. */
export function dateMatches(target: TimeRange, bound: DateBound): boolean {
  switch (bound.prefix) {
    case 'eq':
      return bound.start <= target.start && target.end <= bound.end;
    case 'ge':
      return target.end > bound.start;
    case 'gt':
      return target.end > bound.end;
    case 'le':
      return target.start < bound.end;
    case 'lt':
      return target.start < bound.start;
  }
}

function codeMatches(r: FhirResource, codes: readonly TokenCode[]): boolean {
  const codings = (r.code as { coding?: { system?: string; code?: string }[] } | undefined)?.coding ?? [];
  return codings.some((c) =>
    codes.some(
      (want) =>
        want.code === c.code &&
        (want.system === undefined || (want.system === null ? c.system === undefined : want.system === c.system)),
    ),
  );
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

export interface SearchPage {
  resources: FhirResource[];
  total: number;
  next: Cursor | null;
}

/**
 * The page after `search.after` of `search.count` matching resources, in order, how many match in all, and where the
 * next page starts. One pass over the resources (a generator of a record's mapping, made one at a time: issue 15,
 * speed), holding only the `count + 1` first matches after the cursor, kept sorted as they come: so a long record is
 * never held whole. The page is the one sorting every match and cutting after the cursor would give.
 */
export function searchPage(resources: Iterable<FhirResource>, search: FhirSearch): SearchPage {
  const after = search.after;
  const keep = search.count + 1;
  const best: { r: FhirResource; k: Cursor }[] = [];
  let total = 0;
  for (const r of resources) {
    if (!matches(r, search)) continue;
    total++;
    const k = sortKey(r);
    if (after && compare(k, after) <= 0) continue;
    if (best.length === keep && compare(k, best[keep - 1]!.k) >= 0) continue;
    // Binary search for its place among the kept ones (the sort keys are a total order: no two compare equal).
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid]!.k, k) < 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, { r, k });
    if (best.length > keep) best.pop();
  }
  const page = best.slice(0, search.count);
  return { resources: page.map((x) => x.r), total, next: best.length > page.length ? page[page.length - 1]!.k : null };
}

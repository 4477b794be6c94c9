/**
 * The search parameters of Footing's read-only FHIR REST API (/fhir/R4, issue 15), parsed from a query string into
 * a typed search, or refused naming the parameter (the server answers 400 with an OperationOutcome). Pure.
 *
 * Supported: `_id` (Patient), `patient` and `subject` (Observation, CarePlan, Goal, QuestionnaireResponse; one patient, `Patient/<id>` or
 * `<id>`), `code` (Observation; `system|code`, `code` or `|code`, comma-separated for "any of"), `date`
 * (Observation) and `authored` (QuestionnaireResponse; both repeatable, with the prefixes eq, ge, le, gt, lt),
 * `questionnaire` (QuestionnaireResponse: the Questionnaire's canonical URL, optionally `|version`, or
 * `Questionnaire/<id>`; comma-separated for "any of"), `_count` (1-100) and `_cursor` (the position
 * a `next` link carries), `_format` (JSON only). Anything else is refused rather than ignored, so that a client
 * never takes an unfiltered answer for a filtered one.
 */
import { QUESTIONNAIRE_BASE } from './assessment-resources.js';

export const SEARCH_TYPES = ['Patient', 'Observation', 'CarePlan', 'Goal', 'QuestionnaireResponse'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** The parameters of each type (besides those every search takes), with their FHIR search parameter type. */
export const SEARCH_PARAMS: Record<SearchType, Readonly<Record<string, 'token' | 'reference' | 'date'>>> = {
  Patient: { _id: 'token' },
  Observation: { patient: 'reference', subject: 'reference', code: 'token', date: 'date' },
  CarePlan: { patient: 'reference', subject: 'reference' },
  Goal: { patient: 'reference', subject: 'reference' },
  QuestionnaireResponse: { patient: 'reference', subject: 'reference', authored: 'date', questionnaire: 'reference' },
};
/** The parameters that filter by the resource's time (effective-range in search-results.ts): repeatable, with prefixes. */
const DATE_PARAMS: ReadonlySet<string> = new Set(['date', 'authored']);
const COMMON = new Set(['_count', '_cursor', '_format']);
export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 100;

/** A half-open time range in epoch milliseconds: [start, end). */
export interface TimeRange {
  start: number;
  end: number;
}
export type DatePrefix = 'eq' | 'ge' | 'le' | 'gt' | 'lt';
export interface DateBound extends TimeRange {
  prefix: DatePrefix;
}
/** A code to match: `system` undefined matches any system, null only codings without one. */
export interface TokenCode {
  system: string | null | undefined;
  code: string;
}
/** Where the previous page ended: the sort key and id of its last resource. */
export interface Cursor {
  key: number;
  id: string;
}

export interface FhirSearch {
  /** The patient named by `_id`, `patient` or `subject`; null when none was named. */
  patient: string | null;
  /** Any of these codes (null: no code filter). */
  codes: TokenCode[] | null;
  /** Every bound must hold (`date` or `authored`). */
  dates: DateBound[];
  /** Any of these Questionnaires, by id (null: no filter). */
  questionnaires: string[] | null;
  count: number;
  after: Cursor | null;
}

/** A refusal: the parameter, the message, and whether the parameter or feature is unsupported (else its value is wrong). */
export type ParsedSearch =
  { ok: true; search: FhirSearch } | { ok: false; param: string; message: string; unsupported: boolean };

const FHIR_ID = /^[A-Za-z0-9.-]{1,64}$/;
const PREFIXES: readonly string[] = ['eq', 'ge', 'le', 'gt', 'lt'];
/** Prefixes of the FHIR spec that Footing does not implement (named in the refusal, not read as part of a date). */
const UNSUPPORTED_PREFIXES: readonly string[] = ['ne', 'sa', 'eb', 'ap'];
const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json']);

/**
 * A FHIR date, dateTime or instant as the range it stands for: a year, a month or a day (taken as UTC days: the
 * stored step counts are calendar days without a zone), or a time to the minute or second, which must carry a zone.
 * Null when it is not one of these forms.
 */
export function fhirTimeRange(value: string): TimeRange | null {
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = m[2] ? Number(m[2]) - 1 : 0;
    const d = m[3] ? Number(m[3]) : 1;
    const start = Date.UTC(y, mo, d);
    const check = new Date(start);
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo || check.getUTCDate() !== d || mo > 11) return null;
    const end = m[3] ? Date.UTC(y, mo, d + 1) : m[2] ? Date.UTC(y, mo + 1, 1) : Date.UTC(y + 1, 0, 1);
    return { start, end };
  }
  m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (!m) return null;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59 || !fhirTimeRange(m[1]!)) return null;
  const start = Date.parse(value);
  if (Number.isNaN(start)) return null;
  // To the minute: that minute; to the second (or finer): that second.
  return { start, end: start + (m[4] === undefined ? 60_000 : 1000) };
}

/** Every value of a parameter (a repeated parameter arrives as an array). */
const valuesOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

function parseDate(raw: string): DateBound | string | { unsupported: string } {
  const prefix = /^[a-z]{2}/.test(raw) ? raw.slice(0, 2) : 'eq';
  if (UNSUPPORTED_PREFIXES.includes(prefix))
    return { unsupported: `the prefix "${prefix}" is not supported (use eq, ge, le, gt or lt)` };
  const rest = PREFIXES.includes(raw.slice(0, 2)) ? raw.slice(2) : raw;
  const range = fhirTimeRange(rest);
  if (!range)
    return `"${raw}" is not a date (YYYY, YYYY-MM, YYYY-MM-DD, or a time with a zone such as 2026-11-02T09:30:00+01:00), with an optional prefix eq, ge, le, gt or lt`;
  return { prefix: prefix as DatePrefix, ...range };
}

function parseCode(raw: string): TokenCode | string | { unsupported: string } {
  const bar = raw.indexOf('|');
  if (bar < 0) return raw ? { system: undefined, code: raw } : 'an empty code';
  const system = raw.slice(0, bar);
  const code = raw.slice(bar + 1);
  if (!code) return { unsupported: `"${raw}" names no code (searching a whole code system is not supported)` };
  return { system: system || null, code };
}

/** The patient a reference names: `Patient/<id>` or a bare id. */
function parsePatient(raw: string, param: string): string | { message: string } {
  if (raw.includes(',')) return { message: 'one patient per search' };
  const id = raw.startsWith('Patient/') ? raw.slice('Patient/'.length) : raw;
  if (/^[A-Za-z]+\//.test(raw) && !raw.startsWith('Patient/'))
    return { message: `only Patient references are supported, not "${raw}"` };
  if (!FHIR_ID.test(id))
    return {
      message: `"${raw}" is not a ${param === '_id' ? 'resource id' : 'Patient reference (Patient/<id> or <id>)'}`,
    };
  return id;
}

/**
 * The Questionnaire a `questionnaire` value names, as its id: its canonical URL (Footing's, QUESTIONNAIRE_BASE/<id>,
 * with an optional `|version`) or a reference `Questionnaire/<id>`. Another server's URL names nothing here.
 */
function parseQuestionnaire(raw: string): string | { message: string } {
  const url = raw.split('|')[0]!;
  const id = [`${QUESTIONNAIRE_BASE}/`, 'Questionnaire/']
    .filter((p) => url.startsWith(p))
    .map((p) => url.slice(p.length))[0];
  if (id === undefined || !FHIR_ID.test(id))
    return {
      message: `"${raw}" is not one of Footing's Questionnaires (its canonical URL ${QUESTIONNAIRE_BASE}/<id>, or Questionnaire/<id>)`,
    };
  return id;
}

/** Parses the query of a search of `type`; the first problem found is returned, naming its parameter. */
export function parseSearch(type: SearchType, query: Readonly<Record<string, unknown>>): ParsedSearch {
  const own = SEARCH_PARAMS[type];
  const fail = (param: string, message: string, unsupported = false): ParsedSearch => ({
    ok: false,
    param,
    message: `${param}: ${message}`,
    unsupported,
  });
  const search: FhirSearch = {
    patient: null,
    codes: null,
    dates: [],
    questionnaires: null,
    count: DEFAULT_COUNT,
    after: null,
  };
  for (const [name, raw] of Object.entries(query)) {
    const base = name.split(':')[0]!;
    if (!(base in own) && !COMMON.has(base))
      return fail(
        name,
        `not a supported search parameter of ${type} (supported: ${[...Object.keys(own), ...COMMON].join(', ')})`,
        true,
      );
    if (name !== base) return fail(name, `the modifier ":${name.slice(base.length + 1)}" is not supported`, true);
    const values = valuesOf(raw);
    if (!DATE_PARAMS.has(base) && values.length > 1) return fail(name, 'given more than once');
    const value = values[0] ?? '';
    switch (base) {
      case '_id':
      case 'patient':
      case 'subject': {
        const id = parsePatient(value, base);
        if (typeof id !== 'string') return fail(name, id.message);
        if (search.patient !== null && search.patient !== id)
          return fail(name, 'names a different patient from another parameter');
        search.patient = id;
        break;
      }
      case 'code': {
        const codes: TokenCode[] = [];
        for (const part of value.split(',')) {
          const c = parseCode(part);
          if (typeof c === 'string') return fail(name, c);
          if ('unsupported' in c) return fail(name, c.unsupported, true);
          codes.push(c);
        }
        search.codes = codes;
        break;
      }
      case 'questionnaire': {
        const ids: string[] = [];
        for (const part of value.split(',')) {
          const id = parseQuestionnaire(part);
          if (typeof id !== 'string') return fail(name, id.message);
          ids.push(id);
        }
        search.questionnaires = ids;
        break;
      }
      case 'date':
      case 'authored':
        for (const v of values) {
          const d = parseDate(v);
          if (typeof d === 'string') return fail(name, d);
          if ('unsupported' in d) return fail(name, d.unsupported, true);
          search.dates.push(d);
        }
        break;
      case '_count': {
        if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > MAX_COUNT)
          return fail(name, `"${value}" is not a whole number from 1 to ${MAX_COUNT}`);
        search.count = Number(value);
        break;
      }
      case '_cursor': {
        const m = /^(-?\d{1,16})_([A-Za-z0-9.-]{1,64})$/.exec(value);
        if (!m) return fail(name, 'not a position from a next link of this server');
        search.after = { key: Number(m[1]), id: m[2]! };
        break;
      }
      case '_format':
        if (!JSON_FORMATS.has(value))
          return fail(name, `"${value}" is not supported: this server answers JSON only (application/fhir+json)`, true);
        break;
    }
  }
  return { ok: true, search };
}

/** The query string of a cursor (for the `next` link). */
export const cursorParam = (c: Cursor): string => `${c.key}_${c.id}`;

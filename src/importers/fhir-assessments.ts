/**
 * The assessment resources of a FHIR file, read back into Footing's entries (issue 15, import): what the export
 * writes (src/core/fhir/assessment-resources.ts) for screening results (Observations coded in Footing's screening
 * code system, one component per stored value) and outcome measures (Observations coded in its outcome code system,
 * the score only for the copyrighted ones; a QuestionnaireResponse with the answers for the free NPRS and PSFS).
 * Each entry is checked by the same parsers as the forms (parseScreeningResult, parseOutcomeEntry); a score-only
 * entry is stored as the total the form takes for that measure (ODI and FAAM as a percentage, NDI as the raw
 * total, NPRS as its value), and its score must come out equal to the Observation's. Every problem is located
 * (the entry's place and a FHIRPath-like field). Pure.
 */
import { said } from '../core/import-problem-words.js';
import { OUTCOME_SYSTEM, PART_WORDS, QUESTIONNAIRE_BASE, SCREENING_SYSTEM } from '../core/fhir/assessment-resources.js';
import { parseOutcomeEntry } from '../core/outcome-schemas.js';
import type { OutcomeProblem } from '../core/outcome-scoring.js';
import { parseScreeningResult } from '../core/screening-schemas.js';
import { importError, quoteToken, type ImportIssue, type ImportLocation } from './import-error.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
type Locate = (path: string) => ImportLocation;

/** A screening result or an outcome entry, as the assessment service takes it. */
export interface ImportedScreening {
  testId: string;
  values: Record<string, unknown>;
  recordedAt: string;
  recordedBy: string;
}
export interface ImportedOutcome {
  measure: string;
  input: Record<string, unknown>;
  score: number;
  recordedAt: string;
  recordedBy: string;
}
export interface ImportedAssessments {
  screenings: ImportedScreening[];
  outcomes: ImportedOutcome[];
}

const codeIn = (o: Json, system: string): string | null => {
  const coding = isObj(o.code) && Array.isArray(o.code.coding) ? o.code.coding.filter(isObj) : [];
  const c = coding.find((x) => x.system === system);
  return c && typeof c.code === 'string' ? c.code : null;
};

/** Which kind of assessment resource this is, or null when it is none. */
export function assessmentKind(o: Json): 'screening' | 'outcome' | 'response' | null {
  if (o.resourceType === 'Observation')
    return codeIn(o, SCREENING_SYSTEM) !== null ? 'screening' : codeIn(o, OUTCOME_SYSTEM) !== null ? 'outcome' : null;
  if (
    o.resourceType === 'QuestionnaireResponse' &&
    typeof o.questionnaire === 'string' &&
    o.questionnaire.startsWith(`${QUESTIONNAIRE_BASE}/`)
  )
    return 'response';
  return null;
}

/** Who recorded it: the patient ("me", the export's reference to the Patient) or a clinician by name. */
function recorder(who: unknown): string | null {
  if (!isObj(who)) return null;
  if (typeof who.reference === 'string' && who.reference.startsWith('Patient/')) return 'me';
  return typeof who.display === 'string' && who.display.trim() ? who.display.trim() : null;
}

const WORD_PARTS = new Map(Object.entries(PART_WORDS).map(([k, v]) => [v, k]));

/** A component's name back to its stored path ("Eyes open, left" → eyesOpen.left). */
function pathOf(text: string): string[] {
  const lower = text.charAt(0).toLowerCase() + text.slice(1);
  return lower.split(', ').map((w) => WORD_PARTS.get(w) ?? w);
}

export function readScreening(o: Json, at: Locate): { entry: ImportedScreening } | { issue: ImportIssue } {
  const testId = codeIn(o, SCREENING_SYSTEM)!;
  const recordedAt = typeof o.effectiveDateTime === 'string' ? o.effectiveDateTime : null;
  if (!recordedAt)
    return { issue: importError('missing-field', said('fhir.screening-no-time'), at('effectiveDateTime')) };
  const recordedBy = recorder(Array.isArray(o.performer) ? o.performer[0] : undefined);
  if (!recordedBy) return { issue: importError('missing-field', said('fhir.screening-no-performer'), at('performer')) };
  const values: Record<string, unknown> = {};
  const where = new Map<string, number>();
  const components = Array.isArray(o.component) ? o.component : [];
  for (let i = 0; i < components.length; i++) {
    const c = components[i];
    const text = isObj(c) && isObj(c.code) && typeof c.code.text === 'string' ? c.code.text : null;
    if (!isObj(c) || !text)
      return { issue: importError('missing-field', said('fhir.component-no-name'), at(`component[${i}].code.text`)) };
    const value = isObj(c.valueQuantity) ? c.valueQuantity.value : (c.valueBoolean ?? c.valueString);
    if (value === undefined)
      return { issue: importError('missing-field', said('fhir.component-no-value'), at(`component[${i}]`)) };
    const path = pathOf(text);
    let node = values;
    for (const part of path.slice(0, -1))
      node = (node[part] = isObj(node[part]) ? node[part] : {}) as Record<string, unknown>;
    node[path.at(-1)!] = value;
    where.set(path.join('.'), i);
  }
  const parsed = parseScreeningResult({ testId, values, recordedAt, recordedBy });
  if (!parsed.result) {
    const p = parsed.problems[0]!;
    const field =
      p.field.startsWith('values.') && where.has(p.field.slice(7))
        ? `component[${where.get(p.field.slice(7))}]`
        : p.field === 'recordedAt'
          ? 'effectiveDateTime'
          : p.field === 'testId'
            ? 'code'
            : 'component';
    return {
      issue: importError(
        'bad-value',
        said('fhir.screening-invalid', {
          test: quoteToken(testId),
          field: p.field,
          detail: p.message,
          check: p.text ?? null,
        }),
        at(field),
      ),
    };
  }
  return { entry: { testId, values, recordedAt, recordedBy } };
}

/** Answers a form's rules refuse: the measure, the field and the scorer's (or schema's) problem, with its figures. */
export function answersInvalid(measure: string, p: OutcomeProblem) {
  return said('fhir.answers-invalid', {
    measure: quoteToken(measure),
    field: p.field,
    detail: p.message,
    problem: p.params ? { code: p.code, params: p.params } : null,
    check: p.text ?? null,
  });
}

/** The answers of a QuestionnaireResponse of a free measure, as the form's input. */
export function readResponse(
  o: Json,
  at: Locate,
):
  | { measure: string; input: Record<string, unknown>; recordedAt: string | null; recordedBy: string | null }
  | { issue: ImportIssue } {
  const measure = String(o.questionnaire).slice(QUESTIONNAIRE_BASE.length + 1);
  const items = Array.isArray(o.item) ? o.item.filter(isObj) : [];
  const answer = (item: Json | undefined) =>
    isObj(item) && Array.isArray(item.answer) && isObj(item.answer[0]) ? item.answer[0] : null;
  let input: Record<string, unknown>;
  if (measure === 'nprs') {
    const a = answer(items.find((i) => i.linkId === 'pain'));
    if (!a || typeof a.valueInteger !== 'number')
      return { issue: importError('missing-field', said('fhir.nprs-answer'), at('item')) };
    input = { value: a.valueInteger };
  } else if (measure === 'psfs') {
    input = {
      activities: items
        .filter((i) => i.linkId === 'activity')
        .map((g) => {
          const parts = Array.isArray(g.item) ? g.item.filter(isObj) : [];
          const name = answer(parts.find((p) => p.linkId === 'activity.name'));
          const rating = answer(parts.find((p) => p.linkId === 'activity.rating'));
          return {
            name: typeof name?.valueString === 'string' ? name.valueString : '',
            rating: typeof rating?.valueInteger === 'number' ? rating.valueInteger : null,
          };
        }),
    };
  } else {
    return {
      issue: importError(
        'bad-value',
        said('fhir.unknown-questionnaire', { token: quoteToken(measure) }),
        at('questionnaire'),
      ),
    };
  }
  return {
    measure,
    input,
    recordedAt: typeof o.authored === 'string' ? o.authored : null,
    recordedBy: recorder(o.author),
  };
}

/** The form's total for a measure given by its score alone (a copyrighted measure's items are never exported). */
function scoreOnlyInput(measure: string, score: number): Record<string, unknown> | null {
  if (measure === 'odi' || measure === 'faam-adl' || measure === 'faam-sports') return { totalPercent: score };
  if (measure === 'ndi') return { rawTotal: score };
  if (measure === 'nprs') return { value: score };
  return null;
}

/** An outcome entry from its score Observation, with the answers of the QuestionnaireResponse it is derived from when there is one. */
export function readOutcome(
  o: Json,
  at: Locate,
  response: { input: Record<string, unknown> } | undefined,
): { entry: ImportedOutcome } | { issue: ImportIssue } {
  const measure = codeIn(o, OUTCOME_SYSTEM)!;
  const score = isObj(o.valueQuantity) ? o.valueQuantity.value : undefined;
  if (typeof score !== 'number' || !Number.isFinite(score))
    return {
      issue: importError(
        'bad-value',
        said('fhir.not-a-score', { token: quoteToken(JSON.stringify(score) ?? 'nothing') }),
        at('valueQuantity.value'),
      ),
    };
  const recordedAt = typeof o.effectiveDateTime === 'string' ? o.effectiveDateTime : null;
  if (!recordedAt)
    return { issue: importError('missing-field', said('fhir.outcome-no-time'), at('effectiveDateTime')) };
  const recordedBy = recorder(Array.isArray(o.performer) ? o.performer[0] : undefined);
  if (!recordedBy) return { issue: importError('missing-field', said('fhir.outcome-no-performer'), at('performer')) };
  const input = response?.input ?? scoreOnlyInput(measure, score);
  if (!input)
    return {
      issue: importError(
        'missing-field',
        said('fhir.outcome-no-answers', { token: quoteToken(measure) }),
        at('derivedFrom'),
      ),
    };
  const parsed = parseOutcomeEntry({ measure, input, recordedAt, recordedBy });
  if (!parsed.entry)
    return {
      issue: importError(
        'bad-value',
        answersInvalid(measure, parsed.problems[0]!),
        at(response ? 'derivedFrom' : 'valueQuantity.value'),
      ),
    };
  // The export rounds to 2 decimals: the answers must give the score the file states.
  const computed = Math.round(parsed.score.score! * 100) / 100;
  if (computed !== score)
    return {
      issue: importError('bad-value', said('fhir.score-mismatch', { score, computed }), at('valueQuantity.value')),
    };
  return { entry: { measure, input, score: parsed.score.score!, recordedAt, recordedBy } };
}

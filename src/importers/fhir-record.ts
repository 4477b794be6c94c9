/**
 * The Patient, CarePlan and Goal of a FHIR file, read back into what Footing stores of them (issue 15, round trip).
 * docs/clinic.md ("Round trip") says why each is taken as it is:
 *
 * - Patient: the birth year only, and only into a record without one; a record whose birth year differs refuses
 *   the whole file (it is most likely someone else's). The name is never taken: the receiving record's name is its
 *   account's (or "Me" without accounts).
 * - CarePlan and Goal: the program's stage and a clinician's walking target or cap, only when the person asked for
 *   it (`adoptProgram`): a plan made elsewhere must not change a program silently. Read from what the export writes
 *   (src/core/fhir/patient-bundle.ts): "Stage 2, <name>: <goal>" in CarePlan.description; the clinician's reason as
 *   a Goal.note with its author and date, a cap as a second target's `detailRange.high`. Doses and activities are
 *   not read: they follow from the stage here.
 *
 * Pure: every problem is located (the entry's place and a FHIRPath-like field).
 */
import { said } from '../core/import-problem-words.js';
import { FIRST_STAGE, LAST_STAGE, stageByNumber } from '../core/stages.js';
import { isIsoDate } from '../core/dates.js';
import { WalkingOverrideInput } from '../core/walking-override.js';
import { checkWith, textOfIssue } from '../core/validation-words.js';
import { importError, quoteToken, type ImportIssue, type ImportLocation } from './import-error.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
type Locate = (path: string) => ImportLocation;

/** A clinician's walking setting as the walking-override service takes it, with who set it and when. */
export interface ImportedWalkingSetting {
  input: WalkingOverrideInput;
  setBy: string;
  setOn: string;
}
/** What the file's CarePlan and Goal give when the program is adopted. */
export interface ImportedProgram {
  stage: number;
  walking: ImportedWalkingSetting | null;
}
/** What a FHIR file gives of the record itself: the Patient's birth year, and the program when it is adopted. */
export interface ImportedRecordParts {
  birthYear: number | null;
  program: ImportedProgram | null;
}

/** The year of a Patient's birthDate (FHIR date: YYYY, YYYY-MM or YYYY-MM-DD), or an issue. Null when it has none. */
export function readBirthYear(p: Json, at: Locate, thisYear: number): { year: number | null } | { issue: ImportIssue } {
  if (p.birthDate === undefined) return { year: null };
  const m = typeof p.birthDate === 'string' ? /^(\d{4})(-\d{2}(-\d{2})?)?$/.exec(p.birthDate) : null;
  const year = m ? Number(m[1]) : NaN;
  if (!m || year < 1900 || year > thisYear) {
    return {
      issue: importError(
        'bad-date',
        said('fhir.birth-date', { token: quoteToken(JSON.stringify(p.birthDate)), year: thisYear }),
        at('birthDate'),
      ),
    };
  }
  return { year };
}

/** The stage of the file's CarePlan, as the export writes it: an active plan whose description starts "Stage N, <name>:". */
export function readCarePlanStage(c: Json, at: Locate): { stage: number } | { issue: ImportIssue } {
  if (c.status !== 'active') {
    return {
      issue: importError(
        'bad-value',
        said('fhir.program-not-active', { token: quoteToken(String(c.status)) }),
        at('status'),
      ),
    };
  }
  const m = typeof c.description === 'string' ? /^Stage (\d+), ([^:]+):/.exec(c.description) : null;
  const stage = m ? Number(m[1]) : NaN;
  if (!m || stage < FIRST_STAGE || stage > LAST_STAGE || stageByNumber(stage).name !== m[2]) {
    return {
      issue: importError(
        'bad-value',
        said('fhir.not-a-stage', { first: FIRST_STAGE, last: LAST_STAGE }),
        at('description'),
      ),
    };
  }
  return { stage };
}

type Quantity = { value?: unknown; code?: unknown };
const figureOf = (q: Quantity): { steps: number } | { minutes: number } | null =>
  typeof q.value !== 'number'
    ? null
    : q.code === '/d'
      ? { steps: q.value }
      : q.code === 'min/d'
        ? { minutes: q.value }
        : null;

/**
 * A clinician's walking setting from the file's Goal, or null when the target there came from the person's own
 * days (no note with an author). A target's figure is the Goal's first target; a cap's, a target's `detailRange.high`.
 */
export function readWalkingGoal(
  g: Json,
  at: Locate,
): { walking: ImportedWalkingSetting | null } | { issue: ImportIssue } {
  const notes = Array.isArray(g.note) ? g.note : [];
  const i = notes.findIndex((n) => isObj(n) && typeof n.authorString === 'string');
  if (i < 0) return { walking: null };
  const note = notes[i] as Json;
  const setOn = typeof note.time === 'string' ? note.time.slice(0, 10) : '';
  if (!isIsoDate(setOn)) return { issue: importError('bad-date', said('fhir.walking-no-date'), at(`note[${i}].time`)) };
  const targets = Array.isArray(g.target) ? g.target.filter(isObj) : [];
  const capAt = targets.findIndex((t) => isObj(t.detailRange) && isObj(t.detailRange.high));
  const kind = capAt >= 0 ? 'cap' : 'target';
  const field = capAt >= 0 ? `target[${capAt}].detailRange.high` : 'target[0].detailQuantity';
  const q = capAt >= 0 ? (targets[capAt]!.detailRange as Json).high : targets[0]?.detailQuantity;
  const figure = isObj(q) ? figureOf(q as Quantity) : null;
  if (!figure) return { issue: importError('missing-field', said('fhir.walking-no-figure'), at(field)) };
  const parsed = checkWith(WalkingOverrideInput, { kind, ...figure, reason: note.text });
  if (!parsed.success) {
    const p = parsed.error.issues[0]!;
    return {
      issue: importError(
        'bad-value',
        said('fhir.walking-invalid', {
          kind,
          path: p.path.join('.') || null,
          detail: p.message,
          check: textOfIssue(p),
        }),
        at(p.path[0] === 'reason' ? `note[${i}].text` : field),
      ),
    };
  }
  return { walking: { input: parsed.data, setBy: (note.authorString as string).trim().slice(0, 200), setOn } };
}

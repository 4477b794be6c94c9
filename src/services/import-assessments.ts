/**
 * The screening results and outcome entries of an imported FHIR file (src/importers/fhir-assessments.ts), stored
 * once each, in the same transaction as the file's walking and pain (import-walking.ts): an entry the person already has (the same test
 * or measure, at the same instant, by the same person, with the same values or score) is counted as a duplicate, so
 * importing a file again, or back into the record it came from, adds nothing. Each is stored through the assessment
 * service, as a form's entry would be.
 */
import type { Kysely } from 'kysely';
import type { ImportedAssessments } from '../importers/fhir-assessments.js';
import type { Database } from '../store/schema.js';
import { listOutcomeScores, listScreeningResults } from '../store/repos/assessments.js';
import { addOutcome, addScreening } from './assessment-service.js';
import { addCounts, addUnlessHeld, type AddCount } from './add-unless-held.js';

/** JSON with its object keys sorted: two values compare equal whatever order their keys were written in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}
const round2 = (n: number) => Math.round(n * 100) / 100;
const screeningKey = (testId: string, at: string, by: string, values: unknown) =>
  canonical([testId, Date.parse(at), by, values]);
const outcomeKey = (measure: string, at: string, by: string, score: number) =>
  canonical([measure, Date.parse(at), by, round2(score)]);

export async function storeImportedAssessments(
  db: Kysely<Database>,
  personId: string,
  a: ImportedAssessments,
): Promise<AddCount> {
  const screens = new Set(
    (await listScreeningResults(db, personId)).map((r) => screeningKey(r.testId, r.recordedAt, r.recordedBy, r.values)),
  );
  const scores = new Set(
    (await listOutcomeScores(db, personId))
      .filter((r) => r.score !== null)
      .map((r) => outcomeKey(r.measureId, r.recordedAt, r.recordedBy, r.score!)),
  );
  const screened = await addUnlessHeld(
    a.screenings,
    (s) => screeningKey(s.testId, s.recordedAt, s.recordedBy, s.values),
    screens,
    (s) => addScreening(db, personId, s),
  );
  const scored = await addUnlessHeld(
    a.outcomes,
    (o) => outcomeKey(o.measure, o.recordedAt, o.recordedBy, o.score),
    scores,
    (o) =>
      addOutcome(db, personId, {
        measure: o.measure,
        input: o.input,
        recordedAt: o.recordedAt,
        recordedBy: o.recordedBy,
      }),
  );
  return addCounts(screened, scored);
}

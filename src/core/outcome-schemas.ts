/**
 * A stored outcome-measure entry: which measure, the numbers entered (never item text), when and by whom. The zod
 * schema checks only the shape; ranges are left to the scorers so a bad value is reported with its item index.
 * `parseOutcomeEntry` does both and returns located problems (`input.sections[4]`), never a throw.
 */
import { z } from 'zod';
import { checkWith, textOfIssue } from './validation-words.js';
import {
  scoreFaam,
  scoreNdi,
  scoreNprs,
  scoreOdi,
  scorePsfs,
  scoreStartBack,
  type FaamInput,
  type NdiInput,
  type OdiInput,
  type OutcomeProblem,
  type OutcomeScore,
} from './outcome-scoring.js';

const num = z.number();
// Item lists take any element: the scorers check each one and name its index, which a zod union cannot do.
const items = z.array(z.unknown()).max(50);
/** Either the item list or the total, not both and not neither. */
const exactlyOne = (a: unknown, b: unknown) => (a === undefined) !== (b === undefined);
const ONE_OF = { message: 'Enter either the item scores or the total, not both.' };
const odiInput = z
  .strictObject({ sections: items.optional(), totalPercent: num.optional() })
  .refine((v) => exactlyOne(v.sections, v.totalPercent), ONE_OF);
const ndiInput = z
  .strictObject({ items: items.optional(), rawTotal: num.optional() })
  .refine((v) => exactlyOne(v.items, v.rawTotal), ONE_OF);
const faamInput = z
  .strictObject({ items: items.optional(), totalPercent: num.optional() })
  .refine((v) => exactlyOne(v.items, v.totalPercent), ONE_OF);

const meta = {
  recordedAt: z.iso.datetime({ offset: true }),
  recordedBy: z.string().trim().min(1).max(200),
};

export const outcomeEntrySchema = z.discriminatedUnion('measure', [
  z.strictObject({ measure: z.literal('nprs'), input: z.strictObject({ value: num }), ...meta }),
  z.strictObject({
    measure: z.literal('psfs'),
    input: z.strictObject({
      activities: z.array(z.strictObject({ name: z.string().max(200), rating: num.nullable() })).max(20),
    }),
    ...meta,
  }),
  z.strictObject({ measure: z.literal('odi'), input: odiInput, ...meta }),
  z.strictObject({ measure: z.literal('ndi'), input: ndiInput, ...meta }),
  z.strictObject({ measure: z.literal('faam-adl'), input: faamInput, ...meta }),
  z.strictObject({ measure: z.literal('faam-sports'), input: faamInput, ...meta }),
  z.strictObject({
    measure: z.literal('start-back'),
    input: z.strictObject({ overall: num, psychosocial: num }),
    ...meta,
  }),
]);
export type OutcomeEntry = z.infer<typeof outcomeEntrySchema>;

/** Scores a stored entry with its measure's scorer. */
export function scoreOutcome(entry: OutcomeEntry): OutcomeScore<string> {
  switch (entry.measure) {
    case 'nprs':
      return scoreNprs(entry.input.value);
    case 'psfs':
      return scorePsfs(entry.input);
    // The schema checked the shape (exactly one of list or total); the scorers check every value, so the casts
    // only narrow what was already validated or is about to be.
    case 'odi':
      return scoreOdi(entry.input as OdiInput);
    case 'ndi':
      return scoreNdi(entry.input as NdiInput);
    case 'faam-adl':
      return scoreFaam('adl', entry.input as FaamInput);
    case 'faam-sports':
      return scoreFaam('sports', entry.input as FaamInput);
    case 'start-back':
      return scoreStartBack(entry.input);
  }
}

/**
 * Parses untrusted input into an entry and its score. Shape errors and scoring errors both come back as problems
 * whose `field` is a path from the entry (e.g. `input.sections[4]`).
 */
export function parseOutcomeEntry(
  input: unknown,
):
  | { entry: OutcomeEntry; score: OutcomeScore<string>; problems: [] }
  | { entry: null; score: null; problems: OutcomeProblem[] } {
  const parsed = checkWith(outcomeEntrySchema, input);
  if (!parsed.success) {
    return {
      entry: null,
      score: null,
      problems: parsed.error.issues.map((i) => {
        const last = i.path[i.path.length - 1];
        const field =
          i.path.reduce<string>(
            (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
            '',
          ) || '(root)';
        const text = textOfIssue(i);
        return {
          code: 'not_a_form' as const,
          field,
          ...(typeof last === 'number' ? { index: last } : {}),
          message: i.message,
          ...(text ? { text } : {}),
        };
      }),
    };
  }
  const score = scoreOutcome(parsed.data);
  if (score.score === null) {
    return { entry: null, score: null, problems: score.problems.map((p) => ({ ...p, field: `input.${p.field}` })) };
  }
  return { entry: parsed.data, score, problems: [] };
}

/**
 * The form of each screening test, matching its schema in src/core/screening-schemas.ts: which values it takes
 * (per side, eyes open/closed, the heel-raise protocol), their kind and unit; how typed text becomes the `values`
 * object the API takes; and the API's messages in plain words.
 */
// Type-only: the schemas module runs zod at load time, which the web bundle does without. The Record types below
// make the compiler check that every option of the schema has its words here.
import type { ScreeningValues } from '../../../src/core/screening-schemas.js';
import type { ScreeningTestEntry, ScreeningTestId } from '../api/assessment-types.js';

type Observation = NonNullable<ScreeningValues<'trendelenburg'>['left']>;
type WindlassAnswer = NonNullable<ScreeningValues<'windlass'>['left']>;
type Protocol = ScreeningValues<'heel-raise'>['protocol'];
const choices = <K extends string>(words: Record<K, string>): Choice[] => Object.entries<string>(words).map(([value, label]) => ({ value, label }));

export interface Choice { value: string; label: string }
export interface FieldDef {
  /** Path under `values`, e.g. `left`, `eyesOpen.right`, `protocol`. */
  path: string;
  label: string;
  kind: 'number' | 'integer' | 'signed-integer' | 'choice';
  unit?: string;
  choices?: Choice[];
  /** A choice that must be made (the heel-raise protocol); other fields may stay empty. */
  required?: boolean;
}
export interface FieldGroup { legend: string; fields: FieldDef[] }

const observations = choices<Observation>({ seen: 'Seen', 'not-seen': 'Not seen', unsure: 'Not sure' });
const windlass = choices<WindlassAnswer>({ positive: 'Yes, the pain came back', negative: 'No' });
const protocols = choices<Protocol>({ 'incline-metronome': 'On a slope, in time with a metronome', 'flat-floor': 'On a flat floor' });

const sides = (kind: FieldDef['kind'], unit: string | undefined, words: [string, string], extra: Partial<FieldDef> = {}, prefix = ''): FieldDef[] => [
  { path: `${prefix}left`, label: words[0], kind, ...(unit ? { unit } : {}), ...extra },
  { path: `${prefix}right`, label: words[1], kind, ...(unit ? { unit } : {}), ...extra },
];
const FEET: [string, string] = ['Left foot', 'Right foot'];
const LEGS: [string, string] = ['Left leg', 'Right leg'];
const STANDING: [string, string] = ['Standing on the left leg', 'Standing on the right leg'];

/** The groups of fields of each test's form. */
export const TEST_FIELDS: Record<ScreeningTestId, FieldGroup[]> = {
  'navicular-drop': [{ legend: 'Drop in millimetres', fields: sides('number', 'mm', FEET) }],
  'foot-posture-index': [{ legend: 'Total from the official form (-12 to +12)', fields: sides('signed-integer', 'points', FEET) }],
  'weight-bearing-lunge': [{ legend: 'Toe to wall, in centimetres (best of 3)', fields: sides('number', 'cm', FEET) }],
  'single-leg-stance': [
    { legend: 'Eyes open, seconds (best of 3)', fields: sides('number', 's', LEGS, {}, 'eyesOpen.') },
    { legend: 'Eyes closed, seconds (best of 3)', fields: sides('number', 's', LEGS, {}, 'eyesClosed.') },
  ],
  'heel-raise': [
    { legend: 'Full rises counted', fields: sides('integer', 'rises', LEGS) },
    { legend: 'How you did it', fields: [{ path: 'protocol', label: 'How you did it', kind: 'choice', required: true, choices: protocols }] },
  ],
  windlass: [{ legend: 'Did lifting the big toe bring back your heel or arch pain?', fields: sides('choice', undefined, FEET, { choices: windlass }) }],
  'single-leg-squat-valgus': [{ legend: 'Did the knee move inward?', fields: sides('choice', undefined, LEGS, { choices: observations }) }],
  trendelenburg: [{ legend: 'Did the hip on the lifted-leg side drop?', fields: sides('choice', undefined, STANDING, { choices: observations }) }],
};

export type FormText = Record<string, string>;

/** Turns the typed text into the API's `values`; empty fields are left out. Text that is not a number is a problem at its field. */
export function buildValues(testId: ScreeningTestId, text: FormText): { values: Record<string, unknown>; problem: { field: string; message: string } | null } {
  const values: Record<string, unknown> = {};
  for (const group of TEST_FIELDS[testId]) {
    for (const f of group.fields) {
      const raw = (text[f.path] ?? '').trim();
      if (raw === '') {
        if (f.required) return { values, problem: { field: `values.${f.path}`, message: 'Choose one.' } };
        continue;
      }
      let v: unknown = raw;
      if (f.kind !== 'choice') {
        const n = Number(raw.replace(',', '.').replace(/^\+/, ''));
        if (!Number.isFinite(n)) return { values, problem: { field: `values.${f.path}`, message: f.kind === 'number' ? 'Enter a number, like 12 or 7.5.' : 'Enter a whole number.' } };
        v = n;
      }
      const [head, tail] = f.path.split('.') as [string, string | undefined];
      if (tail === undefined) values[head] = v;
      else values[head] = { ...(values[head] as Record<string, unknown> | undefined), [tail]: v };
    }
  }
  return { values, problem: null };
}

/** The API's message for a value (zod's words) said plainly, with the range the test accepts. */
export function plainMessage(message: string, test: Pick<ScreeningTestEntry, 'input'>): string {
  if (/^(Too big|Too small|Invalid input: expected (int|number))/i.test(message)) return `That value cannot be entered: use ${test.input.range}.`;
  if (/^Invalid option/i.test(message)) return 'Choose one of the options.';
  if (/^Unrecognized key/i.test(message)) return 'This value is not part of the test.';
  return message;
}

/**
 * The form of each screening test, matching its schema in src/core/screening-schemas.ts: which values it takes
 * (per side, eyes open/closed, the heel-raise protocol), their kind and unit; how typed text becomes the `values`
 * object the API takes; and the API's messages in plain words.
 */
// Type-only: the schemas module runs zod at load time, which the web bundle does without. The Record types below
// make the compiler check that every option of the schema has its words here.
import type { ScreeningValues } from '../../../src/core/screening-schemas.js';
import type { TFunction } from 'i18next';
import type { ScreeningTestEntry, ScreeningTestId } from '../api/assessment-types.js';

type Observation = NonNullable<ScreeningValues<'trendelenburg'>['left']>;
type WindlassAnswer = NonNullable<ScreeningValues<'windlass'>['left']>;
type Protocol = ScreeningValues<'heel-raise'>['protocol'];
const choices = <K extends string>(words: Record<K, string>): Choice[] =>
  Object.entries<string>(words).map(([value, label]) => ({ value, label }));

export interface Choice {
  value: string;
  label: string;
}
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
export interface FieldGroup {
  legend: string;
  fields: FieldDef[];
}

const sides = (
  kind: FieldDef['kind'],
  unit: string | undefined,
  words: [string, string],
  extra: Partial<FieldDef> = {},
  prefix = '',
): FieldDef[] => [
  { path: `${prefix}left`, label: words[0], kind, ...(unit ? { unit } : {}), ...extra },
  { path: `${prefix}right`, label: words[1], kind, ...(unit ? { unit } : {}), ...extra },
];
/** The groups of fields of each test's form, in the language of `t` (keys assessment:fields.*). */
export function testFields(t: TFunction): Record<ScreeningTestId, FieldGroup[]> {
  const observations = choices<Observation>({
    seen: t('assessment:fields.seen'),
    'not-seen': t('assessment:fields.notSeen'),
    unsure: t('assessment:fields.unsure'),
  });
  const windlass = choices<WindlassAnswer>({
    positive: t('assessment:fields.painCameBack'),
    negative: t('assessment:fields.no'),
  });
  const protocols = choices<Protocol>({
    'incline-metronome': t('assessment:fields.incline'),
    'flat-floor': t('assessment:fields.flatFloor'),
  });
  const feet: [string, string] = [t('assessment:fields.leftFoot'), t('assessment:fields.rightFoot')];
  const legs: [string, string] = [t('assessment:fields.leftLeg'), t('assessment:fields.rightLeg')];
  const standing: [string, string] = [t('assessment:fields.standingLeft'), t('assessment:fields.standingRight')];
  return {
    'navicular-drop': [
      { legend: t('assessment:fields.navicularDrop'), fields: sides('number', t('assessment:units.mm'), feet) },
    ],
    'foot-posture-index': [
      {
        legend: t('assessment:fields.footPostureIndex'),
        fields: sides('signed-integer', t('assessment:units.points'), feet),
      },
    ],
    'weight-bearing-lunge': [
      { legend: t('assessment:fields.lunge'), fields: sides('number', t('assessment:units.cm'), feet) },
    ],
    'single-leg-stance': [
      {
        legend: t('assessment:fields.eyesOpen'),
        // i18n-ignore: a field path of the API
        fields: sides('number', t('assessment:units.s'), legs, {}, 'eyesOpen.'),
      },
      {
        legend: t('assessment:fields.eyesClosed'),
        // i18n-ignore: a field path of the API
        fields: sides('number', t('assessment:units.s'), legs, {}, 'eyesClosed.'),
      },
    ],
    'heel-raise': [
      { legend: t('assessment:fields.rises'), fields: sides('integer', t('assessment:units.rises'), legs) },
      {
        legend: t('assessment:fields.howYouDidIt'),
        fields: [
          {
            path: 'protocol',
            label: t('assessment:fields.howYouDidIt'),
            kind: 'choice',
            required: true,
            choices: protocols,
          },
        ],
      },
    ],
    windlass: [
      { legend: t('assessment:fields.windlass'), fields: sides('choice', undefined, feet, { choices: windlass }) },
    ],
    'single-leg-squat-valgus': [
      {
        legend: t('assessment:fields.kneeInward'),
        fields: sides('choice', undefined, legs, { choices: observations }),
      },
    ],
    trendelenburg: [
      {
        legend: t('assessment:fields.hipDrop'),
        fields: sides('choice', undefined, standing, { choices: observations }),
      },
    ],
  };
}

export type FormText = Record<string, string>;

/** Turns the typed text into the API's `values`; empty fields are left out. Text that is not a number is a problem at its field. */
export function buildValues(
  testId: ScreeningTestId,
  text: FormText,
  t: TFunction,
): { values: Record<string, unknown>; problem: { field: string; message: string } | null } {
  const values: Record<string, unknown> = {};
  for (const group of testFields(t)[testId]) {
    for (const f of group.fields) {
      const raw = (text[f.path] ?? '').trim();
      if (raw === '') {
        if (f.required)
          return { values, problem: { field: `values.${f.path}`, message: t('assessment:fields.chooseOne') } }; // i18n-ignore: a field path of the API
        continue;
      }
      let v: unknown = raw;
      if (f.kind !== 'choice') {
        const n = Number(raw.replace(',', '.').replace(/^\+/, ''));
        if (!Number.isFinite(n))
          return {
            values,
            problem: {
              field: `values.${f.path}`,
              message:
                f.kind === 'number' ? t('assessment:fields.enterNumber') : t('assessment:fields.enterWholeNumber'),
            },
          }; // i18n-ignore: a field path of the API
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
export function plainMessage(message: string, test: Pick<ScreeningTestEntry, 'input'>, t: TFunction): string {
  if (/^(Too big|Too small|Invalid input: expected (int|number))/i.test(message))
    return t('assessment:fields.outOfRange', { range: test.input.range });
  if (/^Invalid option/i.test(message)) return t('assessment:fields.chooseOption');
  if (/^Unrecognized key/i.test(message)) return t('assessment:fields.notPartOfTest');
  return message;
}

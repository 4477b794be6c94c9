/**
 * Screening results and outcome measures as FHIR R4 resources for the export (issue 15). Pure.
 *
 * - A screening test result (DOMAIN.md §5) is an Observation (category `exam`) coded in Footing's own code system
 *   of screening tests (DOMAIN.md §9 finds no LOINC term for them), published in the bundle; each stored value
 *   (per side, eyes open or closed, the heel-raise protocol) is a component. The FPI-6 gives its total only
 *   (© A. Redmond): no item is reproduced.
 * - An outcome-measure score (DOMAIN.md §7) is an Observation (category `survey`) coded in Footing's own code system
 *   of outcome measures; the ODI also carries LOINC 97909-6, the one code DOMAIN.md §9 verifies for them.
 * - A QuestionnaireResponse only for the measures Footing may reproduce: the free ones, NPRS and PSFS (DOMAIN.md §7:
 *   "Free (generic scale)", "Free (Stratford 1995); no item text to copy"), answering Questionnaires in Footing's own
 *   words, published in the bundle. ODI (© Mapi Research Trust), NDI (© H. Vernon), FAAM (licence unconfirmed) and
 *   STarT Back (© Keele University) are copyrighted: their items are never reproduced, only the score entered from
 *   the official form, as an Observation.
 */
import { OUTCOME_MEASURES, type OutcomeMeasureId } from '../outcome-measures.js';
import { SCREENING_NAME, SCREENING_TEST_IDS, type ScreeningTestId } from '../screening-schemas.js';
import { stableUuid } from './stable-id.js';

const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const UCUM = 'http://unitsofmeasure.org';
const LOINC = 'http://loinc.org';
export const SCREENING_SYSTEM = 'https://footing.example/fhir/CodeSystem/screening-tests';
export const OUTCOME_SYSTEM = 'https://footing.example/fhir/CodeSystem/outcome-measures';
export const QUESTIONNAIRE_BASE = 'https://footing.example/fhir/Questionnaire';
const CODE_SYSTEM_VERSION = '1';

/** DOMAIN.md §9 [47e]: "Oswestry disability index score ODI" (the score only; the bands come from §7, not LOINC). */
export const ODI_SCORE_LOINC = {
  system: LOINC,
  code: '97909-6',
  display: 'Oswestry disability index score ODI',
} as const;

/** The outcome measures Footing may reproduce as a questionnaire: the free ones (DOMAIN.md §7). */
export const FREE_MEASURES = ['nprs', 'psfs'] as const satisfies readonly OutcomeMeasureId[];
export type FreeMeasure = (typeof FREE_MEASURES)[number];
export const isFreeMeasure = (id: string): id is FreeMeasure => (FREE_MEASURES as readonly string[]).includes(id);

type Json = Record<string, unknown>;
type Resource = Json & { resourceType: string; id: string };
type Reference = { reference: string } | { display: string };

export interface ScreeningInput {
  id: string;
  testId: string;
  values: Readonly<Record<string, unknown>>;
  recordedAt: string;
  recordedBy: string;
}
export interface OutcomeInput {
  id: string;
  measureId: string;
  inputs: Readonly<Record<string, unknown>>;
  score: number | null;
  recordedAt: string;
  recordedBy: string;
}

/** UCUM of each screening test's unit (screening-tests.ts `input.unit`); text values have none. */
const SCREENING_UCUM: Partial<Record<ScreeningTestId, { code: string; unit: string }>> = {
  'navicular-drop': { code: 'mm', unit: 'mm' },
  'foot-posture-index': { code: '{score}', unit: 'points' },
  'weight-bearing-lunge': { code: 'cm', unit: 'cm' },
  'single-leg-stance': { code: 's', unit: 's' },
  'heel-raise': { code: '{repetitions}', unit: 'repetitions' },
};

/** Words for the parts of a stored value's path ("eyesOpen.left" reads "Eyes open, left"); the import reads them back. */
export const PART_WORDS: Record<string, string> = {
  left: 'left',
  right: 'right',
  eyesOpen: 'eyes open',
  eyesClosed: 'eyes closed',
  protocol: 'protocol',
};
const words = (path: string[]) => {
  const s = path.map((p) => PART_WORDS[p] ?? p).join(', ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** Every stored leaf value of a result, with its path (null and absent sides are left out). */
function leaves(v: unknown, path: string[] = []): { path: string[]; value: number | string | boolean }[] {
  if (v === null || v === undefined) return [];
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return [{ path, value: v }];
  if (typeof v === 'object' && !Array.isArray(v))
    return Object.keys(v as Json)
      .sort()
      .flatMap((k) => leaves((v as Json)[k], [...path, k]));
  return [];
}

const knownTest = (id: string): id is ScreeningTestId => (SCREENING_TEST_IDS as readonly string[]).includes(id);

/** One screening result as an Observation; null for a test this version does not know (not guessed). */
export function screeningObservation(
  r: ScreeningInput,
  o: { subject: { reference: string }; performer: Reference; asInstant: (iso: string) => string },
): Resource | null {
  if (!knownTest(r.testId)) return null;
  const name = SCREENING_NAME[r.testId];
  const ucum = SCREENING_UCUM[r.testId];
  const components = leaves(r.values).map(({ path, value }) => ({
    code: { text: words(path) },
    ...(typeof value === 'number' && ucum
      ? { valueQuantity: { value, unit: ucum.unit, system: UCUM, code: ucum.code } }
      : typeof value === 'boolean'
        ? { valueBoolean: value }
        : { valueString: String(value) }),
  }));
  return {
    resourceType: 'Observation',
    id: stableUuid('screening', r.id),
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'exam', display: 'Exam' }] }],
    code: { coding: [{ system: SCREENING_SYSTEM, code: r.testId, display: name }], text: name },
    subject: o.subject,
    effectiveDateTime: o.asInstant(r.recordedAt),
    performer: [o.performer],
    ...(components.length ? { component: components } : {}),
  };
}

const measureName = (id: OutcomeMeasureId) => OUTCOME_MEASURES[id].name;
const knownMeasure = (id: string): id is OutcomeMeasureId => id in OUTCOME_MEASURES;

/** One outcome score as an Observation (the score only); null without a score or for an unknown measure. */
export function outcomeObservation(
  r: OutcomeInput,
  o: {
    subject: { reference: string };
    performer: Reference;
    asInstant: (iso: string) => string;
    questionnaireResponse: { reference: string } | null;
  },
): Resource | null {
  if (!knownMeasure(r.measureId) || r.score === null) return null;
  const info = OUTCOME_MEASURES[r.measureId];
  const percent = info.scale.unit === '%';
  const coding = [
    { system: OUTCOME_SYSTEM, code: r.measureId, display: info.name },
    ...(r.measureId === 'odi' ? [{ ...ODI_SCORE_LOINC }] : []),
  ];
  return {
    resourceType: 'Observation',
    id: stableUuid('outcome', r.id),
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
    code: { coding, text: info.name },
    subject: o.subject,
    effectiveDateTime: o.asInstant(r.recordedAt),
    performer: [o.performer],
    valueQuantity: {
      value: Math.round(r.score * 100) / 100,
      unit: percent ? '%' : info.scale.unit,
      system: UCUM,
      code: percent ? '%' : '{score}',
    },
    ...(o.questionnaireResponse ? { derivedFrom: [o.questionnaireResponse] } : {}),
    note: [
      {
        text: isFreeMeasure(r.measureId)
          ? `Licence: ${info.licence}`
          : `Score entered from the official form; its items are not reproduced. Licence: ${info.licence}`,
      },
    ],
  };
}

/** The QuestionnaireResponse of a free measure's entry (NPRS, PSFS); null for any other. */
export function questionnaireResponse(
  r: OutcomeInput,
  o: { subject: { reference: string }; author: Reference; asInstant: (iso: string) => string },
): Resource | null {
  if (!isFreeMeasure(r.measureId)) return null;
  let item: Json[];
  if (r.measureId === 'nprs') {
    const v = r.inputs.value;
    if (typeof v !== 'number') return null;
    item = [{ linkId: 'pain', text: NPRS_ITEM, answer: [{ valueInteger: v }] }];
  } else {
    const list = Array.isArray(r.inputs.activities)
      ? (r.inputs.activities as { name?: unknown; rating?: unknown }[])
      : [];
    item = list.map((a) => ({
      linkId: 'activity',
      text: PSFS_ACTIVITY,
      item: [
        { linkId: 'activity.name', text: PSFS_NAME, answer: [{ valueString: String(a.name ?? '') }] },
        {
          linkId: 'activity.rating',
          text: PSFS_RATING,
          ...(typeof a.rating === 'number' ? { answer: [{ valueInteger: a.rating }] } : {}),
        },
      ],
    }));
  }
  return {
    resourceType: 'QuestionnaireResponse',
    id: stableUuid('QuestionnaireResponse', r.id),
    questionnaire: `${QUESTIONNAIRE_BASE}/${r.measureId}`,
    status: 'completed',
    subject: o.subject,
    authored: o.asInstant(r.recordedAt),
    author: o.author,
    source: o.subject,
    item,
  };
}

// Footing's own words for the free measures (no published item text is copied).
export const NPRS_ITEM = 'Your pain, from 0 (no pain) to 10 (the worst pain you can imagine)';
const PSFS_ACTIVITY = 'An activity you find hard because of your problem';
const PSFS_NAME = 'The activity, in your own words';
const PSFS_RATING = 'How well you can do it now, from 0 (unable) to 10 (as well as before the problem)';

/** The Questionnaire of a free measure, in Footing's words, published in a bundle that holds an answer to it. */
export function questionnaire(id: FreeMeasure): Resource {
  const base = {
    resourceType: 'Questionnaire',
    id,
    url: `${QUESTIONNAIRE_BASE}/${id}`,
    version: CODE_SYSTEM_VERSION,
    name: id === 'nprs' ? 'FootingNPRS' : 'FootingPSFS',
    title: measureName(id),
    status: 'active',
    publisher: 'Footing',
    subjectType: ['Patient'],
    description: `${measureName(id)} as Footing asks it, in its own words. ${OUTCOME_MEASURES[id].licence}`,
    code: [{ system: OUTCOME_SYSTEM, code: id, display: measureName(id) }],
  };
  if (id === 'nprs') return { ...base, item: [{ linkId: 'pain', text: NPRS_ITEM, type: 'integer', required: true }] };
  return {
    ...base,
    item: [
      {
        linkId: 'activity',
        text: PSFS_ACTIVITY,
        type: 'group',
        repeats: true,
        item: [
          { linkId: 'activity.name', text: PSFS_NAME, type: 'string', required: true },
          { linkId: 'activity.rating', text: PSFS_RATING, type: 'integer' },
        ],
      },
    ],
  };
}

const codeSystem = (o: {
  id: string;
  url: string;
  name: string;
  title: string;
  description: string;
  concept: { code: string; display: string }[];
}): Resource => ({
  resourceType: 'CodeSystem',
  id: o.id,
  url: o.url,
  version: CODE_SYSTEM_VERSION,
  name: o.name,
  title: o.title,
  status: 'active',
  experimental: false,
  publisher: 'Footing',
  description: o.description,
  caseSensitive: true,
  content: 'complete',
  count: o.concept.length,
  concept: o.concept,
});

/** Footing's code system of screening tests (DOMAIN.md §5), published in a bundle that holds a result. */
export const screeningCodeSystem = (): Resource =>
  codeSystem({
    id: 'screening-tests',
    url: SCREENING_SYSTEM,
    name: 'FootingScreeningTests',
    title: 'Footing screening tests',
    description:
      'The screening tests of the feet and the chain that Footing records (foot posture, balance, heel raises and the like). No LOINC term was found for them.',
    concept: SCREENING_TEST_IDS.map((id) => ({ code: id, display: SCREENING_NAME[id] })),
  });

/** Footing's code system of outcome measures (DOMAIN.md §7), published in a bundle that holds a score. */
export const outcomeCodeSystem = (): Resource =>
  codeSystem({
    id: 'outcome-measures',
    url: OUTCOME_SYSTEM,
    name: 'FootingOutcomeMeasures',
    title: 'Footing outcome measures',
    description:
      'The outcome measures whose scores Footing records (pain, function and disability questionnaires). Copyrighted instruments are named here only; their items are not reproduced.',
    concept: (Object.keys(OUTCOME_MEASURES) as OutcomeMeasureId[]).map((id) => ({
      code: id,
      display: measureName(id),
    })),
  });

/**
 * Scoring of the outcome measures of DOMAIN.md §7, each with its missing-item rule. Licences decide what is stored:
 * for ODI (© Mapi), NDI (© Vernon), FAAM (licence unconfirmed) and STarT Back (© Keele) Footing stores only the
 * numbers entered from the official form (section/item scores or totals), never the item text.
 *
 * Every scorer returns `{ score, band?, problems }`: a score of null with problems that name the field and, for an
 * item, its index (0-based in `field` and `index`; "section 4" style 1-based in the message for people).
 */
import { NPRS_MAX, NPRS_MIN } from './clinical-constants.js';
import { validationEnglish, validationText, type ValidationText } from './validation-words.js';

const FORM_EXPECTED = validationText('outcome.form-expected');
import {
  FAAM_ADL_ITEMS,
  FAAM_ITEM_MAX,
  FAAM_SPORTS_ITEMS,
  NDI_ITEM_MAX,
  NDI_ITEMS,
  NDI_MAX_MISSING_ITEMS,
  NDI_MILD_MAX,
  NDI_MODERATE_MAX,
  NDI_NONE_MAX,
  NDI_RAW_MAX,
  NDI_SEVERE_MAX,
  ODI_CRIPPLED_MAX,
  ODI_MAX_MISSING_SECTIONS,
  ODI_MINIMAL_MAX,
  ODI_MODERATE_MAX,
  ODI_SECTION_MAX,
  ODI_SECTIONS,
  ODI_SEVERE_MAX,
  PSFS_MAX_ACTIVITIES,
  PSFS_MIN_ACTIVITIES,
  PSFS_RATING_MAX,
  PSFS_RATING_MIN,
  START_BACK_HIGH_SUBSCALE_MIN,
  START_BACK_LOW_OVERALL_MAX,
  START_BACK_OVERALL_MAX,
  START_BACK_SUBSCALE_MAX,
} from './outcome-constants.js';

export const OUTCOME_MEASURE_IDS = ['nprs', 'psfs', 'odi', 'ndi', 'faam-adl', 'faam-sports', 'start-back'] as const;
export type OutcomeMeasureId = (typeof OUTCOME_MEASURE_IDS)[number];

export type OutcomeProblemCode =
  | 'not_a_number'
  | 'out_of_range'
  | 'not_integer'
  | 'wrong_count'
  | 'too_many_missing'
  | 'too_few_answered'
  | 'inconsistent'
  | 'not_a_form';

/** Why a form cannot be scored, and where: `field` is e.g. `sections[3]`, `items`, `psychosocial`. */
export interface OutcomeProblem {
  code: OutcomeProblemCode;
  field: string;
  /** 0-based item index, when the problem is about one item. */
  index?: number;
  message: string;
  /** The message's figures and what it is about, for writing it in another language (src/core/i18n/outcome-problem-texts.ts). */
  params?: OutcomeProblemParams;
  /** A form's shape refused: the message's id (validation-words.ts). */
  text?: ValidationText;
}

/** What a problem's value is (the English `what` of its message). */
export type OutcomeValueName =
  | 'pain'
  | 'odi-total'
  | 'ndi-total'
  | 'faam-total'
  | 'overall'
  | 'psychosocial'
  | 'section'
  | 'item'
  | 'activity-rating';

/** A problem's figures; which are present depends on the code (and, for wrong_count, whether it is about activities). */
export interface OutcomeProblemParams {
  what?: OutcomeValueName;
  /** 1-based number of the section, item or activity. */
  n?: number;
  value?: number;
  min?: number;
  max?: number;
  count?: number;
  /** How many were given; null when none (not a list). */
  got?: number | null;
  missing?: number;
  rated?: number;
  measure?: 'odi' | 'ndi';
  overall?: number;
  psychosocial?: number;
}

export type OdiBand = 'minimal' | 'moderate' | 'severe' | 'crippled' | 'bed-bound';
export type NdiBand = 'none' | 'mild' | 'moderate' | 'severe' | 'complete';
export type StartBackGroup = 'low' | 'medium' | 'high';

export interface OutcomeScore<B extends string = never> {
  /** The score on the measure's scale, unrounded (round only to display); null when the form cannot be scored. */
  score: number | null;
  band?: B;
  /** How many items the score rests on, when items were entered. */
  answered?: number;
  problems: OutcomeProblem[];
}

/** The score of a valid form, or null with the problems. */
function result<B extends string>(
  problems: OutcomeProblem[],
  score: () => { score: number; band?: B; answered?: number },
): OutcomeScore<B> {
  if (problems.length) return { score: null, problems };
  return { ...score(), problems: [] };
}

/** Checks one number against a range; pushes a located problem and returns false when it is not valid. */
function checkNumber(
  problems: OutcomeProblem[],
  v: unknown,
  o: {
    field: string;
    index?: number;
    what: string;
    name: OutcomeValueName;
    min: number;
    max: number;
    integer: boolean;
  },
): v is number {
  const at = o.index === undefined ? {} : { index: o.index };
  const p = { what: o.name, ...(o.index === undefined ? {} : { n: o.index + 1 }), min: o.min, max: o.max };
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    problems.push({
      code: 'not_a_number',
      field: o.field,
      ...at,
      message: `${o.what} must be a number from ${o.min} to ${o.max}.`,
      params: p,
    });
    return false;
  }
  if (v < o.min || v > o.max) {
    problems.push({
      code: 'out_of_range',
      field: o.field,
      ...at,
      message: `${o.what} is ${v}; it must be from ${o.min} to ${o.max}.`,
      params: { ...p, value: v },
    });
    return false;
  }
  if (o.integer && !Number.isInteger(v)) {
    problems.push({
      code: 'not_integer',
      field: o.field,
      ...at,
      message: `${o.what} is ${v}; it must be a whole number.`,
      params: { ...p, value: v },
    });
    return false;
  }
  return true;
}

/**
 * Checks a list of item scores (null = not answered) and returns the answered ones with their sum.
 * `na` values (FAAM's "N/A") count as not answered.
 */
function checkItems(
  problems: OutcomeProblem[],
  items: unknown,
  o: { field: string; count: number; max: number; noun: 'section' | 'item'; allowNa?: boolean },
): { sum: number; answered: number } {
  if (!Array.isArray(items) || items.length !== o.count) {
    problems.push({
      code: 'wrong_count',
      field: o.field,
      message: `Expected ${o.count} ${o.noun} scores (use null for a missing one), got ${Array.isArray(items) ? items.length : 'none'}.`,
      params: { what: o.noun, count: o.count, got: Array.isArray(items) ? items.length : null },
    });
    return { sum: 0, answered: 0 };
  }
  let sum = 0;
  let answered = 0;
  items.forEach((v: unknown, i) => {
    if (v === null || v === undefined || (o.allowNa && v === 'na')) return;
    if (
      checkNumber(problems, v, {
        field: `${o.field}[${i}]`,
        index: i,
        what: `${o.noun[0]!.toUpperCase()}${o.noun.slice(1)} ${i + 1}`,
        name: o.noun,
        min: 0,
        max: o.max,
        integer: true,
      })
    ) {
      sum += v;
      answered++;
    }
  });
  return { sum, answered };
}

/** The problem for input that is not an object at all (a caller skipped validation). */
function notAForm(input: unknown): OutcomeScore<never> | null {
  if (typeof input === 'object' && input !== null) return null;
  return {
    score: null,
    problems: [{ code: 'not_a_form', field: '(root)', message: validationEnglish(FORM_EXPECTED), text: FORM_EXPECTED }],
  };
}

/** Missing (null) items of a list of the right length; 0 otherwise (the wrong length is its own problem). */
function countMissing(items: unknown, count: number): number {
  return Array.isArray(items) && items.length === count ? items.filter((v) => v === null || v === undefined).length : 0;
}

/** NPRS: a single integer 0-10 (DOMAIN.md §7 [39]). */
export function scoreNprs(value: number): OutcomeScore {
  const problems: OutcomeProblem[] = [];
  checkNumber(problems, value, {
    field: 'value',
    what: 'Pain',
    name: 'pain',
    min: NPRS_MIN,
    max: NPRS_MAX,
    integer: true,
  });
  return result(problems, () => ({ score: value }));
}

export interface PsfsInput {
  /** The person's own activities (their words) and the 0-10 rating of each; null = not rated this time. */
  activities: { name: string; rating: number | null }[];
}
/**
 * PSFS: the mean of the activity ratings (DOMAIN.md §7 [43]). Missing-item rule (Footing's, EO): unrated activities
 * are left out of the mean, and at least 3 must be rated, because the scale asks for 3-5 activities.
 */
export function scorePsfs(input: PsfsInput): OutcomeScore {
  const problems: OutcomeProblem[] = [];
  const list: unknown = input?.activities;
  if (!Array.isArray(list) || list.length < PSFS_MIN_ACTIVITIES || list.length > PSFS_MAX_ACTIVITIES) {
    problems.push({
      code: 'wrong_count',
      field: 'activities',
      message: `Name ${PSFS_MIN_ACTIVITIES} to ${PSFS_MAX_ACTIVITIES} activities, got ${Array.isArray(list) ? list.length : 'none'}.`,
      params: { min: PSFS_MIN_ACTIVITIES, max: PSFS_MAX_ACTIVITIES, got: Array.isArray(list) ? list.length : null },
    });
    return { score: null, problems };
  }
  let sum = 0;
  let rated = 0;
  list.forEach((a: unknown, i) => {
    const act = (a ?? {}) as { name?: unknown; rating?: unknown };
    if (typeof act.name !== 'string' || act.name.trim() === '') {
      problems.push({
        code: 'not_a_number',
        field: `activities[${i}].name`,
        index: i,
        message: `Activity ${i + 1} needs a name.`,
        params: { n: i + 1 },
      });
    }
    if (act.rating === null || act.rating === undefined) return;
    if (
      checkNumber(problems, act.rating, {
        field: `activities[${i}].rating`,
        index: i,
        what: `Activity ${i + 1} rating`,
        name: 'activity-rating',
        min: PSFS_RATING_MIN,
        max: PSFS_RATING_MAX,
        integer: true,
      })
    ) {
      sum += act.rating;
      rated++;
    }
  });
  if (!problems.length && rated < PSFS_MIN_ACTIVITIES) {
    problems.push({
      code: 'too_few_answered',
      field: 'activities',
      message: `At least ${PSFS_MIN_ACTIVITIES} activities must be rated; ${rated} were.`,
      params: { min: PSFS_MIN_ACTIVITIES, rated },
    });
  }
  return result(problems, () => ({ score: sum / rated, answered: rated }));
}

/** ODI band of a score (%), DOMAIN.md §7 [40]. */
export function odiBand(score: number): OdiBand {
  if (score <= ODI_MINIMAL_MAX) return 'minimal';
  if (score <= ODI_MODERATE_MAX) return 'moderate';
  if (score <= ODI_SEVERE_MAX) return 'severe';
  if (score <= ODI_CRIPPLED_MAX) return 'crippled';
  return 'bed-bound';
}
/** ODI as entered from the official form: the 10 section scores (null = missing), or the total % the form gives. */
export type OdiInput = { sections: (number | null)[] } | { totalPercent: number };
/**
 * ODI v2.1a (DOMAIN.md §7 [40]): score = sum / (5 x sections answered) x 100; invalid if more than 2 sections are
 * missing.
 */
export function scoreOdi(input: OdiInput): OutcomeScore<OdiBand> {
  const bad = notAForm(input);
  if (bad) return bad;
  const problems: OutcomeProblem[] = [];
  if ('sections' in input) {
    const { sum, answered } = checkItems(problems, input.sections, {
      field: 'sections',
      count: ODI_SECTIONS,
      max: ODI_SECTION_MAX,
      noun: 'section',
    });
    const missing = countMissing(input.sections, ODI_SECTIONS);
    if (!problems.length && missing > ODI_MAX_MISSING_SECTIONS) {
      problems.push({
        code: 'too_many_missing',
        field: 'sections',
        message: `${missing} sections are missing; the ODI cannot be scored with more than ${ODI_MAX_MISSING_SECTIONS} missing.`,
        params: { measure: 'odi', missing, max: ODI_MAX_MISSING_SECTIONS },
      });
    }
    return result(problems, () => {
      const score = (sum / (ODI_SECTION_MAX * answered)) * 100;
      return { score, band: odiBand(score), answered };
    });
  }
  checkNumber(problems, input.totalPercent, {
    field: 'totalPercent',
    what: 'ODI total',
    name: 'odi-total',
    min: 0,
    max: 100,
    integer: false,
  });
  return result(problems, () => ({ score: input.totalPercent, band: odiBand(input.totalPercent) }));
}

/** NDI band of a raw score (0-50), DOMAIN.md §7 [42]. */
export function ndiBand(raw: number): NdiBand {
  if (raw <= NDI_NONE_MAX) return 'none';
  if (raw <= NDI_MILD_MAX) return 'mild';
  if (raw <= NDI_MODERATE_MAX) return 'moderate';
  if (raw <= NDI_SEVERE_MAX) return 'severe';
  return 'complete';
}
/** NDI as entered from the official form: 10 item scores (null = missing), or the raw total 0-50. */
export type NdiInput = { items: (number | null)[] } | { rawTotal: number };
/**
 * NDI raw score 0-50 (DOMAIN.md §7 [42]). Missing items: Vernon's mean substitution, i.e. each missing item counts
 * as the mean of the answered ones (raw = sum x 10 / answered); Footing scores at most 2 missing items
 * (NDI_MAX_MISSING_ITEMS). The percentage is raw x 2.
 */
export function scoreNdi(input: NdiInput): OutcomeScore<NdiBand> {
  const bad = notAForm(input);
  if (bad) return bad;
  const problems: OutcomeProblem[] = [];
  if ('items' in input) {
    const { sum, answered } = checkItems(problems, input.items, {
      field: 'items',
      count: NDI_ITEMS,
      max: NDI_ITEM_MAX,
      noun: 'item',
    });
    const missing = countMissing(input.items, NDI_ITEMS);
    if (!problems.length && missing > NDI_MAX_MISSING_ITEMS) {
      problems.push({
        code: 'too_many_missing',
        field: 'items',
        message: `${missing} items are missing; Footing scores the NDI with at most ${NDI_MAX_MISSING_ITEMS} missing.`,
        params: { measure: 'ndi', missing, max: NDI_MAX_MISSING_ITEMS },
      });
    }
    return result(problems, () => {
      const raw = sum + (sum / answered) * (NDI_ITEMS - answered);
      return { score: raw, band: ndiBand(raw), answered };
    });
  }
  checkNumber(problems, input.rawTotal, {
    field: 'rawTotal',
    what: 'NDI total',
    name: 'ndi-total',
    min: 0,
    max: NDI_RAW_MAX,
    integer: false,
  });
  return result(problems, () => ({ score: input.rawTotal, band: ndiBand(input.rawTotal) }));
}

export type FaamSubscale = 'adl' | 'sports';
/** FAAM as entered from the form: item scores 0-4, 'na' for "N/A", null for unanswered; or the subscale % total. */
export type FaamInput = { items: (number | 'na' | null)[] } | { totalPercent: number };
/**
 * FAAM subscale % = sum / (4 x items answered) x 100, "N/A" excluded (DOMAIN.md §7 [44]). DOMAIN.md gives no limit on
 * N/A or unanswered items; Footing treats an unanswered item like N/A and needs at least one answered item.
 */
export function scoreFaam(subscale: FaamSubscale, input: FaamInput): OutcomeScore {
  const bad = notAForm(input);
  if (bad) return bad;
  const problems: OutcomeProblem[] = [];
  if ('items' in input) {
    const count = subscale === 'adl' ? FAAM_ADL_ITEMS : FAAM_SPORTS_ITEMS;
    const { sum, answered } = checkItems(problems, input.items, {
      field: 'items',
      count,
      max: FAAM_ITEM_MAX,
      noun: 'item',
      allowNa: true,
    });
    if (!problems.length && answered === 0) {
      problems.push({
        code: 'too_few_answered',
        field: 'items',
        message: 'No item was answered, so there is nothing to score.',
      });
    }
    return result(problems, () => ({ score: (sum / (FAAM_ITEM_MAX * answered)) * 100, answered }));
  }
  checkNumber(problems, input.totalPercent, {
    field: 'totalPercent',
    what: 'FAAM total',
    name: 'faam-total',
    min: 0,
    max: 100,
    integer: false,
  });
  return result(problems, () => ({ score: input.totalPercent }));
}

/** STarT Back risk group (DOMAIN.md §7 [45]): overall <=3 low; subscale >=4 high; otherwise medium. */
export function startBackGroup(overall: number, psychosocial: number): StartBackGroup {
  if (overall <= START_BACK_LOW_OVERALL_MAX) return 'low';
  if (psychosocial >= START_BACK_HIGH_SUBSCALE_MIN) return 'high';
  return 'medium';
}
/** STarT Back totals entered from Keele's form: overall 0-9 and the psychosocial subscale 0-5. */
export interface StartBackInput {
  overall: number;
  psychosocial: number;
}
/**
 * STarT Back: the score is the overall total and the band is the risk group. The subscale counts items 5-9, which
 * are part of the overall, so a subscale above the overall is a typing error (an `inconsistent` problem).
 */
export function scoreStartBack(input: StartBackInput): OutcomeScore<StartBackGroup> {
  const problems: OutcomeProblem[] = [];
  const okO = checkNumber(problems, input?.overall, {
    field: 'overall',
    what: 'Overall score',
    name: 'overall',
    min: 0,
    max: START_BACK_OVERALL_MAX,
    integer: true,
  });
  const okS = checkNumber(problems, input?.psychosocial, {
    field: 'psychosocial',
    what: 'Psychosocial subscale',
    name: 'psychosocial',
    min: 0,
    max: START_BACK_SUBSCALE_MAX,
    integer: true,
  });
  if (okO && okS && input.psychosocial > input.overall) {
    problems.push({
      code: 'inconsistent',
      field: 'psychosocial',
      message: `The psychosocial subscale (${input.psychosocial}) cannot be higher than the overall score (${input.overall}): its items are part of it.`,
      params: { psychosocial: input.psychosocial, overall: input.overall },
    });
  }
  return result(problems, () => ({ score: input.overall, band: startBackGroup(input.overall, input.psychosocial) }));
}

/**
 * The outcome measures of DOMAIN.md §7 whose scoring it gives, as a catalogue (licence, what is stored, scale,
 * missing-item rule, MCID/MDC), and `outcomeFinding`, which turns a score into a Finding for the chain explanation.
 * Scoring lives in outcome-scoring.ts and change/trends in outcome-change.ts; both are re-exported here.
 *
 * Licences decide what Footing stores. ODI (© Mapi Research Trust), NDI (© H. Vernon), STarT Back (© Keele
 * University) and FAAM (licence unconfirmed): only the numbers entered from the official form, never item text.
 * NPRS and PSFS are free and have no item text to copy.
 */
import type { EvidenceLevel } from './evidence.js';
import type { ChainSegment, Finding, FindingStatus } from './findings.js';
import type { PainSite } from './pain.js';
import { NPRS_MAX } from './clinical-constants.js';
import {
  FAAM_ADL_MDC_POINTS, FAAM_SPORTS_MDC_POINTS, NDI_RAW_MAX, ODI_MDC_POINTS, PSFS_MDC_SINGLE_ACTIVITY, PSFS_RATING_MAX,
  START_BACK_OVERALL_MAX,
} from './outcome-constants.js';
import { CHANGE_RULES, responderStatus, type ResponderMeasureId, type ResponderStatus } from './outcome-change.js';
import type { OutcomeMeasureId, OutcomeScore } from './outcome-scoring.js';

export * from './outcome-scoring.js';
export * from './outcome-change.js';
export * from './outcome-schemas.js';

export interface OutcomeMeasureInfo {
  id: OutcomeMeasureId;
  name: string;
  licence: string;
  /** What Footing stores for this measure. */
  stores: string;
  scale: { min: number; max: number; unit: string; higherIsBetter: boolean };
  missingRule: string;
  /** The change rule in words (MCID/MDC). */
  change: string;
  evidence: EvidenceLevel;
  refs: string[];
}

const ENTERED_ONLY = 'Only the numbers entered from the official form; no item text is stored or shown.';

export const OUTCOME_MEASURES: Record<OutcomeMeasureId, OutcomeMeasureInfo> = {
  nprs: {
    id: 'nprs', name: 'Numeric Pain Rating Scale (NPRS)', licence: 'Free (generic scale).',
    stores: 'One whole number 0-10 (current, best or worst over 24 h).',
    scale: { min: 0, max: NPRS_MAX, unit: 'points', higherIsBetter: false },
    missingRule: 'A single item: no score without it.',
    change: 'MCID 2 points or 30% of the starting value (LBP consensus, Ostelo 2008).',
    evidence: 'CONS', refs: ['39'],
  },
  psfs: {
    id: 'psfs', name: 'Patient-Specific Functional Scale (PSFS)', licence: 'Free (Stratford 1995); the person names their own activities.',
    stores: '3-5 activities in the person\'s own words, each rated 0 (unable) to 10 (as before the problem).',
    scale: { min: 0, max: PSFS_RATING_MAX, unit: 'points (mean)', higherIsBetter: true },
    missingRule: 'Unrated activities are left out of the mean; at least 3 must be rated (Footing, EO).',
    change: `MDC 2 points for the mean, ${PSFS_MDC_SINGLE_ACTIVITY} for one activity (no MCID given).`,
    evidence: 'COH', refs: ['43'],
  },
  odi: {
    id: 'odi', name: 'Oswestry Disability Index (ODI) v2.1a',
    licence: 'Copyright Mapi Research Trust (eProvide): free for individual clinicians and non-funded academics; fees for commercial users and IT companies. Footing does not embed it.',
    stores: `${ENTERED_ONLY} The 10 section scores (0-5, missing allowed) or the total %.`,
    scale: { min: 0, max: 100, unit: '%', higherIsBetter: false },
    missingRule: 'Score = sum / (5 x sections answered) x 100; invalid if more than 2 sections are missing (EO).',
    change: `MCID 10 points or 30% (Ostelo 2008); MDC about ${ODI_MDC_POINTS} points.`,
    evidence: 'CONS', refs: ['39', '40', '41'],
  },
  ndi: {
    id: 'ndi', name: 'Neck Disability Index (NDI)',
    licence: 'Copyright H. Vernon; commercial licensing terms not verified (contact the rights holder, possibly via Mapi eProvide). Footing does not embed it.',
    stores: `${ENTERED_ONLY} The 10 item scores (0-5, missing allowed) or the raw total 0-50.`,
    scale: { min: 0, max: NDI_RAW_MAX, unit: 'raw points (x2 = %)', higherIsBetter: false },
    missingRule: 'Vernon\'s mean substitution: each missing item counts as the mean of the answered ones; Footing scores at most 2 missing items (EO).',
    change: 'MCID about 5 raw points (Vernon); some studies give 7.5 (UNVERIFIED).',
    evidence: 'COH', refs: ['42'],
  },
  'faam-adl': {
    id: 'faam-adl', name: 'Foot and Ankle Ability Measure (FAAM), ADL subscale',
    licence: 'RehabMeasures lists it as free; no commercial or software licence terms found (confirm with Martin, Irrgang). Footing does not embed it.',
    stores: `${ENTERED_ONLY} The 21 item scores (0-4, N/A or missing allowed) or the subscale %.`,
    scale: { min: 0, max: 100, unit: '%', higherIsBetter: true },
    missingRule: 'N/A and unanswered items are excluded: % = sum / (4 x items answered) x 100; at least one item answered.',
    change: `MCID 8 points; MDC ${FAAM_ADL_MDC_POINTS}.`,
    evidence: 'COH', refs: ['44', '44a'],
  },
  'faam-sports': {
    id: 'faam-sports', name: 'Foot and Ankle Ability Measure (FAAM), Sports subscale',
    licence: 'RehabMeasures lists it as free; no commercial or software licence terms found (confirm with Martin, Irrgang). Footing does not embed it.',
    stores: `${ENTERED_ONLY} The 8 item scores (0-4, N/A or missing allowed) or the subscale %.`,
    scale: { min: 0, max: 100, unit: '%', higherIsBetter: true },
    missingRule: 'N/A and unanswered items are excluded: % = sum / (4 x items answered) x 100; at least one item answered.',
    change: `MCID 9 points; MDC ${FAAM_SPORTS_MDC_POINTS}.`,
    evidence: 'COH', refs: ['44', '44a'],
  },
  'start-back': {
    id: 'start-back', name: 'STarT Back Screening Tool',
    licence: '© Keele University: free clinical use; commercial or digital embedding needs a licence. Footing does not embed it.',
    stores: `${ENTERED_ONLY} The overall total 0-9 and the psychosocial subscale 0-5.`,
    scale: { min: 0, max: START_BACK_OVERALL_MAX, unit: 'points', higherIsBetter: false },
    missingRule: 'Totals only; both are needed.',
    change: 'A stratification tool, not an outcome measure: no MCID.',
    evidence: 'COH', refs: ['45'],
  },
};

/** Where a measure sits in the chain; NPRS and PSFS follow the pain site, defaulting to the spine. */
export function outcomeSegment(measure: OutcomeMeasureId, painSite?: PainSite): ChainSegment {
  switch (measure) {
    case 'odi': case 'start-back': return 'spine';
    case 'ndi': return 'neck';
    case 'faam-adl': case 'faam-sports': return 'foot';
    case 'nprs': case 'psfs':
      return painSite === 'neck' ? 'neck' : painSite === 'foot' ? 'foot' : 'spine';
  }
}

export interface OutcomeFindingInput {
  measure: OutcomeMeasureId;
  /** The scorer's result (outcome-scoring.ts). */
  result: OutcomeScore<string>;
  recordedAt: string;
  recordedBy: string;
  /** For NPRS and PSFS: where the pain is. */
  painSite?: PainSite;
  /** An earlier score on the same measure, to say whether the change is meaningful. */
  baseline?: number;
}

/** A score as people read it: one decimal at most. */
function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Band -> status, and the plain words for the band (official labels stay in `value`, for clinicians). */
const BAND_STATUS: Record<string, { status: FindingStatus; words: string }> = {
  'odi:minimal': { status: 'typical', words: 'the lowest band ("minimal")' },
  'odi:moderate': { status: 'notable', words: 'the "moderate" band' },
  'odi:severe': { status: 'notable', words: 'the "severe" band' },
  'odi:crippled': { status: 'notable', words: 'the second-highest band' },
  'odi:bed-bound': { status: 'notable', words: 'the highest band' },
  'ndi:none': { status: 'typical', words: 'the lowest band ("none")' },
  'ndi:mild': { status: 'notable', words: 'the "mild" band' },
  'ndi:moderate': { status: 'notable', words: 'the "moderate" band' },
  'ndi:severe': { status: 'notable', words: 'the "severe" band' },
  'ndi:complete': { status: 'notable', words: 'the highest band' },
  'start-back:low': { status: 'typical', words: 'the "low risk" group' },
  'start-back:medium': { status: 'borderline', words: 'the "medium risk" group' },
  'start-back:high': { status: 'notable', words: 'the "high risk" group' },
};

const CHANGE_WORDS: Record<ResponderStatus, string> = {
  improved: 'That is a real improvement.',
  'no-meaningful-change': 'That change is too small to count as a real change yet.',
  worse: 'That is a real change for the worse. Worth showing your clinician.',
};
const CHANGE_STATUS: Record<ResponderStatus, FindingStatus> = { improved: 'typical', 'no-meaningful-change': 'borderline', worse: 'notable' };

function describe(measure: OutcomeMeasureId, score: number, painSite?: PainSite): { value: string; said: string } {
  switch (measure) {
    case 'nprs': return { value: `${fmt(score)}/10`, said: `Your ${painSite ?? 'back'} pain is ${fmt(score)} out of 10.` };
    case 'psfs': return { value: `${fmt(score)}/10 (mean)`, said: `Your activities score an average of ${fmt(score)} out of 10, where 10 means as well as before.` };
    case 'odi': return { value: `${fmt(score)}%`, said: `Your back questionnaire (ODI) score is ${fmt(score)} out of 100.` };
    case 'ndi': return { value: `${fmt(score)}/50 raw (${fmt(score * 2)}%)`, said: `Your neck questionnaire (NDI) score is ${fmt(score)} out of 50.` };
    case 'faam-adl': return { value: `${fmt(score)}%`, said: `Your foot and ankle score for daily life (FAAM) is ${fmt(score)}%, where 100% means no trouble.` };
    case 'faam-sports': return { value: `${fmt(score)}%`, said: `Your foot and ankle score for sport (FAAM) is ${fmt(score)}%, where 100% means no trouble.` };
    case 'start-back': return { value: `${fmt(score)}/9`, said: `Your back screening questionnaire (STarT Back) scored ${fmt(score)} out of 9.` };
  }
}

/**
 * A finding for the chain from a scored outcome measure. Status: from the band where the measure has bands (ODI,
 * NDI, STarT Back); otherwise from the change since `baseline` (improved typical, no meaningful change borderline,
 * worse notable); with neither, not interpretable (these scales have no reference band in DOMAIN.md §7).
 * A form that could not be scored gives a not-interpretable finding that says so. Never throws.
 */
export function outcomeFinding(input: OutcomeFindingInput): Finding {
  const { measure, result } = input;
  const info = OUTCOME_MEASURES[measure];
  const common = {
    source: measure, segment: outcomeSegment(measure, input.painSite), side: 'none' as const, label: info.name,
    evidence: info.evidence, refs: info.refs, recordedAt: input.recordedAt, recordedBy: input.recordedBy,
  };
  const reference = `${info.missingRule} ${info.change}`;
  if (result.score === null) {
    return { ...common, value: 'not scored', reference, status: 'not-interpretable',
      plain: `This form could not be scored: ${result.problems.map((p) => p.message).join(' ')}` };
  }
  const { value, said } = describe(measure, result.score, input.painSite);
  const bandInfo = result.band ? BAND_STATUS[`${measure}:${result.band}`] : undefined;
  const change = measure !== 'start-back' && input.baseline !== undefined && Number.isFinite(input.baseline)
    ? responderStatus(measure as ResponderMeasureId, input.baseline, result.score) : undefined;
  const changeText = change ? ` Before, it was ${fmt(input.baseline!)}. ${CHANGE_WORDS[change]}` : '';
  const bandValue = result.band ? ` (${result.band})` : '';
  if (bandInfo) {
    const advice = measure === 'start-back' && result.band !== 'low'
      ? ' This helps choose the kind of care that fits you. Worth talking over with your clinician.'
      : bandInfo.status === 'notable' && change !== 'worse' ? ' Worth showing your clinician.' : '';
    return { ...common, value: `${value}${bandValue}`, reference: `${bandReference(measure)} ${info.change}`, status: bandInfo.status,
      plain: `${said} That is in ${bandInfo.words}.${changeText}${advice}` };
  }
  if (change) {
    const rule = CHANGE_RULES[measure as ResponderMeasureId];
    return { ...common, value, reference, status: CHANGE_STATUS[change],
      plain: `${said}${changeText}`, refs: [...new Set([...info.refs, ...rule.refs])] };
  }
  return { ...common, value, reference: `${reference} No reference band: read it as a change over time.`, status: 'not-interpretable',
    plain: `${said} This score means most when compared with your next ones.` };
}

function bandReference(measure: OutcomeMeasureId): string {
  if (measure === 'odi') return 'Bands 0-20 minimal, 21-40 moderate, 41-60 severe, 61-80 crippled, 81-100 bed-bound or exaggerating.';
  if (measure === 'ndi') return 'Vernon bands (raw): 0-4 none, 5-14 mild, 15-24 moderate, 25-34 severe, >34 complete.';
  return 'Overall <=3 low risk; overall >=4 and psychosocial <=3 medium; psychosocial >=4 high.';
}

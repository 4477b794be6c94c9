/**
 * The outcome measures of DOMAIN.md §7 whose scoring it gives, as a catalogue (licence, what is stored, scale,
 * missing-item rule, MCID/MDC). `outcomeFinding` (outcome-finding.ts) turns a score into a Finding for the chain.
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
  FAAM_ADL_MDC_POINTS,
  FAAM_SPORTS_MDC_POINTS,
  NDI_RAW_MAX,
  ODI_MDC_POINTS,
  PSFS_MDC_SINGLE_ACTIVITY,
  PSFS_RATING_MAX,
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
    id: 'nprs',
    name: 'Numeric Pain Rating Scale (NPRS)',
    licence: 'Free (generic scale).',
    stores: 'One whole number 0-10 (current, best or worst over 24 h).',
    scale: { min: 0, max: NPRS_MAX, unit: 'points', higherIsBetter: false },
    missingRule: 'A single item: no score without it.',
    change: 'MCID 2 points or 30% of the starting value (LBP consensus, Ostelo 2008).',
    evidence: 'CONS',
    refs: ['39'],
  },
  psfs: {
    id: 'psfs',
    name: 'Patient-Specific Functional Scale (PSFS)',
    licence: 'Free (Stratford 1995); the person names their own activities.',
    stores: "3-5 activities in the person's own words, each rated 0 (unable) to 10 (as before the problem).",
    scale: { min: 0, max: PSFS_RATING_MAX, unit: 'points (mean)', higherIsBetter: true },
    missingRule: 'Unrated activities are left out of the mean; at least 3 must be rated (Footing, EO).',
    change: `MDC 2 points for the mean, ${PSFS_MDC_SINGLE_ACTIVITY} for one activity (no MCID given).`,
    evidence: 'COH',
    refs: ['43'],
  },
  odi: {
    id: 'odi',
    name: 'Oswestry Disability Index (ODI) v2.1a',
    licence:
      'Copyright Mapi Research Trust (eProvide): free for individual clinicians and non-funded academics; fees for commercial users and IT companies. Footing does not embed it.',
    stores: `${ENTERED_ONLY} The 10 section scores (0-5, missing allowed) or the total %.`,
    scale: { min: 0, max: 100, unit: '%', higherIsBetter: false },
    missingRule: 'Score = sum / (5 x sections answered) x 100; invalid if more than 2 sections are missing (EO).',
    change: `MCID 10 points or 30% (Ostelo 2008); MDC about ${ODI_MDC_POINTS} points.`,
    evidence: 'CONS',
    refs: ['39', '40', '41'],
  },
  ndi: {
    id: 'ndi',
    name: 'Neck Disability Index (NDI)',
    licence:
      'Copyright H. Vernon; commercial licensing terms not verified (contact the rights holder, possibly via Mapi eProvide). Footing does not embed it.',
    stores: `${ENTERED_ONLY} The 10 item scores (0-5, missing allowed) or the raw total 0-50.`,
    scale: { min: 0, max: NDI_RAW_MAX, unit: 'raw points (x2 = %)', higherIsBetter: false },
    missingRule:
      "Vernon's mean substitution: each missing item counts as the mean of the answered ones; Footing scores at most 2 missing items (EO).",
    change: 'MCID about 5 raw points (Vernon); some studies give 7.5 (UNVERIFIED).',
    evidence: 'COH',
    refs: ['42'],
  },
  'faam-adl': {
    id: 'faam-adl',
    name: 'Foot and Ankle Ability Measure (FAAM), ADL subscale',
    licence:
      'RehabMeasures lists it as free; no commercial or software licence terms found (confirm with Martin, Irrgang). Footing does not embed it.',
    stores: `${ENTERED_ONLY} The 21 item scores (0-4, N/A or missing allowed) or the subscale %.`,
    scale: { min: 0, max: 100, unit: '%', higherIsBetter: true },
    missingRule:
      'N/A and unanswered items are excluded: % = sum / (4 x items answered) x 100; at least one item answered.',
    change: `MCID 8 points; MDC ${FAAM_ADL_MDC_POINTS}.`,
    evidence: 'COH',
    refs: ['44', '44a'],
  },
  'faam-sports': {
    id: 'faam-sports',
    name: 'Foot and Ankle Ability Measure (FAAM), Sports subscale',
    licence:
      'RehabMeasures lists it as free; no commercial or software licence terms found (confirm with Martin, Irrgang). Footing does not embed it.',
    stores: `${ENTERED_ONLY} The 8 item scores (0-4, N/A or missing allowed) or the subscale %.`,
    scale: { min: 0, max: 100, unit: '%', higherIsBetter: true },
    missingRule:
      'N/A and unanswered items are excluded: % = sum / (4 x items answered) x 100; at least one item answered.',
    change: `MCID 9 points; MDC ${FAAM_SPORTS_MDC_POINTS}.`,
    evidence: 'COH',
    refs: ['44', '44a'],
  },
  'start-back': {
    id: 'start-back',
    name: 'STarT Back Screening Tool',
    licence:
      '© Keele University: free clinical use; commercial or digital embedding needs a licence. Footing does not embed it.',
    stores: `${ENTERED_ONLY} The overall total 0-9 and the psychosocial subscale 0-5.`,
    scale: { min: 0, max: START_BACK_OVERALL_MAX, unit: 'points', higherIsBetter: false },
    missingRule: 'Totals only; both are needed.',
    change: 'A stratification tool, not an outcome measure: no MCID.',
    evidence: 'COH',
    refs: ['45'],
  },
};

/** Where a measure sits in the chain; NPRS and PSFS follow the pain site, defaulting to the spine. */
export function outcomeSegment(measure: OutcomeMeasureId, painSite?: PainSite): ChainSegment {
  switch (measure) {
    case 'odi':
    case 'start-back':
      return 'spine';
    case 'ndi':
      return 'neck';
    case 'faam-adl':
    case 'faam-sports':
      return 'foot';
    case 'nprs':
    case 'psfs':
      return painSite === 'neck' ? 'neck' : painSite === 'foot' ? 'foot' : 'spine';
  }
}

/**
 * A finding: one measured fact about a person, compared with its reference, with the strength of that comparison.
 * Screening tests, outcome measures, gait metrics and walking data all become findings, and the chain explanation
 * (src/core/chain.ts) reads only findings, so every source speaks the same language.
 */
import type { EvidenceLevel } from './evidence.js';

/** The links of the kinetic chain, from the ground up. */
export const CHAIN_SEGMENTS = ['foot', 'ankle', 'knee', 'hip', 'pelvis', 'sacrum', 'spine', 'neck'] as const;
export type ChainSegment = (typeof CHAIN_SEGMENTS)[number];

export type FindingSide = 'left' | 'right' | 'both' | 'none';

/**
 * - typical: within the reference range;
 * - notable: outside it, in the direction the literature describes (e.g. navicular drop > 10 mm);
 * - borderline: at the edge, or a side-to-side difference within measurement error;
 * - not-interpretable: measured, but no validated reference exists (said so, not guessed).
 */
export type FindingStatus = 'typical' | 'notable' | 'borderline' | 'not-interpretable';

/** A finding's status in English words: the chain's findings line and `footing explain`'s whole-body findings say
 * it this way (the Spanish is STATUS_WORDS_ES in i18n/chain-texts.ts). */
export const FINDING_STATUS_WORDS: Record<FindingStatus, string> = {
  typical: 'within the usual range',
  notable: 'outside the usual range',
  borderline: 'at the edge of the usual range',
  'not-interpretable': 'no validated reference to compare with',
};

export interface Finding {
  /** Where it came from: a screening test id, an outcome measure id, 'gait:<metric>', 'walking:<metric>', 'pain-map'. */
  source: string;
  segment: ChainSegment;
  side: FindingSide;
  /** Short label, e.g. "Navicular drop". */
  label: string;
  /** The measured value as text with its unit, e.g. "12 mm". */
  value: string;
  /** The reference it was compared with, as text, e.g. "6-9 mm typical; >10 mm commonly read as excessive pronation". */
  reference: string;
  status: FindingStatus;
  /** Plain-language sentence for the person (reading age ~12). */
  plain: string;
  /** How strong the reference or threshold is. */
  evidence: EvidenceLevel;
  /** DOMAIN.md reference numbers. */
  refs: string[];
  /** ISO date-time when it was measured and who recorded it (person, clinician id, or 'device'). */
  recordedAt: string;
  recordedBy: string;
  /** Which recording it was measured on, when a finding combines several (e.g. "side-view video walk.mp4"). */
  measuredFrom?: string;
}

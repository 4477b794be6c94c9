/**
 * The words of an outcome finding (outcome-finding.ts) in English, the source, and their type: OUTCOME_FINDING_ES
 * (i18n/outcome-finding-texts.ts) has the same, so a sentence missing there fails tsc.
 */
import type { PainSite } from './pain.js';
import type { ResponderStatus } from './outcome-change.js';
import { OUTCOME_MEASURES } from './outcome-measures.js';
import type { OutcomeMeasureId, OutcomeProblem } from './outcome-scoring.js';

/** The measures with bands, and each band's key "<measure>:<band>". */
export type BandedMeasure = 'odi' | 'ndi' | 'start-back';

/** Every word of an outcome finding in one language. */
export interface OutcomeFindingWords {
  /** A score as people read it: one decimal at most, the language's decimal mark. */
  num: (n: number) => string;
  notScoredValue: string;
  /** The sentence for a form that could not be scored, from the scorer's problems. */
  notScored: (problems: readonly OutcomeProblem[]) => string;
  /** The value with its scale, and the sentence that says it, for a score already formatted. */
  describe: (measure: OutcomeMeasureId, score: number, painSite?: PainSite) => { value: string; said: string };
  /** The official band label as `value` shows it, from the band's key "<measure>:<band>". */
  bandName: (key: string) => string;
  /** Each band in everyday words, keyed "<measure>:<band>". */
  bandWords: Record<string, string>;
  inBand: (said: string, words: string) => string;
  before: (baseline: string) => string;
  change: Record<ResponderStatus, string>;
  startBackAdvice: string;
  worthShowing: string;
  /** The measure's missing-answer rule and change rule (the catalogue's). */
  rules: (measure: OutcomeMeasureId) => { missingRule: string; change: string };
  bandReference: Record<BandedMeasure, string>;
  noBandReference: string;
  noBand: string;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

export const OUTCOME_FINDING_EN: OutcomeFindingWords = {
  num: fmt,
  notScoredValue: 'not scored',
  notScored: (problems) => `This form could not be scored: ${problems.map((p) => p.message).join(' ')}`,
  describe: (measure, score, painSite) => {
    switch (measure) {
      case 'nprs':
        return { value: `${fmt(score)}/10`, said: `Your ${painSite ?? 'back'} pain is ${fmt(score)} out of 10.` };
      case 'psfs':
        return {
          value: `${fmt(score)}/10 (mean)`,
          said: `Your activities score an average of ${fmt(score)} out of 10, where 10 means as well as before.`,
        };
      case 'odi':
        return { value: `${fmt(score)}%`, said: `Your back questionnaire (ODI) score is ${fmt(score)} out of 100.` };
      case 'ndi':
        return {
          value: `${fmt(score)}/50 raw (${fmt(score * 2)}%)`,
          said: `Your neck questionnaire (NDI) score is ${fmt(score)} out of 50.`,
        };
      case 'faam-adl':
        return {
          value: `${fmt(score)}%`,
          said: `Your foot and ankle score for daily life (FAAM) is ${fmt(score)}%, where 100% means no trouble.`,
        };
      case 'faam-sports':
        return {
          value: `${fmt(score)}%`,
          said: `Your foot and ankle score for sport (FAAM) is ${fmt(score)}%, where 100% means no trouble.`,
        };
      case 'start-back':
        return {
          value: `${fmt(score)}/9`,
          said: `Your back screening questionnaire (STarT Back) scored ${fmt(score)} out of 9.`,
        };
    }
  },
  bandName: (key) => key.slice(key.indexOf(':') + 1),
  bandWords: {
    'odi:minimal': 'the lowest band ("minimal")',
    'odi:moderate': 'the "moderate" band',
    'odi:severe': 'the "severe" band',
    'odi:crippled': 'the second-highest band',
    'odi:bed-bound': 'the highest band',
    'ndi:none': 'the lowest band ("none")',
    'ndi:mild': 'the "mild" band',
    'ndi:moderate': 'the "moderate" band',
    'ndi:severe': 'the "severe" band',
    'ndi:complete': 'the highest band',
    'start-back:low': 'the "low risk" group',
    'start-back:medium': 'the "medium risk" group',
    'start-back:high': 'the "high risk" group',
  },
  inBand: (said, words) => `${said} That is in ${words}.`,
  before: (baseline) => `Before, it was ${baseline}.`,
  change: {
    improved: 'That is a real improvement.',
    'no-meaningful-change': 'That change is too small to count as a real change yet.',
    worse: 'That is a real change for the worse. Worth showing your clinician.',
  },
  startBackAdvice: 'This helps choose the kind of care that fits you. Worth talking over with your clinician.',
  worthShowing: 'Worth showing your clinician.',
  rules: (measure) => OUTCOME_MEASURES[measure],
  bandReference: {
    odi: 'Bands 0-20 minimal, 21-40 moderate, 41-60 severe, 61-80 crippled, 81-100 bed-bound or exaggerating.',
    ndi: 'Vernon bands (raw): 0-4 none, 5-14 mild, 15-24 moderate, 25-34 severe, >34 complete.',
    'start-back': 'Overall <=3 low risk; overall >=4 and psychosocial <=3 medium; psychosocial >=4 high.',
  },
  noBandReference: 'No reference band: read it as a change over time.',
  noBand: 'This score means most when compared with your next ones.',
};

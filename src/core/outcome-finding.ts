/**
 * `outcomeFinding`: a scored outcome measure (DOMAIN.md §7) as a Finding for the chain explanation, written in the
 * person's language. The words are OUTCOME_FINDING_EN (outcome-finding-words.ts, English, the source) or OUTCOME_FINDING_ES
 * (i18n/outcome-finding-texts.ts), of one type, so a missing sentence fails tsc. Official band labels stay in `value`
 * for clinicians; the plain sentence names the band in everyday words.
 */
import type { Finding, FindingStatus } from './findings.js';
import type { Language } from './language.js';
import type { PainSite } from './pain.js';
import { CHANGE_RULES, responderStatus, type ResponderMeasureId, type ResponderStatus } from './outcome-change.js';
import { OUTCOME_MEASURES, outcomeSegment } from './outcome-measures.js';
import type { OutcomeMeasureId, OutcomeScore } from './outcome-scoring.js';
import { OUTCOME_FINDING_ES } from './i18n/outcome-finding-texts.js';
import { OUTCOME_FINDING_EN, type BandedMeasure, type OutcomeFindingWords } from './outcome-finding-words.js';

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

const WORDS: Record<Language, OutcomeFindingWords> = { en: OUTCOME_FINDING_EN, es: OUTCOME_FINDING_ES };

/** Band -> status (the bands' words are the language's). */
const BAND_STATUS: Record<string, FindingStatus> = {
  'odi:minimal': 'typical',
  'odi:moderate': 'notable',
  'odi:severe': 'notable',
  'odi:crippled': 'notable',
  'odi:bed-bound': 'notable',
  'ndi:none': 'typical',
  'ndi:mild': 'notable',
  'ndi:moderate': 'notable',
  'ndi:severe': 'notable',
  'ndi:complete': 'notable',
  'start-back:low': 'typical',
  'start-back:medium': 'borderline',
  'start-back:high': 'notable',
};
const CHANGE_STATUS: Record<ResponderStatus, FindingStatus> = {
  improved: 'typical',
  'no-meaningful-change': 'borderline',
  worse: 'notable',
};

/**
 * A finding for the chain from a scored outcome measure, in `language`. Status: from the band where the measure has
 * bands (ODI, NDI, STarT Back); otherwise from the change since `baseline` (improved typical, no meaningful change
 * borderline, worse notable); with neither, not interpretable (these scales have no reference band in DOMAIN.md §7).
 * A form that could not be scored gives a not-interpretable finding that says so. Never throws.
 */
export function outcomeFinding(input: OutcomeFindingInput, language: Language = 'en'): Finding {
  const { measure, result } = input;
  const w = WORDS[language];
  const info = OUTCOME_MEASURES[measure];
  const common = {
    source: measure,
    segment: outcomeSegment(measure, input.painSite),
    side: 'none' as const,
    label: info.name,
    evidence: info.evidence,
    refs: info.refs,
    recordedAt: input.recordedAt,
    recordedBy: input.recordedBy,
  };
  const rules = w.rules(measure);
  const reference = `${rules.missingRule} ${rules.change}`;
  if (result.score === null) {
    return {
      ...common,
      value: w.notScoredValue,
      reference,
      status: 'not-interpretable',
      plain: w.notScored(result.problems),
    };
  }
  const { value, said } = w.describe(measure, result.score, input.painSite);
  const bandKey = result.band ? `${measure}:${result.band}` : undefined;
  const bandStatus = bandKey ? BAND_STATUS[bandKey] : undefined;
  const change =
    measure !== 'start-back' && input.baseline !== undefined && Number.isFinite(input.baseline)
      ? responderStatus(measure as ResponderMeasureId, input.baseline, result.score)
      : undefined;
  const changeText = change ? ` ${w.before(w.num(input.baseline!))} ${w.change[change]}` : '';
  const bandValue = result.band ? ` (${w.bandName(`${measure}:${result.band}`)})` : '';
  if (bandStatus && bandKey) {
    const advice =
      measure === 'start-back' && result.band !== 'low'
        ? ` ${w.startBackAdvice}`
        : bandStatus === 'notable' && change !== 'worse'
          ? ` ${w.worthShowing}`
          : '';
    return {
      ...common,
      value: `${value}${bandValue}`,
      reference: `${w.bandReference[measure as BandedMeasure]} ${rules.change}`,
      status: bandStatus,
      plain: `${w.inBand(said, w.bandWords[bandKey]!)}${changeText}${advice}`,
    };
  }
  if (change) {
    const rule = CHANGE_RULES[measure as ResponderMeasureId];
    return {
      ...common,
      value,
      reference,
      status: CHANGE_STATUS[change],
      plain: `${said}${changeText}`,
      refs: [...new Set([...info.refs, ...rule.refs])],
    };
  }
  return {
    ...common,
    value,
    reference: `${reference} ${w.noBandReference}`,
    status: 'not-interpretable',
    plain: `${said} ${w.noBand}`,
  };
}

/**
 * What the end of a guided session says about the pain the person reports right after it, by the pain-monitoring
 * model (DOMAIN.md §8 [46]: pain during activity 0-2 "safe", 2-5 "acceptable", above 5 "high risk"; pain after
 * activity must settle by the next morning; a rule broken means reduce the load). Evidence: one RCT in Achilles
 * tendon pain (Silbernagel 2007), applied to feet and back by expert opinion (EO), so the claim is labelled EO.
 *
 * Above the limit the screen does not say "Well done": it says what to do now, and the same check-in feeds the
 * program review at once (program-engine.ts, rule activity-pain-high). Pure: the session screen calls it with the
 * scores the person gave, online or not.
 */
import { PAIN_DURING_ACCEPTABLE_MAX, PAIN_DURING_SAFE_MAX } from './clinical-constants.js';
import type { Claim } from './evidence.js';
import type { Language } from './language.js';
import { SESSION_FEEDBACK_ES, type SessionFeedbackWords } from './i18n/session-feedback-texts.js';

export type AfterPainBand = 'safe' | 'acceptable' | 'high';

export interface PainScores {
  back?: number | null | undefined;
  neck?: number | null | undefined;
  foot?: number | null | undefined;
}

/** The highest of the scores given, or null when none was given. */
export function highestScore(p: PainScores | undefined): number | null {
  const given = [p?.back, p?.neck, p?.foot].filter((v): v is number => typeof v === 'number');
  return given.length ? Math.max(...given) : null;
}

/** The pain-monitoring model's band of a 0-10 score (DOMAIN.md §8 [46]). */
export function afterPainBand(score: number): AfterPainBand {
  if (score <= PAIN_DURING_SAFE_MAX) return 'safe';
  return score <= PAIN_DURING_ACCEPTABLE_MAX ? 'acceptable' : 'high';
}

export interface SessionFeedback {
  /** Null when no pain score was given after the session. */
  band: AfterPainBand | null;
  highest: number | null;
  title: string;
  /** What to do, in order. */
  lines: string[];
  /** Above the limit: the signs that mean answering the safety questions again now (DOMAIN.md §6 red flags). */
  safetyPrompt: string | null;
  /** The rule behind the words, with its evidence level. */
  claim: Claim;
}

/** The words of the end of a session in English (Spanish: src/core/i18n/session-feedback-texts.ts, same interface). */
export const SESSION_FEEDBACK_EN: SessionFeedbackWords = {
  saved: 'Well done. Your session is saved.',
  savedOnly: 'Your session is saved.',
  safe: (h) => `Pain of ${h} out of 10 after exercise is in the safe range.`,
  acceptable: (h) => `Pain of ${h} out of 10 is acceptable during exercise, as long as it settles by tomorrow morning.`,
  acceptableNotSettled:
    'If it has not settled by then, that is a sign to reduce the load: say so in tomorrow’s check-in, and the plan takes it into account.',
  highTitle: (limit) => `Your pain is above ${limit} out of 10: ease off`,
  high: (h, limit) =>
    `Pain of ${h} out of 10 is above the limit of ${limit} for exercise. Stop these exercises for today and do not push through the pain.`,
  highPlan: 'Your plan takes this pain into account from today.',
  highSettle:
    'Pain after exercise should settle by the next morning. If it has not, or it keeps getting worse, contact your clinician.',
  safetyPrompt:
    'If something new worries you, such as numbness, weakness, or a change in bladder or bowel control, answer the safety questions again now.',
  claim: (limit) =>
    `Pain up to ${limit} out of 10 during exercise is acceptable if it settles by the next morning; above ${limit}, reduce the load. This rule was tested in people with Achilles tendon pain; using it for feet and back is expert advice.`,
};

const WORDS: Record<Language, SessionFeedbackWords> = { en: SESSION_FEEDBACK_EN, es: SESSION_FEEDBACK_ES };

/** The pain-monitoring rule as a claim (DOMAIN.md §8 [46]; RCT in tendon pain, EO for feet and back), in `language`. */
export function painMonitoringClaim(language: Language = 'en'): Claim {
  return { text: WORDS[language].claim(PAIN_DURING_ACCEPTABLE_MAX), evidence: 'EO', refs: ['46'] };
}

/** The pain-monitoring rule as a claim, in English. */
export const PAIN_MONITORING_CLAIM: Claim = painMonitoringClaim('en');

/** The words for the end of a session, from the pain reported right after it, in `language` (English by default). */
export function sessionFeedback(painAfter: PainScores | undefined, language: Language = 'en'): SessionFeedback {
  const w = WORDS[language];
  const highest = highestScore(painAfter);
  const claim = language === 'en' ? PAIN_MONITORING_CLAIM : painMonitoringClaim(language);
  if (highest === null) return { band: null, highest, title: w.saved, lines: [], safetyPrompt: null, claim };
  const band = afterPainBand(highest);
  if (band === 'safe') {
    return { band, highest, title: w.saved, lines: [w.safe(highest)], safetyPrompt: null, claim };
  }
  if (band === 'acceptable') {
    return {
      band,
      highest,
      title: w.savedOnly,
      lines: [w.acceptable(highest), w.acceptableNotSettled],
      safetyPrompt: null,
      claim,
    };
  }
  return {
    band,
    highest,
    title: w.highTitle(PAIN_DURING_ACCEPTABLE_MAX),
    lines: [w.high(highest, PAIN_DURING_ACCEPTABLE_MAX), w.highPlan, w.highSettle],
    safetyPrompt: w.safetyPrompt,
    claim,
  };
}

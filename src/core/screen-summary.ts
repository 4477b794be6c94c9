/**
 * A safety check as a person, and the clinician they show it to, reads it: each question in Footing's own words
 * with its answer, grouped as the check asks them; for each "yes" to a red flag what it may point to (in plain
 * words, never a diagnosis) and how soon to get care; and the overall advice of the most urgent answer (DOMAIN.md §6,
 * through red-flags.ts). It is what the printable "My answers" page shows after a stop.
 */
import { URGENCIES, type ScreenAnswers, type ScreenArea, type ScreenResult, type Urgency } from './red-flags.js';
import { precautionQuestionsIn, redFlagQuestionsIn } from './i18n/red-flag-texts.js';
import type { Language } from './language.js';

/** The kind of care and how soon, as a heading. */
export const URGENCY_TITLE: Record<Urgency, string> = {
  emergency: 'Get emergency care now',
  same_day: 'See a doctor today',
  within_1_working_day: 'Get seen within one working day',
  urgent: 'See a doctor within a few days',
  routine: 'Book a routine appointment',
};

/** The groups of the safety check, in the order it asks them. */
export const SCREEN_AREA_TITLES: Record<ScreenArea, string> = {
  back: 'Your back',
  neck: 'Your neck and head',
  foot: 'Your feet and legs',
  general: 'Your health in general',
};

export interface AnsweredQuestion {
  question: string;
  answer: 'Yes' | 'No' | 'Not answered';
  /** For a "yes" to a red flag: what it may point to, and the kind of care and how soon for that answer alone (its
   * urgency: a screen says it in its own words, safety:urgency.*). */
  flag: { concern: string; urgency: Urgency } | null;
  /** For a "yes" to a precaution: what it changes in the plan. */
  changes: string | null;
}

export interface ScreenSummary {
  /** A red flag was answered "yes": the program stopped. */
  stopped: boolean;
  /** The most urgent answer's care: kind and how soon (heading) and the advice, or null when nothing was flagged. */
  care: { urgency: Urgency; advice: string } | null;
  /** What the "yes" answers may point to, each once, the most urgent first. */
  concerns: string[];
  /** Each group by its key: a screen titles it in its own words (safety:areas.*). */
  groups: { area: ScreenArea | 'precautions'; questions: AnsweredQuestion[] }[];
}

const answerOf = (answers: ScreenAnswers, id: string): AnsweredQuestion['answer'] =>
  answers[id] === true ? 'Yes' : answers[id] === false ? 'No' : 'Not answered';

/**
 * Summarises one stored safety check (its answers and the result it gave), its questions, concerns and what a
 * precaution changes in `language` (red-flag-texts.ts; the result's advice is given as stored).
 */
export function summariseScreen(
  answers: ScreenAnswers,
  result: ScreenResult,
  language: Language = 'en',
): ScreenSummary {
  const redFlags = redFlagQuestionsIn(language);
  const areas = Object.keys(SCREEN_AREA_TITLES) as ScreenArea[];
  const groups: ScreenSummary['groups'] = areas
    .map((area) => ({
      area,
      questions: redFlags
        .filter((q) => q.area === area)
        .map((q): AnsweredQuestion => {
          const answer = answerOf(answers, q.id);
          return {
            question: q.text,
            answer,
            flag: answer === 'Yes' ? { concern: q.concern, urgency: q.urgency } : null,
            changes: null,
          };
        }),
    }))
    .filter((g) => g.questions.length > 0);
  groups.push({
    area: 'precautions',
    questions: precautionQuestionsIn(language).map((q) => {
      const answer = answerOf(answers, q.id);
      return { question: q.text, answer, flag: null, changes: answer === 'Yes' ? q.reason : null };
    }),
  });
  const flagged = redFlags.filter((q) => answers[q.id] === true);
  const order = (u: Urgency) => URGENCIES.indexOf(u);
  const concerns = [...new Set([...flagged].sort((a, b) => order(a.urgency) - order(b.urgency)).map((q) => q.concern))];
  // The advice as it was given when the check was stopped (stored with the result).
  const care = result.status === 'stop' ? { urgency: result.urgency, advice: result.advice } : null;
  return { stopped: result.status === 'stop', care, concerns, groups };
}

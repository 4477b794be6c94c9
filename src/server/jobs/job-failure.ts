/**
 * A failed job's message in the reader's language (issue 14 item 8). The import job and the gait video job keep
 * their failure in the job's stored result as English with its message id beside it (`text`, refusal-words.ts):
 * an import's `{ error, text }`, a video's `{ error: { code, message, location, text } }`. GET /api/jobs/:id (and
 * the clinician's patient job route) answer with the message said from its id in the request's language; the
 * rest of the job is returned as stored. A job that failed before the ids has the English only: a Spanish reader
 * gets it quoted and said to be English («...» (en inglés)), as old import records are shown, never passed off as
 * Spanish. A failed import that holds its report has no message here (the page writes its problems by their ids).
 */
import type { Language } from '../../core/language.js';
import { REFUSAL_EN, refusalEnglish, type RefusalText } from '../../core/refusal-words.js';
import { refusalTextIn } from '../../core/i18n/refusal-texts.js';
import { quotedEnglishEs } from '../../core/i18n/validation-texts.js';

/** An import job's failure as it is stored: the English the page has always read, with its id. */
export const importFailure = (text: RefusalText): { error: string; text: RefusalText } => ({
  error: refusalEnglish(text),
  text,
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The stored English, or the message's id said in `language` (the English quoted for Spanish when it has no id). */
function said(english: string, text: unknown, language: Language): string {
  if (language === 'en') return english;
  // An id this version does not know (a result stored by another version) is read as English without an id.
  return isObject(text) && typeof text.id === 'string' && Object.hasOwn(REFUSAL_EN, text.id)
    ? refusalTextIn(text as unknown as RefusalText, language)
    : quotedEnglishEs(english);
}

/** The job with its failure's message in `language` (a job that did not fail is returned as it is). */
export function jobIn<J extends { result: unknown }>(job: J, language: Language): J {
  const r = job.result;
  if (!isObject(r)) return job;
  // An import: `{ error: string, text? }`.
  if (typeof r.error === 'string') return { ...job, result: { ...r, error: said(r.error, r.text, language) } };
  // A gait video: `{ error: { code, message, location, text? } }`.
  if (isObject(r.error) && typeof r.error.message === 'string')
    return {
      ...job,
      result: { ...r, error: { ...r.error, message: said(r.error.message, r.error.text, language) } },
    };
  return job;
}

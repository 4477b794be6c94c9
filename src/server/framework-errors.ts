/**
 * Footing's answer to an error raised by Fastify or one of its plugins before a handler ran (a body too large, too
 * many requests, a body that is not JSON), in the same shape and with the same kind of code as a handler's own
 * Problem: a code that says what went wrong (never 'bad_request' for a 429) and a message a person can act on, by
 * message id (refusal-words.ts) for the reader's language; Fastify's own words, when it has some, go in as a
 * parameter (the Spanish quotes them as its).
 */
import { refusal, refusalEnglish, type RefusalText } from '../core/refusal-words.js';
import { sizeText } from './routes/receive-upload.js';

export interface ErrorBody {
  code: string;
  /** The English (what the API has always answered with). */
  message: string;
  text: RefusalText;
}

const body = (code: string, text: RefusalText): ErrorBody => ({ code, message: refusalEnglish(text), text });

export function frameworkError(
  e: { statusCode: number; code?: string; message?: string },
  bodyLimit: number | undefined,
): ErrorBody {
  const words = e.message ?? null;
  switch (e.statusCode) {
    case 413:
      return body('too_large', refusal('request.too-large', { size: bodyLimit ? sizeText(bodyLimit) : null }));
    case 429:
      return body('rate_limited', refusal('request.rate-limited'));
    case 415:
      return body('unsupported_media_type', refusal('request.content-type', { words }));
    case 404:
      return body('not_found', refusal('request.not-found', { words }));
    default:
      if (
        e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
        e.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH'
      )
        return body('invalid_body', refusal('request.not-read', { words }));
      return body('bad_request', refusal('request.refused', { words }));
  }
}

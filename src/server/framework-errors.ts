/**
 * Footing's answer to an error raised by Fastify or one of its plugins before a handler ran (a body too large, too
 * many requests, a body that is not JSON), in the same shape and with the same kind of code as a handler's own
 * Problem: a code that says what went wrong (never 'bad_request' for a 429) and a message a person can act on.
 */
import { sizeText } from './routes/receive-upload.js';

export interface ErrorBody { code: string; message: string }

export function frameworkError(e: { statusCode: number; code?: string; message?: string }, bodyLimit: number | undefined): ErrorBody {
  switch (e.statusCode) {
    case 413: return { code: 'too_large', message: `The request is larger than ${bodyLimit ? sizeText(bodyLimit) : 'this route takes'}${bodyLimit ? ', the most this route takes' : ''}. Nothing was stored.` };
    case 429: return { code: 'rate_limited', message: 'Too many requests from this address. Wait a minute, then try again.' };
    case 415: return { code: 'unsupported_media_type', message: e.message ?? 'This content type is not accepted here.' };
    case 404: return { code: 'not_found', message: e.message ?? 'Not found' };
    default:
      if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return { code: 'invalid_body', message: e.message ?? 'The body could not be read.' };
      return { code: 'bad_request', message: e.message ?? 'Bad request' };
  }
}

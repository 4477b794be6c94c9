import type { FastifyRequest } from 'fastify';
import { languageFromAcceptLanguage, type Language } from '../core/language.js';

/** The language a request asks for: the web app sends the one on screen as Accept-Language (web/src/api/client.ts). */
export function requestLanguage(req: FastifyRequest): Language {
  const header = req.headers['accept-language'];
  return languageFromAcceptLanguage(Array.isArray(header) ? header.join(',') : header);
}

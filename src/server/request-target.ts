/**
 * The request target of an HTTP/1.1 request line, brought to one form before routing. RFC 9112 §3.2 allows four
 * forms: origin-form (`/api/today?x=1`), absolute-form (`http://host/api/today`, which a server must accept),
 * authority-form (CONNECT only) and asterisk-form (`*`, server-wide OPTIONS). Footing serves origin-form paths, so
 * an http(s) absolute-form target becomes its path and query, and every other form is refused with a 400 that says
 * which form was sent. Access does not depend on this (the guard enforces each route's declared level whatever the
 * URL looked like); it keeps the router, the guard, the logs and the not-found answers seeing one kind of URL.
 */

import { refusal, refusalEnglish, type RefusalText } from '../core/refusal-words.js';

export type RequestTarget = { ok: true; path: string } | { ok: false; text: RefusalText; message: string };

/** A refused target: its refusal by id and its English. */
const refused = (text: RefusalText): RequestTarget => ({ ok: false, text, message: refusalEnglish(text) });

// scheme "://" authority, then the path-abempty and query (RFC 3986 §3). The authority may not hold '/', '?' or '#'.
const ABSOLUTE_FORM = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/s;

export function originForm(target: string): RequestTarget {
  if (target.startsWith('/')) {
    // '//host/path' is a network-path reference to URL parsers (another host), not a path: never a Footing URL.
    if (target.startsWith('//')) return refused(refusal('target.double-slash'));
    return { ok: true, path: target };
  }
  const abs = ABSOLUTE_FORM.exec(target);
  if (abs) {
    const scheme = abs[1]!.toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') return refused(refusal('target.scheme', { scheme }));
    if (abs[2] === '') return refused(refusal('target.no-host'));
    const rest = abs[3]!;
    const path = rest === '' || rest.startsWith('?') ? `/${rest}` : rest;
    // The path of an absolute URL must itself be a plain path ('http://h//x' would route like '//x').
    if (path.startsWith('//')) return refused(refusal('target.path-double-slash'));
    return { ok: true, path };
  }
  if (target === '*') return refused(refusal('target.asterisk'));
  return refused(refusal('target.not-a-path'));
}

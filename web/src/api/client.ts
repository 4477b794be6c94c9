/**
 * The one way the web app talks to the API: JSON in and out, errors turned into ApiError values carrying the
 * server's message and the field it names, so a form can show the message next to that field.
 */

import { ApiError, apiErrorFrom } from './api-error.js';
import { currentLanguage, i18n } from '../i18n/i18n.js';

// Re-exported: screens take the error type from the client they call.
export { ApiError, apiErrorFrom };

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from sign-in or /api/auth/mode); null when signed out or in local mode. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header every change must carry in accounts mode (empty in local mode), for code that calls fetch or XHR itself. */
export function csrfHeaders(method = 'POST'): Record<string, string> {
  return csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) ? { 'x-csrf-token': csrfToken } : {};
}

/** Calls the API. `body` strings are sent as-is (raw backup text); anything else as JSON. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      // The language on screen, so texts the server writes (the plan, its reasons, errors) come in the same one.
      headers: {
        'accept-language': currentLanguage(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...csrfHeaders(method),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'offline', i18n.t('app:api.offline'));
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: handled below */
  }
  if (!res.ok) {
    const error = apiErrorFrom(res.status, data);
    // The session ended (expired, or signed out on another device): the app goes back to its sign-in screen.
    if (res.status === 401 && error.code === 'not_signed_in') window.dispatchEvent(new Event('footing:signed-out'));
    throw error;
  }
  return data as T;
}

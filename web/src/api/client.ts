/**
 * The one way the web app talks to the API: JSON in and out, errors turned into ApiError values carrying the
 * server's message and the field it names, so a form can show the message next to that field.
 */

/** An error the API returned (`{error: {code, message, field}}`), or a network failure (code 'offline'). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly field?: string) {
    super(message);
  }
  /** True when the request never reached the server (offline, server down): worth retrying later. */
  get retryable(): boolean {
    return this.code === 'offline' || this.status >= 500;
  }
}

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
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...csrfHeaders(method) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'offline', 'Could not reach Footing. Check your connection and try again.');
  }
  const text = await res.text();
  let data: unknown = null;
  try { data = text ? JSON.parse(text) : null; } catch { /* not JSON: handled below */ }
  if (!res.ok) {
    const error = apiErrorFrom(res.status, data);
    // The session ended (expired, or signed out on another device): the app goes back to its sign-in screen.
    if (res.status === 401 && error.code === 'not_signed_in') window.dispatchEvent(new Event('footing:signed-out'));
    throw error;
  }
  return data as T;
}

/** The ApiError for a refused request, from its parsed (or raw text) body `{error: {code, message, field}}`. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  let data = body;
  if (typeof body === 'string') { try { data = JSON.parse(body); } catch { data = null; } }
  const err = (data as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
  return new ApiError(status, err?.code ?? 'http_' + status, err?.message ?? `The server answered ${status}.`, err?.field);
}

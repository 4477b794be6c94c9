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

/** Calls the API. `body` strings are sent as-is (raw backup text); anything else as JSON. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'offline', 'Could not reach Footing. Check your connection and try again.');
  }
  const text = await res.text();
  let data: unknown = null;
  try { data = text ? JSON.parse(text) : null; } catch { /* not JSON: handled below */ }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'http_' + res.status, err?.message ?? `The server answered ${res.status}.`, err?.field);
  }
  return data as T;
}

/**
 * The one way the UI talks to the API: same-origin cookies, the session's CSRF token on every
 * state-changing request, and errors that carry the API's plain-language message.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The request field at fault (validation), for the UI to name in the user's language. */
    readonly field?: string,
  ) {
    super(message);
  }
}

let csrfToken = '';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function getCsrfToken(): string {
  return csrfToken;
}

export async function api<T>(url: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.method && init.method !== 'GET' && init.method !== 'HEAD') headers.set('x-csrf-token', csrfToken);
  if (typeof init.body === 'string') headers.set('content-type', 'application/json');
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as {
    error?: string;
    message?: string;
    field?: string;
  } | null;
  if (!res.ok)
    throw new ApiError(res.status, body?.error ?? 'bad_response', body?.message ?? '', body?.field);
  if (body === null) throw new ApiError(res.status, 'bad_response', '');
  return body as T;
}

export const json = (value: unknown): string => JSON.stringify(value);

/** Builds `path?query` from defined, non-empty values only. */
export function withQuery(
  path: string,
  query: Record<string, string | number | boolean | undefined | null>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

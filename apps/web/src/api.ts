/** The few API calls this first screen needs; errors carry the API's plain-language message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';

export async function api<T>(url: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.method && init.method !== 'GET') headers.set('x-csrf-token', csrfToken);
  if (typeof init.body === 'string') headers.set('content-type', 'application/json');
  const res = await fetch(url, { ...init, headers, credentials: 'same-origin' });
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => ({ error: 'bad_response', message: 'The server sent an unreadable answer.' }));
  if (!res.ok) throw new ApiError(res.status, body.error, body.message);
  return body as T;
}

export interface Me {
  user: { id: string; email: string; name: string; role: string };
  csrfToken: string;
}

export async function login(email: string, password: string): Promise<Me> {
  const me = await api<Me>('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });
  csrfToken = me.csrfToken;
  return me;
}

export async function whoAmI(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/auth/me');
    csrfToken = me.csrfToken;
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export interface CallSummary {
  id: string;
  status: string;
  failureReason: string | null;
  clientName: string | null;
  callType: string;
  recordedAt: string;
  durationSec: number;
  flags: Record<string, boolean> | null;
}

export const listCalls = (page: number) =>
  api<{ items: CallSummary[]; total: number; page: number; pageSize: number }>(`/api/calls?page=${page}&pageSize=50`);

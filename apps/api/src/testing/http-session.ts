/**
 * Signs in over real HTTP, as a browser would, for tests that start the whole server (the embedded
 * server test, the end-to-end harness, bench:web): the session cookie and the CSRF token to send back.
 */
export async function signInOverHttp(
  base: string,
  credentials: { email: string; password: string },
): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: credentials.email, password: credentials.password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, vi } from 'vitest';
import { AppProviders } from '../app/providers.tsx';
import { routes } from '../app/router.tsx';

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
}

export function renderWithProviders(ui: ReactNode) {
  return render(<AppProviders client={testQueryClient()}>{ui}</AppProviders>);
}

/** The whole app at `url`, on a memory router the test can inspect and navigate. */
export function renderRoute(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const view = render(
    <AppProviders client={testQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, ...view };
}

type Handler = (url: URL, init: RequestInit | undefined) => unknown;

/** A fetch that answers JSON by path; unknown paths answer 404 like the API. Records every URL asked. */
export function fakeApi(handlers: Record<string, Handler>) {
  const calls: URL[] = [];
  const fetchMock = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    calls.push(url);
    const handler = handlers[`${init?.method ?? 'GET'} ${url.pathname}`];
    if (!handler)
      return new Response(JSON.stringify({ error: 'not_found', message: 'No route' }), { status: 404 });
    return new Response(JSON.stringify(handler(url, init)), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetchMock as typeof fetch, calls };
}

/**
 * For each test of the file, `fetch` is the fake that `make` builds (afresh: no state leaks from one
 * test to the next); after each, the DOM is unmounted and `fetch` restored. The fake is `.current`.
 */
export function fakeFetchPerTest<F extends { fetch: typeof fetch }>(make: () => F): { current: F } {
  const fake = {} as { current: F };
  beforeEach(() => {
    fake.current = make();
    vi.stubGlobal('fetch', fake.current.fetch);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
  return fake;
}

/** The answer of `GET /api/auth/me` for `user` (in no team unless given). */
export function sessionAnswer(
  user: { id: string; email: string; name: string; role: string; teamId?: string | null; teamIds?: string[] },
  csrfToken: string,
) {
  return { user: { teamId: null, teamIds: [], ...user }, csrfToken };
}

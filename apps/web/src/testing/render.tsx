import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
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

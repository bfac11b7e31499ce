// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, fakeFetchPerTest, renderRoute, sessionAnswer } from '../../../testing/render.tsx';
import type { CallSummary } from '@onterms/contracts';

const call: CallSummary = {
  id: '11111111-1111-4111-8111-111111111111',
  status: 'analyzed',
  failureReason: null,
  failureCode: null,
  repId: '22222222-2222-4222-8222-222222222222',
  repName: 'Павел',
  teamId: null,
  teamName: 'Север',
  clientId: '33333333-3333-4333-8333-333333333333',
  clientName: 'СтройМаркет',
  callType: 'credit_negotiation',
  recordedAt: '2026-05-01T10:00:00Z',
  durationSec: 843,
  language: 'ru',
  flags: { payment_terms: true, deadline: true, sanctions: false, deflection: true },
  corrected: [],
  flagAt: {},
  reviewedAt: null,
  hits: [],
};

const api = fakeFetchPerTest(() =>
  fakeApi({
    'GET /api/auth/me': () => sessionAnswer({ id: 'm', email: 'm@x', name: 'Ирина', role: 'manager' }, 't'),
    'GET /api/calls': (url) => ({
      items: [
        {
          ...call,
          hits: url.searchParams.get('q')
            ? [
                {
                  segment: 3,
                  start: 72,
                  text: 'работаем с отсрочкой платежа',
                  snippet: '',
                  ranges: [[11, 20]],
                },
              ]
            : [],
        },
      ],
      total: 1,
      page: 1,
      pageSize: 50,
    }),
  }),
);

const listRequests = () => api.current.calls.filter((u) => u.pathname === '/api/calls');
const lastListRequest = () => listRequests().at(-1)!.searchParams;

describe('the calls list filters live in the URL', () => {
  it('reads filters from a shared link and sends them to the API', async () => {
    renderRoute('/calls?missing=sanctions&deflection=true&sort=-duration');
    // The first render of the file pays for loading the app's modules: more than the default second on a busy machine.
    await screen.findByRole('link', { name: /Открыть звонок: СтройМаркет/ }, { timeout: 5000 });
    expect(lastListRequest().get('missing')).toBe('sanctions');
    expect(lastListRequest().get('deflection')).toBe('true');
    expect(lastListRequest().get('sort')).toBe('-duration');
    expect((screen.getByRole('combobox', { name: /Не озвучено/ }) as HTMLSelectElement).value).toBe(
      'sanctions',
    );
    // the row: ✓/✗ chips and the deflection marker, in words for screen readers
    expect(screen.getByText(/: не озвучено/)).toBeTruthy();
    expect(screen.getByText('есть уклонение')).toBeTruthy();
  });

  it('a change goes into the URL (page reset), the back button undoes it', async () => {
    const { router } = renderRoute('/calls?page=3');
    await screen.findByRole('link', { name: /Открыть звонок/ });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Статус/ }), 'failed');
    await waitFor(() => expect(router.state.location.search).toBe('?status=failed'));
    await waitFor(() => expect(lastListRequest().get('status')).toBe('failed'));
    expect(lastListRequest().get('page')).toBe('1');

    await userEvent.click(screen.getByRole('button', { name: /Показать только: Павел/ }));
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('repId')).toBe(call.repId),
    );
    expect(screen.getByRole('button', { name: 'Убрать фильтр «Павел»' })).toBeTruthy();

    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).toBe('?status=failed'));
    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).toBe('?page=3'));
    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: /Статус/ }) as HTMLSelectElement).value).toBe(''),
    );
  });

  it('searches the transcripts and highlights the hits', async () => {
    const { router } = renderRoute('/calls');
    await screen.findByRole('link', { name: /Открыть звонок/ });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Поиск по расшифровкам' }), 'отсрочка');
    await userEvent.click(screen.getByRole('button', { name: 'Найти' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('отсрочка'));
    expect(lastListRequest().get('q')).toBe('отсрочка');
    const mark = await screen.findByText('отсрочкой');
    expect(mark.tagName).toBe('MARK');
    expect(screen.getByRole('link', { name: '01:12' }).getAttribute('href')).toBe(`/calls/${call.id}?t=72`);
  });

  it('says what happened when the list cannot load', async () => {
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) =>
      String(input).startsWith('/api/auth/me')
        ? new Response(JSON.stringify(sessionAnswer({ id: 'm', name: 'И', email: 'e', role: 'rep' }, 't')))
        : new Response(JSON.stringify({ error: 'internal', message: 'x' }), { status: 500 }),
    );
    renderRoute('/calls');
    expect((await screen.findByRole('alert')).textContent).toMatch(/Сбой на сервере/);
    expect(screen.getByRole('button', { name: 'Повторить' })).toBeTruthy();
  });
});

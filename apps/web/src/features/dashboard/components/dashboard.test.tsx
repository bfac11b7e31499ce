// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, fakeFetchPerTest, renderRoute, sessionAnswer } from '../../../testing/render.tsx';
import type { TermStats, TermStatsReport } from '../api/get-term-stats.ts';

// uPlot draws on a canvas, which jsdom lacks; the chart has its own browser test (e2e).
vi.mock('./trend-chart.tsx', () => ({ TrendChart: () => <div data-testid="chart" /> }));

const stats = (analysed: number, pt: number, all: number): TermStats => ({
  counts: {
    analysed,
    failed: 1,
    pending: 0,
    payment_terms: pt,
    deadline: pt,
    sanctions: all,
    allThree: all,
    deflection: 0,
  },
  shares: {
    payment_terms: analysed ? pt / analysed : null,
    deadline: analysed ? pt / analysed : null,
    sanctions: analysed ? all / analysed : null,
    allThree: analysed ? all / analysed : null,
    deflection: analysed ? 0 : null,
  },
});
const PERIOD = { from: '2026-08-30T21:00:00.000Z', to: '2026-11-22T21:00:00.000Z' };
const report = (groupBy: TermStatsReport['groupBy']): TermStatsReport => ({
  timeZone: 'Europe/Moscow',
  groupBy,
  period: PERIOD,
  previousPeriod: { from: '2026-06-07T21:00:00.000Z', to: PERIOD.from },
  total: { current: stats(4, 3, 1), previous: stats(2, 1, 1) },
  weeks: [PERIOD],
  groups:
    groupBy === 'rep'
      ? [
          {
            key: 'r1',
            label: 'Павел Смирнов',
            ...PERIOD,
            current: stats(4, 3, 1),
            previous: stats(2, 1, 1),
            trend: [stats(4, 3, 1)],
          },
        ]
      : [
          {
            key: PERIOD.from,
            label: '2026-08-31',
            ...PERIOD,
            current: stats(4, 3, 1),
            previous: null,
            trend: [],
          },
        ],
  trust: [
    { flag: 'payment_terms', corrections: 4, agreements: 3, rate: 0.75 },
    { flag: 'deadline', corrections: 0, agreements: 0, rate: null },
    { flag: 'sanctions', corrections: 0, agreements: 0, rate: null },
    { flag: 'deflection', corrections: 0, agreements: 0, rate: null },
  ],
});

const api = fakeFetchPerTest(() =>
  fakeApi({
    'GET /api/auth/me': () =>
      sessionAnswer({ id: 'd1', email: 'd@x.ru', name: 'Ольга', role: 'director' }, 'c'),
    'GET /api/stats/terms': (url) => report(url.searchParams.get('groupBy') as TermStatsReport['groupBy']),
    'GET /api/stats/basis': () => ({
      policy: { version: 3, recheck: null },
      checklists: [
        { callType: 'credit_negotiation', version: 2, recheck: { done: 40, total: 160 } },
        { callType: 'collection', version: null, recheck: null },
      ],
    }),
  }),
);

describe('the dashboard route', () => {
  it('shows KPIs with the change, a rep row whose numbers open exactly their calls, and the trust table', async () => {
    renderRoute('/dashboard?from=2026-08-31&to=2026-11-22');
    // The lazy dashboard chunk loads first: more than the default second on a busy machine.
    const kpis = await screen.findByRole('region', { name: 'Главные показатели' }, { timeout: 5000 });
    expect(within(kpis).getByRole('link', { name: /^Условия оплаты: 75/ }).textContent).toMatch(
      /\+25 п\.п\./,
    );
    const cell = await screen.findByTitle('Павел Смирнов: Условия оплаты — 3 / 4');
    const href = new URL(cell.getAttribute('href')!, 'http://x');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      repId: 'r1',
      ...PERIOD,
      status: 'analyzed',
      stated: 'payment_terms',
    });
    expect(screen.getAllByText('исправлений пока нет')).toHaveLength(3);
    // which rules the numbers come from, and how far the re-check running now is
    const basis = await screen.findByText(/^Цифры по правилам:/);
    expect(basis.textContent).toBe(
      'Цифры по правилам: переговоры об условиях — чек-лист компании, версия 2 — идёт перепроверка старых звонков: ' +
        'готово 25% (40 из 160); взыскание — стандартный чек-лист; нарушения — кредитная политика, версия 3 ' +
        'Пока она идёт, цифры смешивают старые и новые проверки и обновятся сами.',
    );
    const asked = api.current.calls
      .filter((u) => u.pathname === '/api/stats/terms')
      .map((u) => u.searchParams.get('groupBy'));
    expect(asked.sort()).toEqual(['rep', 'week']);
    expect(api.current.calls.find((u) => u.pathname === '/api/stats/terms')!.searchParams.get('from')).toBe(
      '2026-08-31',
    );
  });
});

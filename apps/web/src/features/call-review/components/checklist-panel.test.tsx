// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render.tsx';
import type { CallDetail } from '../../../types/api.ts';
import { ChecklistPanel } from './checklist-panel.tsx';

afterEach(cleanup);

const moment = (segment: number, start: number, quote: string, values?: object) => ({
  segment,
  start,
  end: start + 3,
  speaker: 'rep',
  quote,
  ...(values && { values }),
});

const call: Pick<CallDetail, 'status' | 'flags' | 'deflection' | 'corrections'> = {
  status: 'analyzed',
  flags: {
    payment_terms: {
      stated: true,
      moments: [moment(2, 72, 'отгружаем с отсрочкой тридцать дней', { deferralDays: 30 })],
    },
    deadline: {
      stated: false,
      moments: [],
      opportunities: [{ segment: 4, start: 95, quote: 'А платить когда?' }],
    },
    sanctions: {
      stated: false,
      moments: [],
      opportunities: [{ segment: 4, start: 95, quote: 'А платить когда?' }],
    },
  },
  deflection: { present: true, moments: [moment(9, 220, 'не беспокойтесь, решим')] },
  corrections: {
    sanctions: {
      stated: true,
      moments: [
        moment(5, 130, 'пени ноль одна десятая процента', { penalty: { ratePercent: 0.1, per: 'day' } }),
      ],
      reason: 'Пени названы, машина не распознала',
      by: { id: 'm1', name: 'Ирина' },
      at: '2026-05-01T10:00:00Z',
    },
  },
};

function item(name: RegExp) {
  return screen.getByText(name, { selector: 'strong' }).closest('li')!;
}

describe('the checklist panel', () => {
  it('shows a stated item with its moment and values, a missing one in words, and deflections', async () => {
    const onPlay = vi.fn();
    renderWithProviders(<ChecklistPanel call={call} onPlay={onPlay} />);
    const terms = item(/Условия оплаты/);
    expect(terms.className).toContain('stated');
    expect(within(terms).getByText('✓')).toBeTruthy();
    expect(within(terms).getByText('«отсрочка 30 дней»')).toBeTruthy();
    await userEvent.click(within(terms).getByRole('button', { name: 'Условия оплаты: слушать с 01:12' }));
    expect(onPlay).toHaveBeenCalledWith(72);

    const deadline = item(/Срок оплаты/);
    expect(deadline.className).toContain('missing');
    expect(within(deadline).getByText('✗')).toBeTruthy();
    expect(within(deadline).getByText('не озвучено')).toBeTruthy();
    // no moment of its own (only the pointer to where it should have been, below)
    expect(within(deadline).queryByRole('button', { name: /^Срок оплаты: слушать/ })).toBeNull();

    const deflection = item(/Уклонение/);
    expect(within(deflection).getByText('есть уклонение')).toBeTruthy();
    expect(within(deflection).getByRole('button', { name: 'Уклонение: слушать с 03:40' })).toBeTruthy();
  });

  it("shows a manager's correction apart from the machine's verdict: who, why, and what the machine said", () => {
    renderWithProviders(<ChecklistPanel call={call} onPlay={() => {}} />);
    const sanctions = item(/Санкции/);
    expect(sanctions.className).toContain('corrected');
    expect(within(sanctions).getByText('✓')).toBeTruthy();
    expect(within(sanctions).getByText('исправлено')).toBeTruthy();
    expect(within(sanctions).getByText(/Исправил\(а\) Ирина/).textContent).toContain(
      '«Пени названы, машина не распознала»',
    );
    expect(within(sanctions).getByText(/Машина: не озвучено/)).toBeTruthy();
    expect(within(sanctions).getByText('«пени 0,1 % в день»')).toBeTruthy();
  });

  it('says the checklist is pending while the call is analysed', () => {
    renderWithProviders(
      <ChecklistPanel call={{ status: 'processing', flags: null, deflection: null }} onPlay={() => {}} />,
    );
    expect(screen.getByText(/ещё анализируется/)).toBeTruthy();
  });

  it('points a missing item at where it should have been said, one click to the audio', async () => {
    const onPlay = vi.fn();
    renderWithProviders(<ChecklistPanel call={call} onPlay={onPlay} />);
    const deadline = item(/Срок оплаты/);
    expect(within(deadline).getByText('Где это стоило сказать:')).toBeTruthy();
    expect(within(deadline).getByText('А платить когда?')).toBeTruthy();
    await userEvent.click(
      within(deadline).getByRole('button', { name: 'Срок оплаты: здесь стоило сказать — слушать с 01:35' }),
    );
    expect(onPlay).toHaveBeenCalledWith(95);
    // a manager's correction to "stated" replaces the machine's ✗, and its pointers with it
    expect(within(item(/Санкции/)).queryByText('Где это стоило сказать:')).toBeNull();
  });
});

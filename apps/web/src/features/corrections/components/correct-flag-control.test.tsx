// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../lib/i18n.ts';
import { AppProviders } from '../../../app/providers.tsx';
import { fakeApi, fakeFetchPerTest, testQueryClient } from '../../../testing/render.tsx';
import { CorrectFlagControl } from './correct-flag-control.tsx';

initI18n('ru');

let sent: unknown[];
fakeFetchPerTest(() => {
  sent = [];
  return fakeApi({
    'PUT /api/calls/c1/flags/sanctions': (_url, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return {};
    },
  });
});

describe('correcting a flag to "stated"', () => {
  it('cannot be saved without a moment when the machine found none; the line picked in the transcript is sent 0-based', async () => {
    const onPickLine = vi.fn();
    const client = testQueryClient();
    const control = (pickedLine: { index: number; start: number; text: string } | null, picking: boolean) => (
      <AppProviders client={client}>
        <CorrectFlagControl
          callId="c1"
          flag="sanctions"
          flagLabel="Санкции"
          stated={false}
          corrected={false}
          currentSegment={() => null}
          hasMachineMoments={false}
          pickedLine={pickedLine}
          picking={picking}
          onPickLine={onPickLine}
        />
      </AppProviders>
    );
    const { rerender } = render(control(null, false));
    fireEvent.click(screen.getByRole('button', { name: /Санкции/ }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Пени названы на 0:18' } });
    const save = screen.getByRole('button', { name: 'Сохранить исправление' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toMatch(/Выбрать реплику в расшифровке/);
    expect(screen.queryByLabelText('как у машины')).toBeNull();
    expect(screen.queryByRole('spinbutton')).toBeNull(); // no line numbers to type

    fireEvent.click(screen.getByRole('button', { name: 'Выбрать реплику в расшифровке' }));
    expect(onPickLine).toHaveBeenCalledTimes(1);
    rerender(control(null, true));
    expect(screen.getByRole('button', { name: 'Щёлкните реплику в расшифровке…' })).toHaveProperty(
      'disabled',
      true,
    );

    // the page hands back the line the manager clicked: third line, at 0:18
    rerender(control({ index: 2, start: 18, text: 'При просрочке — пени 0,1% в день.' }, false));
    const picked = screen.getByRole('radio', { name: /выбранная реплика № 3, 00:18/ });
    expect((picked as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(picked);
    expect((save as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ stated: true, reason: 'Пени названы на 0:18', moments: [{ segment: 2 }] });
  });
});

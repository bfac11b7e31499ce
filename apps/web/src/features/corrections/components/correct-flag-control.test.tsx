// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../lib/i18n.ts';
import { fakeApi, renderWithProviders } from '../../../testing/render.tsx';
import { CorrectFlagControl } from './correct-flag-control.tsx';

initI18n('ru');

let api: ReturnType<typeof fakeApi>;
let sent: unknown[];
beforeEach(() => {
  sent = [];
  api = fakeApi({
    'PUT /api/calls/c1/flags/sanctions': (_url, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return {};
    },
  });
  vi.stubGlobal('fetch', api.fetch);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('correcting a flag to "stated"', () => {
  it('cannot be saved without a moment when the machine found none; a line number (from 1) becomes segment 0-based', async () => {
    renderWithProviders(
      <CorrectFlagControl
        callId="c1"
        flag="sanctions"
        flagLabel="Санкции"
        stated={false}
        corrected={false}
        currentSegment={() => null}
        hasMachineMoments={false}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: /Санкции/ }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Пени названы на 0:18' } });
    const save = screen.getByRole('button', { name: 'Сохранить исправление' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toMatch(/щёлкните реплику/);
    expect(screen.queryByLabelText('как у машины')).toBeNull();

    fireEvent.change(screen.getByRole('spinbutton'), { target: { value: '3' } });
    expect((save as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ stated: true, reason: 'Пени названы на 0:18', moments: [{ segment: 2 }] });
  });
});

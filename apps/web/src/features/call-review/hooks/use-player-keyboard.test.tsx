// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePlayerKeyboard, type PlayerKeyActions } from './use-player-keyboard.ts';

afterEach(cleanup);

function Harness({ actions }: { actions: PlayerKeyActions }) {
  usePlayerKeyboard(actions);
  return (
    <div>
      <label>
        Комментарий <textarea />
      </label>
      <button type="button">Кнопка</button>
    </div>
  );
}

function setup() {
  const actions = {
    togglePlay: vi.fn(),
    seekBy: vi.fn(),
    nextMoment: vi.fn(),
    previousMoment: vi.fn(),
    newNote: vi.fn(),
    toggleHelp: vi.fn(),
  };
  render(<Harness actions={actions} />);
  return actions;
}

describe('the player keys', () => {
  it('space, arrows, J/K, N and ? drive the player', async () => {
    const a = setup();
    await userEvent.keyboard(' ');
    expect(a.togglePlay).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{ArrowLeft}{ArrowRight}{ArrowRight}');
    expect(a.seekBy.mock.calls).toEqual([[-5], [5], [5]]);
    await userEvent.keyboard('jjk');
    expect(a.nextMoment).toHaveBeenCalledTimes(2);
    expect(a.previousMoment).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('n?');
    expect(a.newNote).toHaveBeenCalledTimes(1);
    expect(a.toggleHelp).toHaveBeenCalledTimes(1);
  });

  it('works on a Russian layout (by physical key)', async () => {
    const a = setup();
    await userEvent.keyboard('[KeyJ]');
    expect(a.nextMoment).toHaveBeenCalledTimes(1);
  });

  it('leaves typing alone and ignores shortcuts with Ctrl', async () => {
    const a = setup();
    await userEvent.click(screen.getByLabelText('Комментарий'));
    await userEvent.keyboard(' jk{ArrowLeft}');
    await userEvent.click(document.body);
    await userEvent.keyboard('{Control>}j{/Control}');
    expect(a.togglePlay).not.toHaveBeenCalled();
    expect(a.nextMoment).not.toHaveBeenCalled();
    expect(a.seekBy).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Комментарий') as HTMLTextAreaElement).value).toBe(' jk');
  });
});

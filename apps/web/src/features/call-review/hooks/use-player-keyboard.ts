import { useEffect, useRef } from 'react';

export interface PlayerKeyActions {
  togglePlay: () => void;
  seekBy: (seconds: number) => void;
  nextMoment: () => void;
  previousMoment: () => void;
  newNote?: () => void;
  toggleHelp?: () => void;
}

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(type);
  }
  return false;
}

/**
 * The call page's keys, as YouTube-style players do: Space play/pause, ←/→ 5 s, J next flagged moment,
 * K previous (J/K as in Gmail and vim: J goes down the list), N note at the current time, ? the keys.
 * Keys typed into a text field or a select are left alone; Enter still activates a focused button.
 */
export function usePlayerKeyboard(actions: PlayerKeyActions, enabled = true): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingInto(event.target)) return;
      const a = ref.current;
      // Letters by physical key (event.code), so J/K/N work on a Russian layout too.
      const key =
        event.code === 'KeyJ' ? 'j' : event.code === 'KeyK' ? 'k' : event.code === 'KeyN' ? 'n' : event.key;
      switch (key) {
        case ' ':
          a.togglePlay();
          break;
        case 'ArrowLeft':
          a.seekBy(-5);
          break;
        case 'ArrowRight':
          a.seekBy(5);
          break;
        case 'j':
          a.nextMoment();
          break;
        case 'k':
          a.previousMoment();
          break;
        case 'n':
          if (!a.newNote) return;
          a.newNote();
          break;
        case '?':
          if (!a.toggleHelp) return;
          a.toggleHelp();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}

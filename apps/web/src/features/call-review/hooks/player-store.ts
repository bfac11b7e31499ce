import { useSyncExternalStore } from 'react';

/**
 * The playing position lives outside React: the audio element reports `timeupdate` a few times a
 * second, and only components whose *derived* value changes (the current segment index, a button's
 * pressed state) re-render. The clock text is written straight into its node. No layout work per tick.
 */
export class PlayerStore {
  media: HTMLMediaElement | null = null;
  private listeners = new Set<() => void>();
  private time = 0;
  private playing = false;
  private rate = 1;
  private pendingSeek: number | null = null;

  attach(media: HTMLMediaElement): () => void {
    this.media = media;
    const onTime = () => this.set(media.currentTime, !media.paused);
    const events = [
      'timeupdate',
      'seeked',
      'play',
      'pause',
      'ended',
      'ratechange',
      'loadedmetadata',
    ] as const;
    for (const e of events) media.addEventListener(e, onTime);
    if (this.pendingSeek !== null) {
      media.currentTime = this.pendingSeek;
      this.pendingSeek = null;
    }
    media.playbackRate = this.rate;
    return () => {
      for (const e of events) media.removeEventListener(e, onTime);
      if (this.media === media) this.media = null;
    };
  }

  private set(time: number, playing: boolean): void {
    if (this.media) this.rate = this.media.playbackRate;
    if (time === this.time && playing === this.playing) return;
    this.time = time;
    this.playing = playing;
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getTime = (): number => this.time;
  isPlaying = (): boolean => this.playing;
  getRate = (): number => this.rate;

  seek(seconds: number): void {
    const duration = this.media && Number.isFinite(this.media.duration) ? this.media.duration : Infinity;
    const t = Math.max(0, Math.min(seconds, duration));
    if (this.media) this.media.currentTime = t;
    else this.pendingSeek = t;
    this.set(t, this.playing);
  }

  seekBy(delta: number): void {
    this.seek((this.media?.currentTime ?? this.time) + delta);
  }

  /** Seeks and plays (a moment's ▶ button); a browser that refuses autoplay just stays paused there. */
  playFrom(seconds: number): void {
    this.seek(seconds);
    void this.media?.play().catch(() => {});
  }

  toggle(): void {
    const media = this.media;
    if (!media) return;
    if (media.paused) void media.play().catch(() => {});
    else media.pause();
  }

  setRate(rate: number): void {
    this.rate = rate;
    if (this.media) this.media.playbackRate = rate;
    for (const l of this.listeners) l();
  }
}

/** Re-renders only when `select(time, playing)` changes. */
export function usePlayerValue<T>(
  store: PlayerStore,
  select: (time: number, playing: boolean, rate: number) => T,
): T {
  return useSyncExternalStore(store.subscribe, () =>
    select(store.getTime(), store.isPlaying(), store.getRate()),
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.js';
import { formatClock } from '../../../lib/format.ts';
import type { WaveformPeaks } from '@onterms/contracts';
import { usePlayerValue, type PlayerStore } from '../hooks/player-store.ts';

export interface WaveRegion {
  id: string;
  start: number;
  end: number;
  kind: 'moment' | 'deflection' | 'annotation';
  label: string;
}

const REGION_COLORS: Record<WaveRegion['kind'], string> = {
  moment: 'rgba(22, 163, 74, 0.28)',
  deflection: 'rgba(217, 119, 6, 0.32)',
  annotation: 'rgba(124, 58, 237, 0.25)',
};

const SPEEDS = [0.75, 1, 1.25, 1.5, 2];

interface Props {
  audioUrl: string;
  /** Server-computed peaks; null when not computed yet (the player still plays, without a waveform). */
  peaks: WaveformPeaks | null;
  durationSec: number;
  player: PlayerStore;
  regions: WaveRegion[];
  /** Dragging across the waveform selects a range (managers: a note on that range). */
  onSelectRange?: (start: number, end: number) => void;
  onCopyLink: () => void;
}

/**
 * wavesurfer.js v7 drawn from the server's peaks with the MediaElement backend: the browser streams
 * the Opus review copy through an <audio> element and never downloads or decodes it to draw.
 */
export function WaveformPlayer({
  audioUrl,
  peaks,
  durationSec,
  player,
  regions,
  onSelectRange,
  onCopyLink,
}: Props) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const audioRef = useRef<HTMLAudioElement>(null);
  const regionsRef = useRef<RegionsPlugin | null>(null);
  const clockRef = useRef<HTMLSpanElement>(null);
  const selectRef = useRef(onSelectRange);
  selectRef.current = onSelectRange;
  const [ready, setReady] = useState(false);
  const [mediaError, setMediaError] = useState(false);
  const playing = usePlayerValue(player, (_t, p) => p);
  const rate = usePlayerValue(player, (_t, _p, r) => r);

  useEffect(() => player.attach(audioRef.current!), [player]);

  // The clock is written into its node directly: no React render per timeupdate.
  useEffect(() => {
    const total = formatClock(Math.round(durationSec)); // rounded like every other duration shown
    const paint = () => {
      if (clockRef.current) clockRef.current.textContent = `${formatClock(player.getTime())} / ${total}`;
    };
    paint();
    return player.subscribe(paint);
  }, [player, durationSec]);

  useEffect(() => {
    if (!peaks || !containerRef.current || !audioRef.current) return;
    const regionsPlugin = RegionsPlugin.create();
    const ws = WaveSurfer.create({
      container: containerRef.current,
      media: audioRef.current,
      backend: 'MediaElement',
      url: audioUrl,
      peaks: peaks.peaks,
      duration: peaks.durationSec || durationSec,
      height: 72,
      waveColor: '#94a3b8',
      progressColor: '#1d4ed8',
      cursorColor: '#0f172a',
      cursorWidth: 2,
      barWidth: 2,
      barGap: 1,
      barRadius: 1,
      normalize: true,
      dragToSeek: false,
      plugins: [regionsPlugin],
    });
    regionsRef.current = regionsPlugin;
    ws.on('ready', () => setReady(true));
    regionsPlugin.on('region-clicked', (region, event) => {
      event.stopPropagation();
      player.playFrom(region.start);
    });
    let disableDrag: (() => void) | null = null;
    if (selectRef.current) {
      disableDrag = regionsPlugin.enableDragSelection({ color: 'rgba(124, 58, 237, 0.15)' }, 3);
      regionsPlugin.on('region-created', (region) => {
        if (region.id.startsWith('r-')) return; // ours, added below
        selectRef.current?.(region.start, region.end);
        region.remove();
      });
    }
    return () => {
      disableDrag?.();
      regionsRef.current = null;
      setReady(false);
      ws.destroy();
    };
  }, [peaks, audioUrl, durationSec, player]);

  useEffect(() => {
    const plugin = regionsRef.current;
    if (!plugin || !ready) return;
    plugin.clearRegions();
    for (const r of regions) {
      plugin.addRegion({
        id: `r-${r.id}`,
        start: r.start,
        end: Math.max(r.end, r.start + 0.5),
        color: REGION_COLORS[r.kind],
        drag: false,
        resize: false,
        content: r.label,
      });
    }
  }, [regions, ready]);

  return (
    <section className="player" aria-label={t('player.label')}>
      {peaks ? (
        <div
          ref={containerRef}
          className="waveform"
          role="img"
          aria-label={t('player.waveformLabel')}
          data-ready={ready ? 'true' : 'false'}
        />
      ) : (
        <p className="waveform waveform-missing" data-ready="true">
          {t('player.noPeaks')}
        </p>
      )}
      {/* With peaks, wavesurfer sets the source itself; without, the element plays the file directly. */}
      <audio
        ref={audioRef}
        preload="metadata"
        src={peaks ? undefined : audioUrl}
        onError={() => setMediaError(true)}
      />
      {mediaError ? (
        <p role="alert" className="error">
          {t('player.mediaError')}
        </p>
      ) : null}
      <div className="player-controls">
        <button
          type="button"
          onClick={() => player.toggle()}
          aria-label={playing ? t('player.pause') : t('player.play')}
          className="primary"
        >
          {playing ? '‖' : '▶'}
        </button>
        <button type="button" onClick={() => player.seekBy(-5)} aria-label={t('player.back5')}>
          ←5 {t('units.s')}
        </button>
        <button type="button" onClick={() => player.seekBy(5)} aria-label={t('player.forward5')}>
          5 {t('units.s')}→
        </button>
        <label className="inline">
          {t('player.speed')}{' '}
          <select value={rate} onChange={(e) => player.setRate(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span ref={clockRef} className="clock" aria-label={t('player.position')} role="timer" />
        <button type="button" onClick={onCopyLink}>
          {t('player.copyLink')}
        </button>
        <span className="legend" aria-hidden="true">
          <i className="sw sw-moment" /> {t('player.legendMoment')} <i className="sw sw-deflection" />{' '}
          {t('player.legendDeflection')} <i className="sw sw-annotation" /> {t('player.legendNote')}
        </span>
      </div>
    </section>
  );
}

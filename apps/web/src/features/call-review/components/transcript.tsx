import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../../../lib/format.ts';
import { segmentAt } from '../../../lib/segments.ts';
import type { Segment } from '@onterms/contracts';
import { usePlayerValue, type PlayerStore } from '../hooks/player-store.ts';

export type SegmentMark = 'moment' | 'deflection' | 'note';

interface Props {
  segments: Segment[];
  player: PlayerStore;
  /** Segment index → what happens there (a flagged moment, a deflection, a note). */
  marks: Map<number, SegmentMark[]>;
  onAddNote?: (segment: number) => void;
  /** Picking a line for a flag correction: every line offers «Pick», a click on its text picks it. */
  pick?: { flagLabel: string; onPick: (segment: number) => void; onCancel: () => void } | null;
}

/**
 * The transcript, virtualised (a 2-hour call has ~1,500 lines; only the visible ones are in the DOM).
 * The current line follows playback; any user scroll stops following until "Follow playback" is pressed.
 */
export function Transcript({ segments, player, marks, onAddNote, pick = null }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);
  const current = usePlayerValue(player, (time) => segmentAt(segments, time));
  const virtualizer = useVirtualizer({
    count: segments.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 52,
    overscan: 8,
  });

  useEffect(() => {
    if (follow && current >= 0) virtualizer.scrollToIndex(current, { align: 'center' });
  }, [current, follow, virtualizer]);

  const stopFollowing = useCallback(() => setFollow(false), []);
  const seek = useCallback((i: number) => player.playFrom(segments[i]!.start), [player, segments]);
  const banner = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (pick) banner.current?.focus();
  }, [pick]);

  if (segments.length === 0) return <p className="muted">{t('transcript.empty')}</p>;

  return (
    <section
      className={`transcript${pick ? ' picking' : ''}`}
      aria-label={t('transcript.label')}
      onKeyDown={(e) => {
        if (pick && e.key === 'Escape') {
          e.stopPropagation();
          pick.onCancel();
        }
      }}
    >
      <div className="transcript-bar">
        <h2>{t('transcript.title')}</h2>
        {follow ? (
          <span className="muted small">{t('transcript.following')}</span>
        ) : (
          <button type="button" onClick={() => setFollow(true)}>
            {t('transcript.follow')}
          </button>
        )}
      </div>
      {pick ? (
        <div className="pick-banner row">
          <p ref={banner} tabIndex={-1} role="status">
            {t('corrections.pickBanner', { flag: pick.flagLabel })}
          </p>
          <button type="button" onClick={pick.onCancel}>
            {t('corrections.pickCancel')}
          </button>
        </div>
      ) : null}
      <div
        ref={scrollRef}
        className="transcript-scroll"
        tabIndex={0}
        aria-label={t('transcript.scrollLabel')}
        onWheel={stopFollowing}
        onTouchMove={stopFollowing}
        onPointerDown={(e) => e.target === e.currentTarget && stopFollowing()}
        onKeyDown={(e) =>
          ['PageUp', 'PageDown', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key) && stopFollowing()
        }
      >
        <ol style={{ height: virtualizer.getTotalSize() }} className="transcript-list">
          {virtualizer.getVirtualItems().map((item) => (
            <Line
              key={item.key}
              index={item.index}
              start={item.start}
              segment={segments[item.index]!}
              current={item.index === current}
              marks={marks.get(item.index)}
              measure={virtualizer.measureElement}
              onSeek={seek}
              onAddNote={onAddNote}
              pickFor={pick?.flagLabel ?? null}
              onPick={pick?.onPick}
            />
          ))}
        </ol>
      </div>
    </section>
  );
}

interface LineProps {
  index: number;
  start: number;
  segment: Segment;
  current: boolean;
  marks: SegmentMark[] | undefined;
  measure: (node: Element | null) => void;
  onSeek: (index: number) => void;
  onAddNote: ((segment: number) => void) | undefined;
  /** The flag a line is being picked for, or null when not picking. */
  pickFor: string | null;
  onPick: ((segment: number) => void) | undefined;
}

const Line = memo(function Line({
  index,
  start,
  segment,
  current,
  marks,
  measure,
  onSeek,
  onAddNote,
  pickFor,
  onPick,
}: LineProps) {
  const { t } = useTranslation();
  const speaker = t(`speaker.${segment.speaker}`, { defaultValue: segment.speaker });
  return (
    <li
      ref={measure}
      data-index={index}
      className={`line${current ? ' current' : ''}${marks?.includes('deflection') ? ' deflection' : ''}${marks?.includes('moment') ? ' moment' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
      aria-current={current ? 'true' : undefined}
    >
      <button
        type="button"
        className="time link"
        onClick={() => onSeek(index)}
        aria-label={t('transcript.seekTo', { time: formatClock(segment.start) })}
      >
        {formatClock(segment.start)}
      </button>
      <span className={`speaker speaker-${segment.speaker}`}>{speaker}</span>
      <span className="text" onClick={() => (pickFor && onPick ? onPick(index) : onSeek(index))}>
        {segment.text}
        {marks?.includes('deflection') ? (
          <span className="badge warn"> ⚠ {t('checklist.deflection')}</span>
        ) : null}
        {marks?.includes('note') ? <span className="badge note"> ✎</span> : null}
      </span>
      {pickFor && onPick ? (
        <button
          type="button"
          className="pick-line primary"
          onClick={() => onPick(index)}
          aria-label={t('corrections.pickThisLine', {
            line: index + 1,
            time: formatClock(segment.start),
            flag: pickFor,
          })}
        >
          {t('corrections.pickThis')}
        </button>
      ) : null}
      {onAddNote && !pickFor ? (
        <button
          type="button"
          className="add-note"
          onClick={() => onAddNote(index)}
          aria-label={t('transcript.addNoteAt', { time: formatClock(segment.start) })}
        >
          + {t('transcript.note')}
        </button>
      ) : null}
    </li>
  );
});

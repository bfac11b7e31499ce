import type { SilenceSpan } from './silence.ts';

/** What one request to a speech-to-text engine may carry. */
export interface ChunkLimits {
  /** Longest chunk, seconds (Infinity: no duration limit). */
  maxDurationSec: number;
  /** Largest chunk file, bytes (Infinity: no size limit). */
  maxBytes: number;
  /** Expected size of the encoded audio per second (exact for PCM, an estimate for compressed formats). */
  bytesPerSec: number;
  /** Fixed per-file overhead (container header). */
  headerBytes?: number;
}

export interface PlannedChunk {
  index: number;
  /** Seconds from the start of the recording. Chunks are contiguous: chunk n+1 starts where n ends. */
  start: number;
  end: number;
  /** True when no pause was found near the limit and the chunk ends mid-speech (a word may be split). */
  hardCut: boolean;
}

/** Cuts land no earlier than this share of the limit, so chunks aren't needlessly short. */
const EARLIEST_CUT = 0.5;
/** Within the last 30 % of the window, any pause of this length wins over a longer, earlier one. */
const LATE_WINDOW = 0.3;
const GOOD_PAUSE_SEC = 0.5;

/** The longest stretch one chunk may cover under the limits. */
export function maxChunkSeconds(limits: ChunkLimits): number {
  const byBytes = (limits.maxBytes - (limits.headerBytes ?? 0)) / limits.bytesPerSec;
  const max = Math.min(limits.maxDurationSec, byBytes);
  if (!(max > 1)) throw new RangeError(`Chunk limits leave less than a second per chunk (${max} s).`);
  return max;
}

/**
 * Splits [from, durationSec) into contiguous chunks no longer than the limits allow, cutting in the
 * middle of pauses, so no word is cut in two and none falls into two chunks (see nextCut).
 */
export function planChunks(
  durationSec: number,
  silences: readonly SilenceSpan[],
  limits: ChunkLimits,
  from = 0,
): PlannedChunk[] {
  const maxLen = maxChunkSeconds(limits);
  const chunks: PlannedChunk[] = [];
  let start = from;
  while (durationSec - start > maxLen) {
    const { cut, hardCut } = nextCut(start, silences, maxLen);
    chunks.push({ index: chunks.length, start, end: cut, hardCut });
    start = cut;
  }
  chunks.push({ index: chunks.length, start, end: durationSec, hardCut: false });
  return chunks;
}

/**
 * Where the chunk starting at `start` ends, when the recording goes on past `start + maxLen`. Prefers
 * a pause of at least 0.5 s in the last 30 % of the allowed length; else the longest pause in its
 * second half; only with no pause at all (continuous speech or music) does it cut at the limit
 * (`hardCut`). It reads only the pauses that begin before `start + maxLen`, each clipped to the
 * window, so a streaming reader can ask as soon as it has heard a pause's worth past that point.
 */
export function nextCut(
  start: number,
  silences: readonly SilenceSpan[],
  maxLen: number,
): { cut: number; hardCut: boolean } {
  const windowEnd = start + maxLen;
  const windowStart = start + maxLen * EARLIEST_CUT;
  const lateStart = start + maxLen * (1 - LATE_WINDOW);
  let best: { cut: number; length: number } | null = null;
  let bestLate: { cut: number; length: number } | null = null;
  for (const s of silences) {
    if (s.end <= windowStart) continue;
    if (s.start >= windowEnd) break;
    const from = Math.max(s.start, windowStart);
    const to = Math.min(s.end, windowEnd);
    if (to <= from) continue;
    // Centre of the pause as it lies in the window (keeps margin on both sides of the cut).
    const candidate = { cut: (from + to) / 2, length: to - from };
    if (!best || candidate.length > best.length) best = candidate;
    if (to > lateStart && candidate.length >= GOOD_PAUSE_SEC && (!bestLate || candidate.cut > bestLate.cut)) {
      bestLate = candidate;
    }
  }
  const chosen = bestLate ?? best;
  return chosen ? { cut: chosen.cut, hardCut: false } : { cut: windowEnd, hardCut: true };
}

/** The earliest a cut may fall after a chunk's start: a streaming encoder may be fed up to here at once. */
export function earliestCut(start: number, maxLen: number): number {
  return start + maxLen * EARLIEST_CUT;
}

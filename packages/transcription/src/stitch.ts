import type { Segment, Speaker } from '@onterms/contracts';
import type { SilenceSpan } from '@onterms/media';
import { normalizePhrase } from './hallucination-guard.ts';

/**
 * Text-only models (gpt-4o-transcribe …) return one text per chunk. It is split into sentences,
 * and the chunk's SPEECH time (its span minus the pauses silencedetect found) is shared among them
 * by character count. Times are approximate — the call says so — but each sentence lands in the
 * right stretch of speech, which is what jumping to the audio needs.
 */
export function splitTextOverSpeech(
  text: string,
  start: number,
  end: number,
  silences: readonly SilenceSpan[],
): { start: number; end: number; text: string }[] {
  const sentences =
    text
      .match(/[^.!?…]+(?:[.!?…]+["»)]?|$)/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [];
  if (sentences.length === 0) return [];
  // Speech intervals inside [start, end].
  const speech: { start: number; end: number }[] = [];
  let cursor = start;
  for (const s of silences) {
    if (s.end <= start) continue;
    if (s.start >= end) break;
    if (s.start > cursor) speech.push({ start: cursor, end: s.start });
    cursor = Math.max(cursor, s.end);
  }
  if (cursor < end) speech.push({ start: cursor, end });
  const total = speech.reduce((sum, i) => sum + (i.end - i.start), 0);
  if (total <= 0) speech.splice(0, speech.length, { start, end });
  const speechTotal = total > 0 ? total : end - start;
  const at = (fraction: number): number => {
    let remaining = fraction * speechTotal;
    for (const i of speech) {
      const length = i.end - i.start;
      if (remaining <= length) return i.start + remaining;
      remaining -= length;
    }
    return speech.at(-1)!.end;
  };
  const chars = sentences.reduce((sum, s) => sum + s.length, 0);
  let done = 0;
  return sentences.map((sentence) => {
    const from = at(done / chars);
    done += sentence.length;
    return { start: round(from), end: round(at(done / chars)), text: sentence };
  });
}

/** Word-set overlap (Dice), 0..1, after the same normalisation as the hallucination guard. */
export function textSimilarity(a: string, b: string): number {
  const wa = new Set(normalizePhrase(a).split(' ').filter(Boolean));
  const wb = new Set(normalizePhrase(b).split(' ').filter(Boolean));
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return (2 * shared) / (wa.size + wb.size);
}

export interface ChannelSegment extends Segment {
  /** Index of the channel track it came from. */
  track: number;
}

/** Bleed: same words, same time, on both channels. */
export const BLEED_MIN_OVERLAP = 0.5;
export const BLEED_MIN_SIMILARITY = 0.5;

/**
 * Stereo cross-talk removal. Each side of a phone call faintly hears the other; an engine that
 * transcribes that faint copy produces the same words twice, once per channel. For every pair of
 * segments from different channels that overlap by ≥ 50 % of the shorter one and share ≥ 50 % of
 * their words, the copy on the channel where that stretch is QUIETER is dropped (`levelDb` measures
 * the channel's RMS over the overlap). Real overlapping speech — different words — is kept.
 */
export async function removeBleed(
  segments: ChannelSegment[],
  levelDb: (track: number, start: number, end: number) => Promise<number>,
): Promise<{ kept: ChannelSegment[]; dropped: number }> {
  const drop = new Set<ChannelSegment>();
  const sorted = [...segments].sort((x, y) => x.start - y.start);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.start >= a.end) break;
      if (a.track === b.track || drop.has(a) || drop.has(b)) continue;
      const from = Math.max(a.start, b.start);
      const to = Math.min(a.end, b.end);
      const shorter = Math.min(a.end - a.start, b.end - b.start);
      if (to - from < BLEED_MIN_OVERLAP * shorter || shorter <= 0) continue;
      if (textSimilarity(a.text, b.text) < BLEED_MIN_SIMILARITY) continue;
      const [la, lb] = await Promise.all([levelDb(a.track, from, to), levelDb(b.track, from, to)]);
      drop.add(la >= lb ? b : a);
    }
  }
  return { kept: segments.filter((s) => !drop.has(s)), dropped: drop.size };
}

/**
 * Speaker mapping for a diarizing engine on a mono call (labels 'A', 'B', …): the rep is the
 * speaker who names the most vocabulary terms (the rep is the one stating payment terms); on a
 * tie, the one who speaks first (the rep usually opens an outbound sales call). Everyone else is
 * `client`. A heuristic: the call page lets a manager swap speakers when it guesses wrong.
 */
export function mapDiarizedSpeakers(
  segments: readonly { speaker?: string; text: string; start: number }[],
  vocabulary: readonly string[],
): Map<string, Speaker> {
  const terms = vocabulary.map((t) => normalizePhrase(t)).filter(Boolean);
  const stats = new Map<string, { score: number; first: number }>();
  for (const s of segments) {
    if (!s.speaker) continue;
    const entry = stats.get(s.speaker) ?? { score: 0, first: s.start };
    const text = ` ${normalizePhrase(s.text)} `;
    for (const term of terms) if (text.includes(` ${term} `) || text.includes(` ${term}`)) entry.score++;
    entry.first = Math.min(entry.first, s.start);
    stats.set(s.speaker, entry);
  }
  const ranked = [...stats.entries()].sort((x, y) => y[1].score - x[1].score || x[1].first - y[1].first);
  const map = new Map<string, Speaker>();
  ranked.forEach(([label], i) => map.set(label, i === 0 ? 'rep' : 'client'));
  return map;
}

/** Most letters Cyrillic → 'ru', else 'en'. Used when the uploader gave no language. */
export function guessLanguage(
  texts: readonly string[],
  engineLanguages: readonly (string | null)[],
): 'ru' | 'en' {
  for (const l of engineLanguages) {
    if (!l) continue;
    if (/^(ru|rus|russian)$/i.test(l)) return 'ru';
    if (/^(en|eng|english)$/i.test(l)) return 'en';
  }
  const joined = texts.join(' ');
  const cyrillic = (joined.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (joined.match(/\p{Script=Latin}/gu) ?? []).length;
  return cyrillic >= latin ? 'ru' : 'en';
}

function round(t: number): number {
  return Math.round(t * 1000) / 1000;
}

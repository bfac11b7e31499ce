import { readFileSync } from 'node:fs';
import { silentFraction, type SilenceSpan } from '@onterms/media';

/**
 * The hallucination guard: Whisper-family models invent text on silence and music ("Продолжение
 * следует…", "Субтитры сделал DimaTorzok", "Thanks for watching!"). A segment is dropped only when
 * BOTH hold:
 *  1. its whole text is made of phrases from src/whisper-hallucinations.json (case, punctuation,
 *     brackets and repetition ignored) — so "Спасибо за внимание, до свидания" said by a real
 *     person over real speech is kept, and so is "спасибо, оплата до пятницы";
 *  2. its audio is silent: at least SILENT_SHARE of the segment's time lies in pauses found by
 *     silencedetect on that channel, or Whisper itself gives no_speech_prob ≥ NO_SPEECH_PROB.
 */
export const SILENT_SHARE = 0.6;
export const NO_SPEECH_PROB = 0.6;

interface HallucinationData {
  ru: string[];
  en: string[];
}

const DATA = JSON.parse(
  readFileSync(new URL('./whisper-hallucinations.json', import.meta.url), 'utf8'),
) as HallucinationData;

/** Lower case, ё→е, brackets/♪ stripped, punctuation to spaces, whitespace collapsed. */
export function normalizePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[[\](){}♪♫*«»"“”„]/g, ' ')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

const PHRASES = [...new Set([...DATA.ru, ...DATA.en].map(normalizePhrase).filter(Boolean))].sort(
  (a, b) => b.length - a.length,
);

/** True when the text consists only of known hallucination phrases (one or several, repeated). */
export function isKnownHallucination(text: string): boolean {
  let rest = normalizePhrase(text);
  if (!rest) return false;
  let matched = false;
  while (rest) {
    const phrase = PHRASES.find((p) => rest === p || rest.startsWith(`${p} `));
    if (!phrase) return false;
    matched = true;
    rest = rest.slice(phrase.length).trim();
  }
  return matched;
}

export interface GuardedSegment {
  start: number;
  end: number;
  text: string;
  noSpeechProb?: number;
}

/** Whether to drop a segment (times relative to the same audio as `silences`). */
export function isHallucinatedSegment(segment: GuardedSegment, silences: readonly SilenceSpan[]): boolean {
  if (!isKnownHallucination(segment.text)) return false;
  if ((segment.noSpeechProb ?? 0) >= NO_SPEECH_PROB) return true;
  // A zero-length segment gets a small window around it.
  const start = segment.end > segment.start ? segment.start : Math.max(0, segment.start - 0.5);
  const end = segment.end > segment.start ? segment.end : segment.start + 0.5;
  return silentFraction(silences, start, end) >= SILENT_SHARE;
}

export const HALLUCINATION_PHRASE_COUNT = PHRASES.length;

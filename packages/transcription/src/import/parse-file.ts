import type { CallType, Language, Transcript } from '@onterms/contracts';
import { stripControlCharacters } from './control-characters.ts';
import { TranscriptImportError } from './errors.ts';
import { parseJsonTranscript } from './json.ts';
import { parseSubtitles } from './subtitles.ts';

/**
 * The most segments a transcript may have (the API answers 413 beyond it). A two-hour call from a
 * speech-to-text engine has a few thousand; 20,000 leaves room for word-level exports while keeping a
 * call's stored transcript, search index and review page bounded.
 */
export const MAX_TRANSCRIPT_SEGMENTS = 20_000;

export interface ParsedTranscriptFile {
  transcript: Transcript;
  /** From a JSON file's `callType`, when it has one. */
  callType?: CallType;
}

/**
 * Parses an uploaded transcript into a validated Transcript. See readTranscriptFile.
 */
export function parseTranscriptFile(
  fileName: string,
  content: string,
  opts: { language?: Language } = {},
): Transcript {
  return stripControlCharacters(readTranscriptFile(fileName, content, opts).transcript);
}

/**
 * Parses an uploaded transcript by its file name: our JSON (`.json`), WebVTT (`.vtt`) or SRT
 * (`.srt`), keeping a JSON file's `callType`. Subtitle files carry no language: `opts.language` gives it, else it is guessed from
 * the script (Cyrillic → ru). Throws TranscriptImportError naming the line or field at fault.
 */
export function readTranscriptFile(
  fileName: string,
  content: string,
  opts: { language?: Language } = {},
): ParsedTranscriptFile {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  // A JSON transcript states its own language; `opts.language` is for subtitle files.
  if (ext === 'json') return parseJsonTranscript(content);
  if (ext === 'vtt' || ext === 'srt') {
    const language = opts.language ?? (/[а-яё]/i.test(content) ? 'ru' : 'en');
    return { transcript: parseSubtitles(content, language) };
  }
  throw new TranscriptImportError(
    `unsupported file type «${ext ?? fileName}» (expected .json, .vtt or .srt)`,
  );
}

import type { CallType, Language, Transcript } from '@onterms/contracts';
import { TranscriptImportError } from './errors.ts';
import { parseJsonTranscript } from './json.ts';
import { parseSubtitles } from './subtitles.ts';

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
  return readTranscriptFile(fileName, content, opts).transcript;
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

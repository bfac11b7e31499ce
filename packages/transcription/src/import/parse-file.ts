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
 * Parses an uploaded transcript by its file name: our JSON (`.json`), WebVTT (`.vtt`) or SRT
 * (`.srt`). Subtitle files carry no language: `opts.language` gives it, else it is guessed from
 * the script (Cyrillic → ru). Throws TranscriptImportError naming the line or field at fault.
 */
export function parseTranscriptFile(fileName: string, content: string, opts: { language?: Language } = {}): ParsedTranscriptFile {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'json') {
    const r = parseJsonTranscript(content);
    if (opts.language && opts.language !== r.transcript.language) r.transcript.language = opts.language;
    return r;
  }
  if (ext === 'vtt' || ext === 'srt') {
    const language = opts.language ?? (/[а-яё]/i.test(content) ? 'ru' : 'en');
    return { transcript: parseSubtitles(content, language) };
  }
  throw new TranscriptImportError(`unsupported file type «${ext ?? fileName}» (expected .json, .vtt or .srt)`);
}

import { Value } from '@sinclair/typebox/value';
import { Transcript } from '@onterms/contracts';
import { TranscriptImportError } from './errors.ts';

/**
 * Our JSON transcript (spec/transcript-format.md). Extra top-level fields — a corpus file's `id`,
 * `callType`, `labels`, `notes` — are allowed and ignored; `callType` is returned when valid.
 */
export function parseJsonTranscript(content: string): {
  transcript: Transcript;
  callType?: 'credit_negotiation' | 'collection';
} {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (e) {
    throw new TranscriptImportError(`not JSON: ${(e as Error).message}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new TranscriptImportError('not a transcript: expected a JSON object');
  const o = doc as Record<string, unknown>;
  if (o.language !== 'ru' && o.language !== 'en')
    throw new TranscriptImportError(
      `/language: unknown language ${JSON.stringify(o.language)} (expected "ru" or "en")`,
    );
  const candidate = { language: o.language, segments: o.segments };
  if (!Value.Check(Transcript, candidate)) {
    const e = Value.Errors(Transcript, candidate).First();
    throw new TranscriptImportError(`${e?.path || '/'}: ${e?.message ?? 'wrong shape'}`);
  }
  checkTimes(candidate.segments);
  const callType =
    o.callType === 'collection' || o.callType === 'credit_negotiation' ? o.callType : undefined;
  return callType ? { transcript: candidate, callType } : { transcript: candidate };
}

export function checkTimes(segments: Transcript['segments']): void {
  segments.forEach((s, i) => {
    if (s.end < s.start)
      throw new TranscriptImportError(`/segments/${i}: end ${s.end} is before start ${s.start}`);
    const prev = segments[i - 1];
    if (prev && s.start < prev.start)
      throw new TranscriptImportError(
        `/segments/${i}: starts before the previous segment (segments must be in time order)`,
      );
  });
}

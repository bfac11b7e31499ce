/** An uploaded transcript that cannot be read; the message names the line or field and the problem. */
export class TranscriptImportError extends Error {
  override name = 'TranscriptImportError';
}

export { parseTranscriptFile, readTranscriptFile, type ParsedTranscriptFile } from './import/parse-file.ts';
export { TranscriptImportError } from './import/errors.ts';

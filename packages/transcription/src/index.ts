export {
  MAX_TRANSCRIPT_SEGMENTS,
  parseTranscriptFile,
  readTranscriptFile,
  type ParsedTranscriptFile,
} from './import/parse-file.ts';
export { TranscriptImportError } from './import/errors.ts';
export { CONTROL_CHARACTERS, stripControlCharacters } from './import/control-characters.ts';

import type { Transcript } from '@onterms/contracts';

/**
 * C0 control characters other than tab, line feed and carriage return, and DEL. PostgreSQL cannot
 * store U+0000 in text at all, and none of them is speech.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const ALL_CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTERS.source, 'g');

/**
 * A transcript made by a machine (a speech-to-text engine, a telephony system's export) may carry
 * stray control characters; they are dropped rather than failing the call. Text a person typed is
 * refused instead (the API's 400), so they can see and fix it.
 */
export function stripControlCharacters(transcript: Transcript): Transcript {
  if (!transcript.segments.some((s) => CONTROL_CHARACTERS.test(s.text))) return transcript;
  return {
    ...transcript,
    segments: transcript.segments.map((s) => ({ ...s, text: s.text.replace(ALL_CONTROL_CHARACTERS, '') })),
  };
}

import type { FastifyInstance } from 'fastify';
import { CONTROL_CHARACTERS } from '@onterms/transcription';
import { AppError } from './app-error.ts';

/**
 * Text a person sends is refused, not cleaned, when it holds a control character (U+0000 … U+001F
 * other than tab and line breaks, and U+007F): PostgreSQL cannot store U+0000 at all, none of them
 * belongs in a name, a search or a comment, and a silent change would store something the person did
 * not type. The answer is a 400 that names the field. (Transcripts made by machines are cleaned
 * instead: see stripControlCharacters.)
 */
export function controlCharacterError(value: unknown, field: string): AppError | null {
  const found = findControlCharacter(value, field);
  if (!found) return null;
  const code = found.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return new AppError(
    'bad_request',
    `Field ${found.field} contains a control character (U+${code}); remove it and send again.`,
  );
}

function findControlCharacter(value: unknown, field: string): { field: string; char: string } | null {
  if (typeof value === 'string') {
    const match = CONTROL_CHARACTERS.exec(value);
    return match ? { field, char: match[0] } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacter(value[i], `${field}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found =
        findControlCharacter(key, field) ?? findControlCharacter(inner, field ? `${field}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Checks every route's query, path parameters and JSON body before the schema runs. */
export function registerTextInputCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const error =
      controlCharacterError(request.params, '') ??
      controlCharacterError(request.query, '') ??
      (request.isMultipart() ? null : controlCharacterError(request.body, ''));
    if (error) throw error;
  });
}

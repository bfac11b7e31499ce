/**
 * What a domain action refuses, in words for the person who asked: `invalid` (bad input; `path` names
 * the JSON field), `conflict` (someone changed it first), `not_found`. The API maps the code to a status.
 */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: 'invalid' | 'conflict' | 'not_found',
    message: string,
    readonly path: string | null = null,
  ) {
    super(message);
  }
}

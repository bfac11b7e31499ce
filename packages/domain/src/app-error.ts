/**
 * The one error type the API raises on purpose. Its code is a closed set, mapped to an HTTP status in
 * exactly one place (`error-handler.ts`); its message is written for the person who made the request.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  empty_file: 400,
  invalid_transcript: 400,
  unknown_rep: 400,
  invalid_policy: 400,
  unsupported_file: 400,
  unrecognised_columns: 400,
  invalid_rows: 400,
  ambiguous_clients: 400,
  unauthorized: 401,
  wrong_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  not_ready: 409,
  not_failed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  corrupt_audio: 422,
  csrf_failed: 403,
  duplicate_call: 409,
  transcript_too_long: 413,
  too_many_requests: 429,
  internal: 500,
  service_unavailable: 503,
  database_unavailable: 503,
  media_unavailable: 503,
  storage_full: 507,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: {
      cause?: unknown;
      headers?: Record<string, string>;
      details?: Record<string, unknown>;
      field?: string;
    },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.headers = options?.headers ?? {};
    this.details = options?.details ?? {};
    this.field = options?.field;
  }

  /** More for the caller to act on (the lines of a refused import), sent beside `error` and `message`. */
  readonly details: Record<string, unknown>;

  /** The request field at fault, for the UI to name in the user's language. */
  readonly field: string | undefined;

  /** Extra response headers, e.g. Retry-After on 429. */
  readonly headers: Record<string, string>;

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = 'call') =>
  new AppError('not_found', `No such ${what}, or you have no access to it.`);

import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, ERROR_STATUS, type ErrorCode } from '@onterms/domain';
import { outageError } from './outage.ts';

/** Fastify's own 4xx errors (validation, body too large, bad content type …) keep their status. */
const FASTIFY_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  406: 'unsupported_media_type',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** Every error leaves the API as `{ error, message }`; 5xx details stay in the log, never in the answer. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raised: FastifyError | AppError, request, reply) => {
    const outage = raised instanceof AppError ? null : outageError(raised);
    if (outage) request.log.warn({ err: raised, url: request.url }, outage.message);
    const error = outage ?? raised;
    if (error instanceof AppError) {
      if (error.status >= 500 && !outage) request.log.error({ err: error.cause ?? error }, error.message);
      reply.headers(error.headers);
      return reply.status(error.status).send({
        ...error.details,
        error: error.code,
        message: error.message,
        ...(error.field && { field: error.field }),
      });
    }
    const status = error.statusCode ?? 500;
    const code = FASTIFY_STATUS_CODES[status];
    if (status < 500 && code) {
      const message = error.validation ? `Invalid request: ${error.message}` : error.message;
      const field = error.validation ? fieldOf(error.validation[0]) : undefined;
      return reply.status(ERROR_STATUS[code]).send({ error: code, message, ...(field && { field }) });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      error: 'internal',
      message: 'Something went wrong on our side. Please try again; if it persists, tell your administrator.',
    });
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` }),
  );
}

/** The field a validation error is about: `/language` → `language`, a missing property by its name. */
function fieldOf(
  issue: { instancePath?: string; params?: Record<string, unknown> } | undefined,
): string | undefined {
  if (!issue) return undefined;
  const missing = issue.params?.['missingProperty'];
  if (typeof missing === 'string') return missing;
  const extra = issue.params?.['additionalProperty'];
  if (typeof extra === 'string') return extra;
  const path = issue.instancePath?.split('/').filter(Boolean)[0];
  return path || undefined;
}

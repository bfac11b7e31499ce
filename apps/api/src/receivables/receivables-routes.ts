import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ReceivablesImportQuery,
  ReceivablesImportRefusal,
  ReceivablesImportResult,
} from '@onterms/contracts';
import { importReceivables, RECEIVABLE_FIELDS } from '@onterms/domain';
import type { AppDeps } from '../app.ts';
import { ErrorBody } from '@onterms/contracts';
import { AppError } from '@onterms/domain';
import { actorOf } from '../auth/audit.ts';
import { companyTimeZone, todayIn } from '@onterms/calendar';
import { withPolicy } from '../access/route-options.ts';

/** Receivables reports from accounting: the import that feeds the client page, follow-ups and outcome. */
export const receivablesRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const timeZone = companyTimeZone(deps.config);
  const importDeps = { db: deps.db, defaultCurrency: deps.config.company?.currency ?? 'RUB', timeZone };

  app.post(
    '/receivables/imports',
    withPolicy('receivables.import', {
      summary:
        'Import a receivables report (CSV in UTF-8 or Windows-1251, any delimiter; or XLSX) as a snapshot',
      description:
        'multipart/form-data with the file part `file`. One transaction: new invoices added, known ones updated, ' +
        'lower balances recorded as payments dated `asOf`, promises whose day has passed checked. ' +
        'Any bad line refuses the whole file (400, lines and columns named). Re-importing the same report changes nothing.',
      consumes: ['multipart/form-data'],
      querystring: ReceivablesImportQuery,
      response: {
        200: ReceivablesImportResult,
        400: ReceivablesImportRefusal,
        401: ErrorBody,
        403: ErrorBody,
        415: ErrorBody,
      },
    }),
    async (request) => {
      if (!request.isMultipart()) {
        throw new AppError(
          'unsupported_media_type',
          'Send the report as multipart/form-data with a file part named "file".',
        );
      }
      const mapping = parseMapping(request.query.mapping);
      const principal = request.principal!;
      for await (const part of request.parts({ limits: { files: 1, fields: 10 } })) {
        if (part.type !== 'file') continue;
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new AppError(
            'bad_request',
            `Unexpected file part "${part.fieldname}": send the report as "file".`,
          );
        }
        try {
          const result = await importReceivables(
            { ...importDeps, audit: deps.auth.audit.by(request) },
            {
              file: part.file,
              filename: part.filename || null,
              asOf: request.query.asOf ?? todayIn(timeZone),
              by: actorOf(principal),
              ...(mapping && { mapping }),
              saveMapping: request.query.saveMapping ?? false,
              dryRun: request.query.dryRun ?? false,
            },
          );
          return result;
        } catch (error) {
          part.file.resume();
          throw error;
        }
      }
      throw new AppError('empty_file', 'No report: add a file part named "file".');
    },
  );
};

function parseMapping(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'mapping must be JSON: {"client": "Header of the client column", …}.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new AppError('bad_request', 'mapping must be a JSON object.');
  const mapping: Record<string, string> = {};
  for (const [field, header] of Object.entries(value)) {
    if (!(RECEIVABLE_FIELDS as readonly string[]).includes(field) || typeof header !== 'string') {
      throw new AppError(
        'bad_request',
        `mapping: "${field}" is not one of ${RECEIVABLE_FIELDS.join(', ')}, or its header is not text.`,
      );
    }
    mapping[field] = header;
  }
  return mapping;
}

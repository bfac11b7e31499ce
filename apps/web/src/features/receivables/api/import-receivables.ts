import { useMutation } from '@tanstack/react-query';
import type { ReceivablesImportRefusal, ReceivablesImportResult } from '@onterms/contracts';
import { getCsrfToken, withQuery } from '../../../lib/api-client.ts';

export interface ImportOptions {
  file: File;
  asOf?: string;
  dryRun: boolean;
  mapping?: Record<string, string>;
  saveMapping?: boolean;
}

/** The import's answer: the counts, or the refusal with the lines (and the headers, for the mapping step). */
export type ImportOutcome =
  | { ok: true; result: ReceivablesImportResult }
  | { ok: false; status: number; refusal: ReceivablesImportRefusal };

/** `POST /api/receivables/imports` (multipart `file`). A refusal is an answer to show, not an exception. */
export async function importReceivables(options: ImportOptions): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('file', options.file);
  const url = withQuery('/api/receivables/imports', {
    asOf: options.asOf,
    dryRun: options.dryRun,
    mapping: options.mapping ? JSON.stringify(options.mapping) : undefined,
    saveMapping: options.saveMapping,
  });
  const res = await fetch(url, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { 'x-csrf-token': getCsrfToken() },
  });
  const body = (await res.json().catch(() => ({ error: 'bad_response', message: '' }))) as unknown;
  return res.ok
    ? { ok: true, result: body as ReceivablesImportResult }
    : { ok: false, status: res.status, refusal: body as ReceivablesImportRefusal };
}

export const useImportReceivables = () => useMutation({ mutationFn: importReceivables });

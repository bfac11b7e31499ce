import { ApiError, getCsrfToken } from '../../../lib/api-client.ts';

export interface UploadInput {
  audio: File;
  transcript?: File | null;
  fields: Record<string, string | undefined>;
}

/**
 * `POST /api/calls` through XMLHttpRequest, because fetch cannot report upload progress.
 * Resolves with the new (or already uploaded) call's id and status.
 */
export function uploadCall(
  input: UploadInput,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<{ id: string; status: string; existing: boolean }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(input.fields)) if (value) form.set(key, value);
  form.set('audio', input.audio, input.audio.name);
  if (input.transcript) form.set('transcript', input.transcript, input.transcript.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/calls');
    xhr.setRequestHeader('x-csrf-token', getCsrfToken());
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = xhr.response as { id?: string; status?: string; error?: string; message?: string } | null;
      if (xhr.status === 200 || xhr.status === 202) {
        onProgress(1);
        resolve({ id: body!.id!, status: body!.status!, existing: xhr.status === 200 });
      } else reject(new ApiError(xhr.status, body?.error ?? 'bad_response', body?.message ?? ''));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', ''));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', ''));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

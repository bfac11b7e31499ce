import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
/** Builds multipart/form-data bodies for `inject` and real HTTP requests in tests. */
export interface FilePart {
  name: string;
  filename: string;
  content: Buffer | string;
  contentType?: string;
}

export function multipart(
  fields: Record<string, string>,
  files: FilePart[],
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----onterms${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A multipart `POST` to `url` as the user whose headers are given, with these text fields and file parts. */
export function postForm(
  sut: FastifyInstance,
  url: string,
  headers: Record<string, string>,
  fields: Record<string, string>,
  files: FilePart[],
): Promise<LightMyRequestResponse> {
  const form = multipart(fields, files);
  return sut.inject({
    method: 'POST',
    url,
    payload: form.body,
    headers: { ...form.headers, ...headers },
  });
}

/** `POST /api/calls` as the user whose headers are given, with these text fields and file parts. */
export function postUpload(
  sut: FastifyInstance,
  headers: Record<string, string>,
  fields: Record<string, string>,
  files: FilePart[],
): Promise<LightMyRequestResponse> {
  return postForm(sut, '/api/calls', headers, fields, files);
}

/**
 * Test-only: an OpenAI-compatible transcription server on 127.0.0.1. It parses the multipart body
 * the real `openai` SDK sends (busboy) and lets each test answer like the real API would.
 */
import busboy from 'busboy';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Text fields; repeated fields (timestamp_granularities[]) as arrays. */
  fields: Record<string, string | string[]>;
  file: { field: string; filename: string; mimeType: string; bytes: Buffer } | null;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  /** Wait before answering (for timeouts). */
  delayMs?: number;
}

export type FakeHandler = (request: ReceivedRequest, index: number) => FakeReply | Promise<FakeReply>;

export interface FakeServer {
  baseURL: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startFakeOpenAI(handler: FakeHandler): Promise<FakeServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.statusCode = 599;
      res.end(String(error));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const received = await parse(req);
    const index = requests.push(received) - 1;
    const reply = await handler(received, index);
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    res.statusCode = reply.status ?? 200;
    for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
    if (reply.json !== undefined) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(reply.json));
    } else {
      res.setHeader('content-type', 'text/plain');
      res.end(reply.text ?? '');
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function parse(req: IncomingMessage): Promise<ReceivedRequest> {
  return new Promise((resolve, reject) => {
    const result: ReceivedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      fields: {},
      file: null,
    };
    if (!String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      req.resume();
      req.on('end', () => resolve(result));
      return;
    }
    const bb = busboy({ headers: req.headers });
    bb.on('field', (name, value) => {
      const key = name.replace(/\[\]$/, '');
      const existing = result.fields[key];
      if (name.endsWith('[]') || existing !== undefined) {
        result.fields[key] = [
          ...(Array.isArray(existing) ? existing : existing !== undefined ? [existing] : []),
          value,
        ];
      } else {
        result.fields[key] = value;
      }
    });
    bb.on('file', (field, stream, info) => {
      const parts: Buffer[] = [];
      stream.on('data', (d: Buffer) => parts.push(d));
      stream.on('end', () => {
        result.file = {
          field,
          filename: info.filename ?? '',
          mimeType: info.mimeType,
          bytes: Buffer.concat(parts),
        };
      });
    });
    bb.on('close', () => resolve(result));
    bb.on('error', reject);
    req.pipe(bb);
  });
}

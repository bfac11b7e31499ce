import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** Polls until `check` returns a value, sleeping between tries, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A TCP port nothing listens on right now, for a server a test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Polls `GET /api/calls/:id` as the holder of `headers` until the call is analysed (and `until` holds,
 * when given), and returns it; a call that fails instead throws its failure reason at once.
 */
export function callAnalysed(
  sut: FastifyInstance,
  id: string,
  headers: Record<string, string>,
  options: { what?: string; timeoutMs?: number; until?: () => boolean } = {},
) {
  return waitFor(
    async () => {
      const call = (await sut.inject({ method: 'GET', url: `/api/calls/${id}`, headers })).json();
      if (call.status === 'failed') throw new Error(`failed: ${call.failureReason}`);
      return call.status === 'analyzed' && (options.until?.() ?? true) ? call : undefined;
    },
    options.what ?? 'the call to be analysed',
    options.timeoutMs ?? 60_000,
  );
}

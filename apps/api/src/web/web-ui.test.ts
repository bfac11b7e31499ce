import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webUi } from './web-ui.ts';

/** The web UI's catch-all sees the router's decoded path, so an encoded `/api` never becomes a page. */
let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'onterms-web-ui-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>OnTerms</title>');
  await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  app = Fastify();
  await app.register(webUi, { root: dir });
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the web UI beside the API', () => {
  it('serves the build’s files as they are', async () => {
    const res = await app.inject('/assets/app.js');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1)');
  });

  it('answers client-side routes with index.html', async () => {
    const res = await app.inject('/calls/123?t=0:18');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>OnTerms</title>');
  });

  it.each(['/api/nothing-here', '/%61pi/admin/users', '/a%70i/admin/users', '/ap%69/calls'])(
    'keeps the API’s JSON 404 for %s',
    async (url) => {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'not_found' });
    },
  );

  it('never serves a file outside the build', async () => {
    for (const url of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const res = await app.inject(url);
      expect(res.body, url).not.toContain('"workspaces"');
    }
  });
});

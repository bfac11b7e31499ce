import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs embedded on a laptop when nothing is set', () => {
    const sut = loadConfig({});
    expect(sut.http).toEqual({ port: 3000, host: '127.0.0.1' });
    expect(sut.databaseUrl).toBeNull();
    expect(sut.redisUrl).toBeNull();
    expect(sut.dataDir).toBe(path.resolve('./data'));
    expect(sut.upload.maxBytes).toBe(1024 ** 3);
    expect(sut.analysisLlm).toBeNull();
  });

  it('reads the production services and numbers from strings', () => {
    const sut = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/onterms',
      REDIS_URL: 'redis://redis:6379',
      PORT: '8080',
      MAX_UPLOAD_BYTES: '1000',
      ANALYSIS_LLM_MODEL: 'gpt-4o-mini',
      OPENAI_API_KEY: 'sk-test',
    });
    expect(sut.databaseUrl).toBe('postgres://u@db:5432/onterms');
    expect(sut.redisUrl).toBe('redis://redis:6379');
    expect(sut.http.port).toBe(8080);
    expect(sut.upload.maxBytes).toBe(1000);
    expect(sut.analysisLlm).toEqual({ model: 'gpt-4o-mini', apiKey: 'sk-test', baseURL: null });
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull();
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/LOG_LEVEL/);
  });
});

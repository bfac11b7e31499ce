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

  it('takes week boundaries in Moscow unless COMPANY_TIME_ZONE names another IANA zone', () => {
    expect(loadConfig({}).company).toEqual({ timeZone: 'Europe/Moscow', currency: 'RUB', followUpDays: 3 });
    expect(loadConfig({ COMPANY_TIME_ZONE: 'Asia/Yekaterinburg' }).company.timeZone).toBe(
      'Asia/Yekaterinburg',
    );
    expect(() => loadConfig({ COMPANY_TIME_ZONE: 'Mars/Olympus' })).toThrow(/COMPANY_TIME_ZONE/);
  });

  it('reads the receivables settings: the currency of files that name none, days an overdue client may go without a call', () => {
    expect(loadConfig({ COMPANY_CURRENCY: 'USD', FOLLOW_UP_DAYS: '5' }).company).toMatchObject({
      currency: 'USD',
      followUpDays: 5,
    });
    expect(() => loadConfig({ COMPANY_CURRENCY: 'rub' })).toThrow(/COMPANY_CURRENCY/);
    expect(() => loadConfig({ FOLLOW_UP_DAYS: '0' })).toThrow(/FOLLOW_UP_DAYS/);
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

  describe('accounts and access', () => {
    it('defaults: sessions 2 h idle / 12 h absolute, no initial admin, no proxy trusted', () => {
      const sut = loadConfig({}).auth;
      expect(sut).toEqual({
        initialAdmin: null,
        sessionIdleMinutes: 120,
        sessionAbsoluteHours: 12,
        cookieSecure: false,
        trustProxy: false,
      });
    });

    it('marks the cookie Secure unless the server listens on loopback only, and lets COOKIE_SECURE decide', () => {
      expect(loadConfig({ HOST: '0.0.0.0' }).auth.cookieSecure).toBe(true);
      expect(loadConfig({ HOST: 'localhost' }).auth.cookieSecure).toBe(false);
      expect(loadConfig({ HOST: '0.0.0.0', COOKIE_SECURE: 'false' }).auth.cookieSecure).toBe(false);
      expect(loadConfig({ COOKIE_SECURE: 'true' }).auth.cookieSecure).toBe(true);
    });

    it('reads the initial admin, session lifetimes and proxy trust', () => {
      const sut = loadConfig({
        ONTERMS_ADMIN_EMAIL: 'admin@example.com',
        ONTERMS_ADMIN_PASSWORD: 'correct horse battery',
        SESSION_IDLE_MINUTES: '30',
        SESSION_ABSOLUTE_HOURS: '8',
        TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      }).auth;
      expect(sut.initialAdmin).toEqual({ email: 'admin@example.com', password: 'correct horse battery' });
      expect(sut.sessionIdleMinutes).toBe(30);
      expect(sut.sessionAbsoluteHours).toBe(8);
      expect(sut.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
      const oneHop = loadConfig({ TRUST_PROXY: '1' }).auth.trustProxy as (
        address: string,
        hop: number,
      ) => boolean;
      expect([oneHop('10.0.0.1', 0), oneHop('10.0.0.2', 1)]).toEqual([true, false]);
      expect(loadConfig({ TRUST_PROXY: 'true' }).auth.trustProxy).toBe(true);
    });

    it('refuses half an initial admin, a short admin password and a bad cookie flag', () => {
      expect(() => loadConfig({ ONTERMS_ADMIN_EMAIL: 'admin@example.com' })).toThrow(/set both or neither/);
      expect(() => loadConfig({ ONTERMS_ADMIN_EMAIL: 'a@b.c', ONTERMS_ADMIN_PASSWORD: 'short' })).toThrow(
        /ONTERMS_ADMIN_PASSWORD/,
      );
      expect(() => loadConfig({ COOKIE_SECURE: 'yes' })).toThrow(/COOKIE_SECURE/);
      expect(() => loadConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/);
    });
  });
  describe('speech-to-text', () => {
    it('is off without an API key, openai with one (whisper-1 defaults live in the engine)', () => {
      expect(loadConfig({}).stt).toMatchObject({
        engine: null,
        model: null,
        concurrency: null,
        requestTimeoutMs: 600_000,
      });
      expect(loadConfig({ OPENAI_API_KEY: 'sk-x' }).stt).toMatchObject({
        engine: 'openai',
        apiKey: 'sk-x',
        baseURL: null,
      });
      expect(loadConfig({ OPENAI_API_KEY: 'sk-x', STT_ENGINE: 'none' }).stt.engine).toBeNull();
    });

    it('reads the engine, model, limits and a self-hosted server', () => {
      const sut = loadConfig({
        STT_ENGINE: 'openai',
        OPENAI_BASE_URL: 'http://whisper.lan:8000/v1',
        TRANSCRIBE_MODEL: 'gpt-4o-transcribe',
        STT_MAX_CHUNK_SECONDS: '600',
        STT_MAX_UPLOAD_BYTES: '10000000',
        STT_UPLOAD_FORMAT: 'wav',
        STT_CONCURRENCY: '3',
      }).stt;
      expect(sut).toEqual({
        engine: 'openai',
        model: 'gpt-4o-transcribe',
        modelPath: null,
        apiKey: null,
        baseURL: 'http://whisper.lan:8000/v1',
        maxChunkSeconds: 600,
        maxUploadBytes: 10_000_000,
        uploadFormat: 'wav',
        concurrency: 3,
        requestTimeoutMs: 600_000,
      });
    });

    it('resolves the local model path; rejects engines that cannot work', () => {
      expect(loadConfig({ STT_ENGINE: 'sherpa-onnx', STT_MODEL_PATH: 'models/giga' }).stt).toMatchObject({
        engine: 'sherpa-onnx',
        modelPath: path.resolve('models/giga'),
      });
      expect(() => loadConfig({ STT_ENGINE: 'sherpa-onnx' })).toThrow(/STT_MODEL_PATH/);
      expect(() => loadConfig({ STT_ENGINE: 'openai' })).toThrow(/OPENAI_API_KEY/);
      expect(() => loadConfig({ STT_ENGINE: 'whisper' })).toThrow(/STT_ENGINE/);
      expect(() => loadConfig({ STT_UPLOAD_FORMAT: 'mp3' })).toThrow(/STT_UPLOAD_FORMAT/);
      // Opus chunks took ~20× the decode to encode; the option was removed, with a reason on start-up.
      expect(() => loadConfig({ STT_UPLOAD_FORMAT: 'opus' })).toThrow(/STT_UPLOAD_FORMAT=opus.*flac/);
    });
  });
});

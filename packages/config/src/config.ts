import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * Every setting OnTerms reads from the environment, parsed and validated once at start-up.
 * Nothing else in the code base reads `process.env`: entry points call `loadConfig(process.env)` and
 * hand the typed result (or the part of it a module needs) down.
 */
const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  ONTERMS_DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  MAX_UPLOAD_BYTES: Type.Integer({ minimum: 1, default: 1024 ** 3 }),
  FFMPEG_PATH: Type.Optional(Type.String({ minLength: 1 })),
  FFPROBE_PATH: Type.Optional(Type.String({ minLength: 1 })),
  WORKER_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 64, default: 1 }),
  ANALYSIS_LLM_MODEL: Type.Optional(Type.String({ minLength: 1 })),
  OPENAI_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  OPENAI_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
});

export type Env = Static<typeof EnvSchema>;

export interface Config {
  http: { port: number; host: string };
  dataDir: string;
  /** Unset: the embedded PGlite database under `dataDir`. */
  databaseUrl: string | null;
  /** Unset: the in-process job runner instead of BullMQ. */
  redisUrl: string | null;
  upload: { maxBytes: number };
  media: { ffmpegPath: string | null; ffprobePath: string | null };
  worker: { concurrency: number };
  analysisLlm: { model: string; apiKey: string | null; baseURL: string | null } | null;
  logLevel: Env['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const NUMERIC = new Set(['PORT', 'MAX_UPLOAD_BYTES', 'WORKER_CONCURRENCY']);

export function loadConfig(env: Record<string, string | undefined>): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = env[key];
    if (value === undefined || value === '') continue; // empty means unset, as in most .env tooling
    raw[key] = NUMERIC.has(key) && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  }
  const withDefaults = Value.Default(EnvSchema, raw);
  const problems = [...Value.Errors(EnvSchema, withDefaults)].map(
    (e) => `${e.path.slice(1) || 'environment'}: ${e.message}${e.value === undefined ? '' : ` (got ${JSON.stringify(e.value)})`}`,
  );
  if (problems.length > 0) throw new ConfigError(problems);
  const e = withDefaults as Env;

  return {
    http: { port: e.PORT, host: e.HOST },
    dataDir: path.resolve(e.ONTERMS_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    upload: { maxBytes: e.MAX_UPLOAD_BYTES },
    media: { ffmpegPath: e.FFMPEG_PATH ?? null, ffprobePath: e.FFPROBE_PATH ?? null },
    worker: { concurrency: e.WORKER_CONCURRENCY },
    analysisLlm: e.ANALYSIS_LLM_MODEL
      ? { model: e.ANALYSIS_LLM_MODEL, apiKey: e.OPENAI_API_KEY ?? null, baseURL: e.OPENAI_BASE_URL ?? null }
      : null,
    logLevel: e.LOG_LEVEL,
  };
}

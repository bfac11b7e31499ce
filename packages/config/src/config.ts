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
  RECONCILE_INTERVAL_SECONDS: Type.Integer({ minimum: 5, maximum: 24 * 3600, default: 60 }),
  ANALYSIS_LLM_MODEL: Type.Optional(Type.String({ minLength: 1 })),
  OPENAI_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  OPENAI_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  STT_ENGINE: Type.Optional(
    Type.Union([Type.Literal('openai'), Type.Literal('sherpa-onnx'), Type.Literal('none')]),
  ),
  TRANSCRIBE_MODEL: Type.Optional(Type.String({ minLength: 1 })),
  STT_MODEL_PATH: Type.Optional(Type.String({ minLength: 1 })),
  STT_MAX_CHUNK_SECONDS: Type.Optional(Type.Integer({ minimum: 10, maximum: 24 * 3600 })),
  STT_MAX_UPLOAD_BYTES: Type.Optional(Type.Integer({ minimum: 100_000 })),
  // 'opus' is still parsed only to refuse it with the reason (below).
  STT_UPLOAD_FORMAT: Type.Optional(
    Type.Union([Type.Literal('flac'), Type.Literal('wav'), Type.Literal('opus')]),
  ),
  STT_CONCURRENCY: Type.Optional(Type.Integer({ minimum: 1, maximum: 32 })),
  STT_TIMEOUT_SECONDS: Type.Integer({ minimum: 10, maximum: 3600, default: 600 }),
  ONTERMS_ADMIN_EMAIL: Type.Optional(Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$' })),
  ONTERMS_ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 10, maxLength: 256 })),
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, maximum: 60 * 24 * 30, default: 120 }),
  SESSION_ABSOLUTE_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 90, default: 12 }),
  COOKIE_SECURE: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  TRUST_PROXY: Type.Optional(Type.String({ minLength: 1 })),
  COMPANY_TIME_ZONE: Type.String({ minLength: 1, default: 'Europe/Moscow' }),
  COMPANY_CURRENCY: Type.String({ pattern: '^[A-Z]{3}$', default: 'RUB' }),
  FOLLOW_UP_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 3 }),
  STORAGE: Type.Union([Type.Literal('local'), Type.Literal('s3')], { default: 'local' }),
  S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://' })),
  S3_BUCKET: Type.Optional(Type.String({ minLength: 3, maxLength: 63 })),
  S3_REGION: Type.String({ minLength: 1, default: 'us-east-1' }),
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  S3_FORCE_PATH_STYLE: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
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
  /**
   * concurrency: WORKER_CONCURRENCY. reconcileIntervalMs: RECONCILE_INTERVAL_SECONDS — how often
   * workers re-enqueue unfinished calls whose job was lost and retry calls an outage left failed.
   */
  worker: { concurrency: number; reconcileIntervalMs: number };
  analysisLlm: { model: string; apiKey: string | null; baseURL: string | null } | null;
  stt: SttConfig;
  auth: AuthConfig;
  /** COMPANY_TIME_ZONE (IANA name): where the company's days, weeks and months begin (stats). */
  company: {
    timeZone: string;
    /** COMPANY_CURRENCY: the currency of imported receivables whose file names none. */
    currency?: string;
    /** FOLLOW_UP_DAYS: an overdue client nobody has called for this many days is a follow-up (when no policy segment says otherwise). */
    followUpDays?: number;
  };
  /** Where recordings live: `dataDir/blobs` on local disk, or an S3-compatible bucket shared by hosts. */
  storage: StorageConfig;
  logLevel: Env['LOG_LEVEL'];
}

/** STORAGE and S3_* (packages/storage: createBlobStore). */
export type StorageConfig =
  | { kind: 'local' }
  | {
      kind: 's3';
      /** S3_ENDPOINT: MinIO, Ceph RGW, Yandex Object Storage …; unset for AWS S3 itself. */
      endpoint?: string;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      /** S3_FORCE_PATH_STYLE; default: on when S3_ENDPOINT is set (self-hosted servers want it). */
      forcePathStyle: boolean;
    };

/** Speech-to-text (packages/transcription: createTranscriptionEngine). */
export interface SttConfig {
  /**
   * STT_ENGINE; unset: `openai` when OPENAI_API_KEY is set, else none. null = none: calls without an
   * uploaded transcript wait (status `waiting`) instead of failing.
   */
  engine: 'openai' | 'sherpa-onnx' | null;
  /** TRANSCRIBE_MODEL (openai engine; default there `whisper-1`). */
  model: string | null;
  /** STT_MODEL_PATH: the local model directory (sherpa-onnx engine). */
  modelPath: string | null;
  apiKey: string | null;
  baseURL: string | null;
  /** Overrides of the engine's per-model limits (STT_MAX_CHUNK_SECONDS, STT_MAX_UPLOAD_BYTES). */
  maxChunkSeconds: number | null;
  maxUploadBytes: number | null;
  /** STT_UPLOAD_FORMAT: chunk encoding sent to the openai engine (default flac). */
  uploadFormat: 'flac' | 'wav' | null;
  /** STT_CONCURRENCY: chunk requests in flight per call (default: openai 4, local 1). */
  concurrency: number | null;
  /** STT_TIMEOUT_SECONDS: per request. */
  requestTimeoutMs: number;
}

export interface AuthConfig {
  /** The first admin, created at start-up when the database has no user at all. */
  initialAdmin: { email: string; password: string } | null;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /**
   * Whether the session cookie carries `Secure`. Default: on, except when the server listens on a
   * loopback address only (the laptop mode on http://127.0.0.1, where some browsers drop Secure
   * cookies sent over plain http). Behind TLS it must be on; set COOKIE_SECURE=false only for plain-http test setups.
   */
  cookieSecure: boolean;
  /**
   * Fastify's `trustProxy`: false (default) uses the socket address as the client IP (rate limits,
   * audit); `true` trusts X-Forwarded-For from any hop; TRUST_PROXY=<n> trusts n hops (as a function,
   * Fastify's typed form of a hop count); otherwise a comma-separated list of proxy addresses/CIDRs.
   */
  trustProxy: boolean | string[] | ((address: string, hop: number) => boolean);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const NUMERIC = new Set([
  'PORT',
  'MAX_UPLOAD_BYTES',
  'WORKER_CONCURRENCY',
  'RECONCILE_INTERVAL_SECONDS',
  'SESSION_IDLE_MINUTES',
  'SESSION_ABSOLUTE_HOURS',
  'STT_MAX_CHUNK_SECONDS',
  'STT_MAX_UPLOAD_BYTES',
  'STT_CONCURRENCY',
  'STT_TIMEOUT_SECONDS',
  'FOLLOW_UP_DAYS',
]);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function loadConfig(env: Record<string, string | undefined>): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = env[key];
    if (value === undefined || value === '') continue; // empty means unset, as in most .env tooling
    raw[key] = NUMERIC.has(key) && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  }
  const withDefaults = Value.Default(EnvSchema, raw);
  const problems = [...Value.Errors(EnvSchema, withDefaults)].map(
    (e) =>
      `${e.path.slice(1) || 'environment'}: ${e.message}${e.value === undefined ? '' : ` (got ${JSON.stringify(e.value)})`}`,
  );
  const e = withDefaults as Env;
  if ((e.ONTERMS_ADMIN_EMAIL === undefined) !== (e.ONTERMS_ADMIN_PASSWORD === undefined)) {
    problems.push('ONTERMS_ADMIN_EMAIL and ONTERMS_ADMIN_PASSWORD: set both or neither');
  }
  if (e.STT_ENGINE === 'openai' && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
    problems.push(
      'STT_ENGINE=openai needs OPENAI_API_KEY (api.openai.com) or OPENAI_BASE_URL (a self-hosted compatible server)',
    );
  }
  if (e.STT_ENGINE === 'sherpa-onnx' && !e.STT_MODEL_PATH) {
    problems.push(
      'STT_ENGINE=sherpa-onnx needs STT_MODEL_PATH: the directory of a downloaded sherpa-onnx model (see packages/transcription/README.md)',
    );
  }
  if (e.STT_UPLOAD_FORMAT === 'opus') {
    problems.push(
      'STT_UPLOAD_FORMAT=opus is no longer offered: encoding the chunks took about 20 times as long as decoding the call. Use flac (the default, lossless) or wav',
    );
  }
  if (!isTimeZone(e.COMPANY_TIME_ZONE)) {
    problems.push(
      `COMPANY_TIME_ZONE: not an IANA time zone name (got ${JSON.stringify(e.COMPANY_TIME_ZONE)})`,
    );
  }
  if (e.STORAGE === 's3') {
    for (const name of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const)
      if (!e[name]) problems.push(`STORAGE=s3 needs ${name}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    http: { port: e.PORT, host: e.HOST },
    dataDir: path.resolve(e.ONTERMS_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    upload: { maxBytes: e.MAX_UPLOAD_BYTES },
    media: { ffmpegPath: e.FFMPEG_PATH ?? null, ffprobePath: e.FFPROBE_PATH ?? null },
    worker: { concurrency: e.WORKER_CONCURRENCY, reconcileIntervalMs: e.RECONCILE_INTERVAL_SECONDS * 1000 },
    analysisLlm: e.ANALYSIS_LLM_MODEL
      ? { model: e.ANALYSIS_LLM_MODEL, apiKey: e.OPENAI_API_KEY ?? null, baseURL: e.OPENAI_BASE_URL ?? null }
      : null,
    stt: {
      engine: e.STT_ENGINE
        ? e.STT_ENGINE === 'none'
          ? null
          : e.STT_ENGINE
        : e.OPENAI_API_KEY
          ? 'openai'
          : null,
      model: e.TRANSCRIBE_MODEL ?? null,
      modelPath: e.STT_MODEL_PATH ? path.resolve(e.STT_MODEL_PATH) : null,
      apiKey: e.OPENAI_API_KEY ?? null,
      baseURL: e.OPENAI_BASE_URL ?? null,
      maxChunkSeconds: e.STT_MAX_CHUNK_SECONDS ?? null,
      maxUploadBytes: e.STT_MAX_UPLOAD_BYTES ?? null,
      uploadFormat: e.STT_UPLOAD_FORMAT === 'opus' ? null : (e.STT_UPLOAD_FORMAT ?? null),
      concurrency: e.STT_CONCURRENCY ?? null,
      requestTimeoutMs: e.STT_TIMEOUT_SECONDS * 1000,
    },
    auth: {
      initialAdmin:
        e.ONTERMS_ADMIN_EMAIL && e.ONTERMS_ADMIN_PASSWORD
          ? { email: e.ONTERMS_ADMIN_EMAIL, password: e.ONTERMS_ADMIN_PASSWORD }
          : null,
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
      sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
      cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : !LOOPBACK_HOSTS.has(e.HOST.toLowerCase()),
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
    },
    company: {
      timeZone: e.COMPANY_TIME_ZONE,
      currency: e.COMPANY_CURRENCY,
      followUpDays: e.FOLLOW_UP_DAYS,
    },
    storage:
      e.STORAGE === 's3'
        ? {
            kind: 's3',
            ...(e.S3_ENDPOINT && { endpoint: e.S3_ENDPOINT }),
            bucket: e.S3_BUCKET!,
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID!,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
            forcePathStyle: e.S3_FORCE_PATH_STYLE ? e.S3_FORCE_PATH_STYLE === 'true' : Boolean(e.S3_ENDPOINT),
          }
        : { kind: 'local' },
    logLevel: e.LOG_LEVEL,
  };
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function parseTrustProxy(value: string | undefined): AuthConfig['trustProxy'] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

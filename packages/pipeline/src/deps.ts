import type { CompiledChecklist } from '@onterms/analysis';
import type { AnalysisResult, CallType, Language, Transcript } from '@onterms/contracts';
import type { Database } from '@onterms/db';
import type { Media, probeAndDeriveCopies } from '@onterms/media';
import type { BlobStore } from '@onterms/storage';
import type { TranscriptionEngine } from '@onterms/transcription/engine';
import type { Kysely } from 'kysely';

/** The part of `@onterms/storage`'s BlobStore the pipeline uses (ffmpeg needs local files). */
export type PipelineStore = Pick<BlobStore, 'exists' | 'put' | 'withLocalFile'>;

/**
 * What the pipeline runs ffmpeg for: the recording's check and its derived files, from one decode
 * (`probe` alone serves the demo loader, which describes its shared recordings).
 */
export interface PipelineMedia extends Pick<Media, 'probe'> {
  probeAndDeriveCopies: typeof probeAndDeriveCopies;
}

/** pino-compatible: structured fields first, then the message. */
export interface Logger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

/** `checklist`: the company's published checklist for the call type, compiled; absent: the default. */
export type Analyze = (
  transcript: Transcript,
  callType: CallType,
  checklist?: CompiledChecklist,
) => AnalysisResult | Promise<AnalysisResult>;

/** Everything processCall touches, injected: the service itself reads no config and opens nothing. */
export interface ProcessCallDeps {
  db: Kysely<Database>;
  store: PipelineStore;
  media: PipelineMedia;
  /** null: no speech-to-text engine configured (calls without an uploaded transcript wait). */
  engine: TranscriptionEngine | null;
  analyze: Analyze;
  /** The words the speech-to-text engine should expect (the checklist's vocabulary), per call. */
  vocabulary?: (callType: CallType, language: Language | null) => string[];
  log: Logger;
  /** COMPANY_TIME_ZONE: the day of a call (from which a promise's "tomorrow" counts) is the company's. */
  timeZone: string;
  /** Scratch space for ffmpeg outputs before they go to the store; default: the OS temp dir. */
  tmpDir?: string;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

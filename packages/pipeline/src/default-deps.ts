import { analyzeTranscript } from '@onterms/analysis';
import type { SttConfig } from '@onterms/config';
import type { Media } from '@onterms/media';
import { createTranscriptionEngine } from '@onterms/transcription/factory';
import type { Analyze, ProcessCallDeps } from './deps.ts';

export interface DefaultDepsOptions extends Pick<ProcessCallDeps, 'db' | 'store' | 'log'> {
  media: Media;
  /** `config.stt`; omitted or engine null: no speech-to-text — calls without an uploaded transcript wait. */
  stt?: SttConfig;
}

/**
 * The production wiring of processCall's dependencies, shared by `npm run worker` and the API's
 * embedded runner.
 */
export function createDefaultDeps(options: DefaultDepsOptions): ProcessCallDeps {
  const analyze: Analyze = (transcript, callType) => analyzeTranscript(transcript, callType);
  const engine = options.stt ? createTranscriptionEngine(options.stt, options.media) : null;
  return { db: options.db, store: options.store, media: options.media, log: options.log, engine, analyze };
}

import { analyzeTranscript } from '@onterms/analysis';
import type { Config } from '@onterms/config';
import type { Analyze, ProcessCallDeps } from './deps.ts';

export interface DefaultDepsOptions extends Pick<ProcessCallDeps, 'db' | 'store' | 'media' | 'log'> {
  analysisLlm?: Config['analysisLlm'];
}

/**
 * The production wiring of processCall's dependencies, shared by `npm run worker` and the API's
 * embedded runner. No speech-to-text engine yet (a later issue): calls without an uploaded transcript wait.
 */
export function createDefaultDeps(options: DefaultDepsOptions): ProcessCallDeps {
  const analyze: Analyze = (transcript, callType) => analyzeTranscript(transcript, callType);
  return { db: options.db, store: options.store, media: options.media, log: options.log, engine: null, analyze };
}

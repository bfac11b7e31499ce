import { checklistVocabulary } from '@onterms/analysis';
import { createAnalyzeCall } from '@onterms/analysis/llm-review';
import type { Config, SttConfig } from '@onterms/config';
import { probeAndDeriveCopies, type Media } from '@onterms/media';
import { createTranscriptionEngine } from '@onterms/transcription/factory';
import type { ProcessCallDeps } from './deps.ts';

export interface DefaultDepsOptions extends Pick<ProcessCallDeps, 'db' | 'store' | 'log' | 'timeZone'> {
  media: Media;
  /** `config.stt`; omitted or engine null: no speech-to-text — calls without an uploaded transcript wait. */
  stt?: SttConfig;
  /** `config.analysisLlm`; set: the rules engine's verdict is reviewed by that model. */
  analysisLlm?: Config['analysisLlm'];
}

/**
 * The production wiring of processCall's dependencies, shared by `npm run worker` and the API's
 * embedded runner.
 */
export function createDefaultDeps(options: DefaultDepsOptions): ProcessCallDeps {
  const engine = options.stt ? createTranscriptionEngine(options.stt, options.media) : null;
  return {
    db: options.db,
    store: options.store,
    // The check and the derived files come from ffprobe and one ffmpeg run (probeAndDeriveCopies)
    // rather than probe() and three single-purpose encodes; it runs the binaries `options.media`
    // was created with (fluent-ffmpeg's paths are process-wide).
    media: { probe: options.media.probe, probeAndDeriveCopies },
    log: options.log,
    timeZone: options.timeZone,
    engine,
    analyze: createAnalyzeCall(options.analysisLlm ?? null, (error, model) =>
      options.log.warn({ err: error.message, model }, 'LLM review failed; storing the rules verdict'),
    ),
    vocabulary: checklistVocabulary,
  };
}

import { analyzeTranscript, checklistVocabulary } from '@onterms/analysis';
import { reviewWithLlm } from '@onterms/analysis/llm/review';
import type { Config, SttConfig } from '@onterms/config';
import type { Media } from '@onterms/media';
import { createTranscriptionEngine } from '@onterms/transcription/factory';
import type { Analyze, Logger, ProcessCallDeps } from './deps.ts';

export interface DefaultDepsOptions extends Pick<ProcessCallDeps, 'db' | 'store' | 'log'> {
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
    media: options.media,
    log: options.log,
    engine,
    analyze: createAnalyze(options.analysisLlm ?? null, options.log),
    vocabulary: checklistVocabulary,
  };
}

/**
 * Rules engine, then (when configured) the LLM review. An LLM failure does not fail the call: the
 * rules verdict is stored (its `llm_model` is null, so it is recognisably rules-only and a later
 * re-analysis can add the review).
 */
function createAnalyze(llm: Config['analysisLlm'], log: Logger): Analyze {
  if (!llm) return (transcript, callType, checklist) => analyzeTranscript(transcript, checklist ?? callType);
  const options = {
    model: llm.model,
    ...(llm.apiKey && { apiKey: llm.apiKey }),
    ...(llm.baseURL && { baseURL: llm.baseURL }),
  };
  return async (transcript, callType, checklist) => {
    const rules = analyzeTranscript(transcript, checklist ?? callType);
    try {
      return await reviewWithLlm(transcript, rules, options);
    } catch (error) {
      log.warn(
        { err: (error as Error).message, model: llm.model },
        'LLM review failed; storing the rules verdict',
      );
      return rules;
    }
  };
}

import type { AnalysisResult, CallType, Transcript } from '@onterms/contracts';
import { analyzeTranscript } from '../engine/analyze.ts';
import type { CompiledChecklist } from '../checklist/compile.ts';
import { reviewWithLlm, type LlmOptions } from './review.ts';

/** `config.analysisLlm` (packages/config): the only place the LLM settings are read from the environment. */
export interface AnalysisLlmSettings {
  model: string;
  apiKey: string | null;
  baseURL: string | null;
}

/** `checklist`: the company's published checklist for the call type, compiled; absent: the default. */
export type AnalyzeCall = (
  transcript: Transcript,
  callType?: CallType,
  checklist?: CompiledChecklist,
) => Promise<AnalysisResult>;

/**
 * Rules engine, then (when configured) the LLM review — the one way OnTerms combines the two, used by
 * the pipeline and by `onterms analyze`. An LLM failure does not lose the verdict: the rules verdict is
 * returned (its `engine.llmModel` is null, so it is recognisably rules-only and a later re-analysis can
 * add the review), and `onReviewFailed` is told why.
 */
export function createAnalyzeCall(
  llm: AnalysisLlmSettings | null,
  onReviewFailed: (error: Error, model: string) => void = () => {},
): AnalyzeCall {
  if (!llm)
    return async (transcript, callType, checklist) => analyzeTranscript(transcript, checklist ?? callType);
  const options: LlmOptions = {
    model: llm.model,
    ...(llm.apiKey && { apiKey: llm.apiKey }),
    ...(llm.baseURL && { baseURL: llm.baseURL }),
  };
  return async (transcript, callType, checklist) => {
    const rules = analyzeTranscript(transcript, checklist ?? callType);
    try {
      return await reviewWithLlm(transcript, rules, options);
    } catch (error) {
      onReviewFailed(error instanceof Error ? error : new Error(String(error)), llm.model);
      return rules;
    }
  };
}

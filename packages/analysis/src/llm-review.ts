// Subpath `@onterms/analysis/llm-review`: the optional LLM second stage (does network I/O).
export { reviewWithLlm, reviewSchema, type LlmOptions } from './llm/review.ts';
export { createAnalyzeCall, type AnalysisLlmSettings, type AnalyzeCall } from './llm/analyze-call.ts';

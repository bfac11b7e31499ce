// Subpath `@onterms/analysis/llm-review`: the optional LLM second stage (does network I/O).
export { reviewWithLlm, llmConfigFromEnv, reviewSchema, type LlmOptions } from './llm/review.ts';

import { readFile } from 'node:fs/promises';
import { analyzeTranscript, toFlagsView } from '@onterms/analysis';
import { reviewWithLlm, llmConfigFromEnv } from '@onterms/analysis/llm-review';
import { readTranscriptFile } from '@onterms/transcription';
import type { Io } from '../main.ts';

/**
 * `onterms analyze FILE...`: one JSON line per file on stdout; a bad file gets a one-line error on
 * stderr naming it, the others are still analysed, and the exit code is 2. With
 * ANALYSIS_LLM_MODEL (+ OPENAI_API_KEY / OPENAI_BASE_URL) set, the LLM second stage reviews.
 */
export async function analyzeCommand(files: string[], io: Io): Promise<number> {
  if (files.length === 0) {
    io.err('usage: onterms analyze FILE...');
    return 2;
  }
  const llm = llmConfigFromEnv(io.env);
  let failed = false;
  for (const file of files) {
    try {
      let content: string;
      try {
        content = await readFile(file, 'utf8');
      } catch (e) {
        throw new Error(`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
          cause: e,
        });
      }
      const { transcript, callType } = readTranscriptFile(file, content);
      let result = analyzeTranscript(transcript, callType);
      if (llm) result = await reviewWithLlm(transcript, result, llm);
      io.out(JSON.stringify({ file, ...toFlagsView(result) }));
    } catch (e) {
      failed = true;
      io.err(`${file}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return failed ? 2 : 0;
}

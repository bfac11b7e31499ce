import { readFile } from 'node:fs/promises';
import { toFlagsView } from '@onterms/analysis';
import { createAnalyzeCall } from '@onterms/analysis/llm-review';
import { ConfigError, loadConfig } from '@onterms/config';
import { readTranscriptFile } from '@onterms/transcription';
import type { Io } from '../main.ts';

/**
 * `onterms analyze FILE...`: one JSON line per file on stdout; a bad file gets a one-line error on
 * stderr naming it, the others are still analysed, and the exit code is 2. With
 * ANALYSIS_LLM_MODEL (+ OPENAI_API_KEY / OPENAI_BASE_URL) set, the LLM second stage reviews — the
 * same combination as the pipeline: when the model cannot answer, the rules verdict is printed (its
 * `engine.llmModel` is null) and a warning goes to stderr.
 */
export async function analyzeCommand(files: string[], io: Io): Promise<number> {
  if (files.length === 0) {
    io.err('usage: onterms analyze FILE...');
    return 2;
  }
  let llm;
  try {
    llm = loadConfig(io.env).analysisLlm;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(e.message);
    return 2;
  }
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
      const analyze = createAnalyzeCall(llm, (error, model) =>
        io.err(
          `${file}: LLM review by ${model} failed, rules verdict printed: ${error.message.split('\n')[0]}`,
        ),
      );
      const result = await analyze(transcript, callType);
      io.out(JSON.stringify({ file, ...toFlagsView(result) }));
    } catch (e) {
      failed = true;
      io.err(`${file}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return failed ? 2 : 0;
}

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkPolicy, parsePolicy, toFlagsView } from '@onterms/analysis';
import { createAnalyzeCall } from '@onterms/analysis/llm-review';
import { loadConfigOrReport } from '@onterms/config';
import type { CreditPolicy } from '@onterms/contracts';
import { readTranscriptFile } from '@onterms/transcription';
import type { Io } from '../main.ts';

export const ANALYZE_USAGE = 'usage: onterms analyze [--policy policy.json [--segment ID]] FILE...';

/** Reads the policy file; a bad one is one line naming the file and the JSON path. */
async function readPolicy(file: string): Promise<CreditPolicy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      cause: e,
    });
  }
  try {
    return parsePolicy(text);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
}

/**
 * `onterms analyze [--policy policy.json [--segment ID]] FILE...`: one JSON line per file on stdout;
 * a bad file gets a one-line error on stderr naming it, the others are still analysed, and the exit
 * code is 2. With `--policy`, each line has `policy: {id, version, segment, findings}` — the call
 * checked against that segment (default: the policy's `defaultSegment`); a bad policy file stops
 * everything with exit 2. With ANALYSIS_LLM_MODEL (+ OPENAI_API_KEY / OPENAI_BASE_URL) set, the LLM
 * second stage reviews — the same combination as the pipeline: when the model cannot answer, the
 * rules verdict is printed (its `engine.llmModel` is null) and a warning goes to stderr.
 */
export async function analyzeCommand(args: string[], io: Io): Promise<number> {
  let files: string[];
  let options: { policy?: string; segment?: string };
  try {
    const parsed = parseArgs({
      args,
      options: { policy: { type: 'string' }, segment: { type: 'string' } },
      allowPositionals: true,
    });
    files = parsed.positionals;
    options = parsed.values;
  } catch (e) {
    io.err(`${(e as Error).message.split('\n')[0]}\n${ANALYZE_USAGE}`);
    return 2;
  }
  if (files.length === 0 || (options.segment && !options.policy)) {
    io.err(ANALYZE_USAGE);
    return 2;
  }
  const config = loadConfigOrReport(io.env, io.err);
  if (!config) return 2;
  const llm = config.analysisLlm;
  let policy: CreditPolicy | undefined;
  if (options.policy) {
    try {
      policy = await readPolicy(options.policy);
    } catch (e) {
      io.err((e as Error).message);
      return 2;
    }
    if (options.segment && !policy.segments.some((s) => s.id === options.segment)) {
      io.err(
        `--segment ${options.segment}: no such segment in ${options.policy} (${policy.segments.map((s) => s.id).join(', ')})`,
      );
      return 2;
    }
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
      if (!policy) {
        io.out(JSON.stringify({ file, ...toFlagsView(result) }));
        continue;
      }
      const check = checkPolicy(result, policy, options.segment);
      io.out(
        JSON.stringify({
          file,
          ...toFlagsView(result),
          policy: { id: check.id, version: check.version, segment: check.segment, findings: check.findings },
        }),
      );
    } catch (e) {
      failed = true;
      io.err(`${file}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return failed ? 2 : 0;
}

import OpenAI from 'openai';
import type { AnalysisResult, Moment, Transcript } from '@onterms/contracts';

/** How to reach the model; from `config.analysisLlm` (packages/config), through createAnalyzeCall. */
export interface LlmOptions {
  model: string;
  apiKey?: string;
  baseURL?: string;
  /** Request timeout in ms (default 60 s). */
  timeoutMs?: number;
}

const verdict = (key: 'stated' | 'present') => ({
  type: 'object',
  additionalProperties: false,
  required: [key, 'segments'],
  properties: { [key]: { type: 'boolean' }, segments: { type: 'array', items: { type: 'integer' } } },
});

export function reviewSchema(flags: string[]) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['flags', 'deflection'],
    properties: {
      flags: {
        type: 'object',
        additionalProperties: false,
        required: flags,
        properties: Object.fromEntries(flags.map((f) => [f, verdict('stated')])),
      },
      deflection: verdict('present'),
    },
  };
}

const SYSTEM = `You review a B2B sales call transcript for credit terms. For each flag decide whether the seller side STATES it, and list the zero-based indexes of the segments that state it.
payment_terms: how the client pays (deferral, prepayment share, payment on delivery, instalments, credit limit).
deadline: when payment is due (a date, weekday, or period with a clear start); not delivery dates, not vague timing.
sanctions: what the seller will do on late payment (penalty, interest, suspension of shipments, switch to prepayment, credit hold, legal claim, collection); not waivers, not other suppliers, not threats by the client.
A question states nothing. A client statement counts only if the rep confirms it in the rep's next turn (then list both). With unknown speakers anyone's statement counts.
deflection: the client raises payment and the rep avoids a concrete answer; list the rep's evasive segments; never in calls without speaker labels.
Candidates from a rules engine are given; confirm or reject them and add any they missed. Use only segment indexes that exist.`;

/**
 * Second stage: an OpenAI-compatible chat model confirms or rejects the rules engine's candidate
 * moments and may add missed ones. The model must cite existing segment indexes; anything else is
 * discarded. Values read by the rules engine are kept on moments the model keeps.
 */
export async function reviewWithLlm(
  transcript: Transcript,
  rules: AnalysisResult,
  opts: LlmOptions,
  client?: OpenAI,
): Promise<AnalysisResult> {
  const openai =
    client ??
    new OpenAI({
      apiKey: opts.apiKey ?? 'none',
      ...(opts.baseURL ? { baseURL: opts.baseURL } : {}),
      timeout: opts.timeoutMs ?? 60_000,
      maxRetries: 1,
    });
  const flags = Object.keys(rules.flags);
  const candidates = {
    flags: Object.fromEntries(flags.map((f) => [f, rules.flags[f]!.moments.map((m) => m.segment)])),
    deflection: rules.deflection.moments.map((m) => m.segment),
  };
  const lines = transcript.segments.map((s, i) => `[${i}] ${s.speaker}: ${s.text}`).join('\n');
  const res = await openai.chat.completions.create({
    model: opts.model,
    temperature: 0,
    messages: [
      { role: 'system', content: SYSTEM },
      {
        role: 'user',
        content: `Language: ${transcript.language}\nTranscript:\n${lines}\n\nCandidates: ${JSON.stringify(candidates)}`,
      },
    ],
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'terms_review', strict: true, schema: reviewSchema(flags) },
    },
  });
  const text = res.choices[0]?.message?.content;
  if (!text) throw new Error('LLM review: empty answer');
  const answer = JSON.parse(text) as {
    flags?: Record<string, { stated?: boolean; segments?: unknown[] }>;
    deflection?: { present?: boolean; segments?: unknown[] };
  };
  const n = transcript.segments.length;
  const valid = (xs: unknown[] | undefined) =>
    [
      ...new Set(
        (xs ?? []).filter((x): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) < n),
      ),
    ].sort((a, b) => a - b);
  const toMoments = (segs: number[], old: Moment[]): Moment[] =>
    segs.map((i) => {
      const had = old.find((m) => m.segment === i);
      if (had) return had;
      const s = transcript.segments[i]!;
      return { segment: i, start: s.start, end: s.end, speaker: s.speaker, quote: s.text };
    });
  const out: AnalysisResult = { ...rules, engine: { ...rules.engine, llmModel: opts.model }, flags: {} };
  for (const f of flags) {
    const v = answer.flags?.[f];
    const segs = v?.stated ? valid(v.segments) : [];
    const moments = toMoments(segs, rules.flags[f]!.moments);
    out.flags[f] = { stated: moments.length > 0, moments };
  }
  const mono = transcript.segments.every((s) => s.speaker === 'unknown');
  const dsegs =
    answer.deflection?.present && !mono
      ? valid(answer.deflection.segments).filter((i) => transcript.segments[i]!.speaker === 'rep')
      : [];
  const dm = toMoments(dsegs, rules.deflection.moments);
  out.deflection = { present: dm.length > 0, moments: dm };
  return out;
}

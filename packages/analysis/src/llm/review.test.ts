import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from '@onterms/contracts';
import { analyzeTranscript } from '../index.ts';
import { createAnalyzeCall, reviewWithLlm } from '../llm-review.ts';

// An OpenAI-compatible chat endpoint on loopback that records requests and replies with `answer`.
let server: Server;
let baseURL: string;
let answer: unknown;
const requests: { path: string; body: Record<string, unknown>; auth?: string }[] = [];

async function body(req: IncomingMessage): Promise<string> {
  let s = '';
  for await (const chunk of req) s += chunk;
  return s;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    requests.push({
      path: req.url ?? '',
      body: JSON.parse(await body(req)),
      auth: req.headers.authorization,
    });
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 0,
        model: 'test-model',
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: { role: 'assistant', content: JSON.stringify(answer) },
          },
        ],
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const transcript: Transcript = {
  language: 'en',
  segments: [
    { start: 0, end: 3, speaker: 'client', text: 'What are your terms?' },
    { start: 3, end: 6, speaker: 'rep', text: 'Net 30 from the invoice date.' },
    { start: 6, end: 9, speaker: 'rep', text: 'If it runs late, our finance people will be in touch.' },
  ],
};

describe('LLM review stage', () => {
  it('sends the model and a json_schema response format, and keeps only existing segment indexes', async () => {
    answer = {
      flags: {
        payment_terms: { stated: true, segments: [1, 7, -1] },
        deadline: { stated: true, segments: [1] },
        sanctions: { stated: true, segments: [2, 99] },
      },
      deflection: { present: true, segments: [42] },
    };
    const rules = analyzeTranscript(transcript);
    const r = await reviewWithLlm(transcript, rules, { model: 'test-model', apiKey: 'k-test', baseURL });
    const req = requests.at(-1)!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.auth).toBe('Bearer k-test');
    expect(req.body.model).toBe('test-model');
    const rf = req.body.response_format as {
      type: string;
      json_schema: { strict: boolean; schema: { required: string[] } };
    };
    expect(rf.type).toBe('json_schema');
    expect(rf.json_schema.strict).toBe(true);
    expect(rf.json_schema.schema.required).toEqual(['flags', 'deflection']);
    expect(r.engine.llmModel).toBe('test-model');
    expect(r.flags.payment_terms!.moments.map((m) => m.segment)).toEqual([1]);
    // the model added a moment the rules missed; it gets the segment's time and quote
    expect(r.flags.sanctions!.moments).toEqual([
      { segment: 2, start: 6, end: 9, speaker: 'rep', quote: transcript.segments[2]!.text },
    ]);
    // only invalid indexes: nothing left, so not present
    expect(r.deflection).toEqual({ present: false, moments: [] });
    // values read by the rules engine survive on moments the model keeps
    expect(r.flags.deadline!.moments[0]!.values?.deferralDays).toBe(30);
  });

  it('lets the model reject a candidate', async () => {
    answer = {
      flags: {
        payment_terms: { stated: false, segments: [] },
        deadline: { stated: false, segments: [1] },
        sanctions: { stated: false, segments: [] },
      },
      deflection: { present: false, segments: [] },
    };
    const r = await reviewWithLlm(transcript, analyzeTranscript(transcript), {
      model: 'test-model',
      baseURL,
    });
    expect(r.flags.payment_terms).toEqual({ stated: false, moments: [] });
    expect(r.flags.deadline).toEqual({ stated: false, moments: [] });
  });

  it('rules then review, as the pipeline and the CLI both run them', async () => {
    answer = {
      flags: {
        payment_terms: { stated: true, segments: [1] },
        deadline: { stated: false, segments: [] },
        sanctions: { stated: false, segments: [] },
      },
      deflection: { present: false, segments: [] },
    };
    const analyze = createAnalyzeCall({ model: 'test-model', apiKey: null, baseURL });
    const r = await analyze(transcript, 'credit_negotiation');
    expect(r.engine.llmModel).toBe('test-model');
    expect(r.flags.payment_terms?.stated).toBe(true);
  });

  it('keeps the rules verdict, marked rules-only, when the model cannot be reached', async () => {
    const failures: string[] = [];
    const analyze = createAnalyzeCall(
      { model: 'test-model', apiKey: null, baseURL: 'http://127.0.0.1:9/v1' },
      (error, model) => failures.push(`${model}: ${error.message}`),
    );
    const r = await analyze(transcript, 'credit_negotiation');
    expect(r).toEqual(analyzeTranscript(transcript, 'credit_negotiation'));
    expect(r.engine.llmModel).toBeNull();
    expect(failures).toEqual([expect.stringMatching(/^test-model: /)]);
  });

  it('without a model is the rules engine alone', async () => {
    const r = await createAnalyzeCall(null)(transcript, 'credit_negotiation');
    expect(r).toEqual(analyzeTranscript(transcript, 'credit_negotiation'));
  });
});

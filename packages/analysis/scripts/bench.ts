// npm run bench:analysis — throughput of the rules engine on one core, and one 60-minute call.
// Figures are printed next to a baseline measured in the same run (a plain lower-case and split
// over the same text), so a slow machine shows as a slow baseline too. Nothing is asserted.
// `--against DIR` also loads the engine of another checkout (e.g. /work/main) and times both on the
// same calls, alternating run by run, best of N: on a shared machine the best run is the one least
// disturbed by other work, and alternating gives both the same disturbance.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Segment, Transcript } from '@onterms/contracts';
import { analyzeTranscript } from '../src/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
// The dev set lives outside the repository. It is taken from `--dev DIR` or ANALYSIS_DEV_SET, else
// from the first `shared/eval/dev` found walking up from this script — so the main checkout and
// any worktree under it (/work/wt/NAME) measure the same calls.
const USAGE = 'usage: npm run bench:analysis -- [--dev DIR] [--against OTHER_CHECKOUT] [--runs N]';
const { values: args } = (() => {
  try {
    return parseArgs({
      options: {
        dev: { type: 'string' },
        against: { type: 'string' },
        runs: { type: 'string', default: '60' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // an unknown option is a usage line, not a stack trace
    console.error(`${(error as Error).message.split('.')[0]}.\n${USAGE}`);
    process.exit(2);
  }
})();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
function findDevSet(): string | undefined {
  for (let d = here; ; d = dirname(d)) {
    const candidate = join(d, 'shared/eval/dev');
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}
const devSet = args.dev ?? process.env.ANALYSIS_DEV_SET ?? findDevSet();
if ((args.dev ?? process.env.ANALYSIS_DEV_SET) && !existsSync(devSet!)) {
  console.error(`no dev set at ${devSet}: pass --dev DIR or ANALYSIS_DEV_SET (a folder of calls)`);
  process.exit(2);
}
const dirs = [join(here, '../fixtures'), ...(devSet ? [resolve(devSet)] : [])].filter(existsSync);
const calls: (Transcript & { callType?: string })[] = dirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(d, f), 'utf8'))),
);

// A 60-minute call: ~9,000 words, built by repeating real segments of one language.
function longCall(language: 'ru' | 'en', words = 9000): Transcript {
  const pool = calls.filter((c) => c.language === language).flatMap((c) => c.segments);
  const segments: Segment[] = [];
  let n = 0;
  let t = 0;
  for (let i = 0; n < words; i++) {
    const s = pool[i % pool.length]!;
    segments.push({ ...s, start: t, end: t + 4 });
    t += 4;
    n += s.text.split(/\s+/).length;
  }
  return { language, segments };
}

const bytes = (ts: Transcript[]) =>
  ts.reduce((a, c) => a + c.segments.reduce((b, s) => b + Buffer.byteLength(s.text), 0), 0);
function time(fn: () => void, minMs = 1500): number {
  fn(); // warm-up: JIT and stem caches, as in a long-running worker
  let runs = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    fn();
    runs++;
  }
  return (performance.now() - t0) / runs;
}

const corpus = calls.map((c) => ({ language: c.language, segments: c.segments }));
const mb = bytes(corpus) / 1e6;
const msCorpus = time(() => corpus.forEach((c) => analyzeTranscript(c)));
const msBaseline = time(() =>
  corpus.forEach((c) => c.segments.forEach((s) => s.text.toLowerCase().split(/[^\p{L}\p{N}]+/u))),
);
console.log(`corpus: ${corpus.length} calls, ${(mb * 1000).toFixed(1)} kB of text (${dirs.join(', ')})`);
console.log(
  `rules engine: ${(mb / (msCorpus / 1000)).toFixed(2)} MB/s, ${(corpus.length / (msCorpus / 1000)).toFixed(0)} calls/s (one core)`,
);
console.log(
  `baseline (lower-case + split): ${(mb / (msBaseline / 1000)).toFixed(1)} MB/s — engine is ${(msCorpus / msBaseline).toFixed(1)}× the baseline's time`,
);
for (const lang of ['ru', 'en'] as const) {
  const c = longCall(lang);
  const ms = time(() => analyzeTranscript(c));
  const kb = bytes([c]) / 1000;
  console.log(
    `60-minute call (${lang}, ${c.segments.length} segments, ~9,000 words, ${kb.toFixed(0)} kB): ${ms.toFixed(2)} ms = ${(kb / ms).toFixed(2)} MB/s`,
  );
}

if (args.against) {
  const other = resolve(args.against);
  const theirs = (await import(join(other, 'packages/analysis/src/index.ts')))
    .analyzeTranscript as typeof analyzeTranscript;
  const runs = Number(args.runs);
  const jobs: [string, number, (f: typeof analyzeTranscript) => void][] = [
    ['corpus', mb * 1000, (f) => corpus.forEach((c) => f(c))],
    ...(['ru', 'en'] as const).map((lang): [string, number, (f: typeof analyzeTranscript) => void] => {
      const c = longCall(lang);
      return [`60-minute ${lang}`, bytes([c]) / 1000, (f) => f(c)];
    }),
  ];
  console.log(`best of ${runs} alternating runs, this checkout vs ${other}:`);
  for (const [name, kb, job] of jobs) {
    const best = [Infinity, Infinity];
    for (let i = 0; i < runs; i++)
      for (const k of i % 2 ? [1, 0] : [0, 1]) {
        const t0 = performance.now();
        job(k === 0 ? analyzeTranscript : theirs);
        best[k] = Math.min(best[k]!, performance.now() - t0);
      }
    const [ours, base] = best as [number, number];
    console.log(
      `  ${name}: ${ours.toFixed(2)} ms (${(kb / ours).toFixed(2)} MB/s) vs ${base.toFixed(2)} ms (${(kb / base).toFixed(2)} MB/s) — ${(ours / base).toFixed(3)}× its time`,
    );
  }
}

// npm run eval -- DIR [--min-f1 0.95] [--min-deflection-f1 0.85] [--min-moments 0.9] [--errors]
// Scores the rules engine on a labelled directory (corpus format), next to the keyword-tracker
// baseline, and exits 1 when a gate is missed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnalysisResult, Transcript } from '@onterms/contracts';
import { analyzeTranscript } from '../src/index.ts';
import { keywordTracker } from '../src/eval/baseline.ts';
import { PromiseScorer, type PromiseTruth } from '../src/eval/score-promises.ts';
import { EVAL_FLAGS, Scorer, score, type Labels } from '../src/eval/score.ts';
import { VALUE_TYPES, ValueScorer, type ValueTruth } from '../src/eval/score-values.ts';
import { Reliability } from '../src/eval/reliability.ts';

const USAGE = 'usage: npm run eval -- DIR [--min-f1 X] [--min-deflection-f1 X] [--min-moments X] [--errors]';
const usage = (code: number): never => {
  (code ? console.error : console.log)(USAGE);
  process.exit(code);
};
// an unknown option is a usage line, not a stack trace
const args = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        'min-f1': { type: 'string' },
        'min-deflection-f1': { type: 'string' },
        'min-moments': { type: 'string' },
        errors: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error((error as Error).message.split('.')[0] + '.');
    return usage(2);
  }
})();
const { values, positionals } = args;
if (values.help) usage(0);
const dir = positionals[0] ?? usage(2);

const ours = new Scorer();
const valueScore = new ValueScorer();
const promiseScore = new PromiseScorer();
const base = new Scorer();
const reliability = new Reliability();
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
for (const f of files) {
  const doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Transcript & {
    id?: string;
    callType?: string;
    labels: Labels;
    values?: ValueTruth;
    promises?: PromiseTruth[];
  };
  const id = doc.id ?? f;
  const r: AnalysisResult = analyzeTranscript(
    { language: doc.language, segments: doc.segments },
    doc.callType === 'collection' ? 'collection' : 'credit_negotiation',
  );
  ours.add(id, doc.labels, r);
  valueScore.add(id, doc.values, r);
  promiseScore.add(id, doc.promises, r);
  reliability.add(doc.labels, r);
  base.add(id, doc.labels, keywordTracker(doc) as unknown as AnalysisResult);
}

const pct = (x: number) => x.toFixed(3);
console.log(`${files.length} calls in ${dir}`);
console.log(
  `${'flag'.padEnd(15)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   keyword tracker F1`,
);
const f1s: Record<string, number> = {};
for (const flag of [...EVAL_FLAGS, 'deflection']) {
  const c = ours.calls[flag];
  const b = base.calls[flag];
  if (!c || !b) continue;
  const s = score(c);
  f1s[flag] = s.f1;
  console.log(
    `${flag.padEnd(15)} ${pct(s.precision).padStart(6)} ${pct(s.recall).padStart(6)} ${pct(s.f1).padStart(6)}   ${pct(score(b).f1)}`,
  );
}
console.log(
  `labelled moments found: ${ours.momentsFound}/${ours.momentsLabelled} = ${(100 * ours.momentShare).toFixed(1)}%   (keyword tracker ${(100 * base.momentShare).toFixed(1)}%)`,
);
if (valueScore.calls) {
  console.log(`values read out (${valueScore.calls} calls with value truth):`);
  console.log(`  ${'type'.padEnd(20)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   tp/fp/fn`);
  const row = (name: string, c: { tp: number; fp: number; fn: number }) => {
    const s = score({ ...c, tn: 0 });
    console.log(
      `  ${name.padEnd(20)} ${pct(s.precision).padStart(6)} ${pct(s.recall).padStart(6)} ${pct(s.f1).padStart(6)}   ${c.tp}/${c.fp}/${c.fn}`,
    );
  };
  for (const t of VALUE_TYPES) row(t, valueScore.counts[t]);
  row('all values', valueScore.total);
}
console.log('confidence reliability (every flag and deflection verdict):');
console.log(`  ${'bin'.padEnd(11)} ${'n'.padStart(5)} ${'predicted'.padStart(10)} ${'observed'.padStart(9)}`);
for (const b of reliability.bins())
  console.log(
    `  ${`${b.from.toFixed(1)}–${b.to.toFixed(1)}`.padEnd(11)} ${String(b.n).padStart(5)} ${pct(b.predicted).padStart(10)} ${pct(b.observed).padStart(9)}`,
  );
if (promiseScore.calls) {
  const s = score({ ...promiseScore.counts, tn: 0 });
  const c = promiseScore.counts;
  const m = promiseScore.withMoments;
  const sm = score({ ...m, tn: 0 });
  const seg = promiseScore.segments;
  console.log(
    `promises to pay (${promiseScore.calls} calls with promise truth): P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)}   ${c.tp}/${c.fp}/${c.fn}`,
  );
  console.log(
    `  …and in a labelled moment: P ${pct(sm.precision)} R ${pct(sm.recall)} F1 ${pct(sm.f1)}   ${m.tp}/${m.fp}/${m.fn}   labelled segments found ${seg.found}/${seg.labelled}`,
  );
}
if (values.errors)
  for (const e of [...ours.errors, ...valueScore.errors, ...promiseScore.errors]) console.log('  ' + e);

const failures: string[] = [];
const minF1 = values['min-f1'] ? Number(values['min-f1']) : null;
const minDef = values['min-deflection-f1'] ? Number(values['min-deflection-f1']) : null;
const minMom = values['min-moments'] ? Number(values['min-moments']) : null;
if (minF1 !== null)
  for (const f of EVAL_FLAGS)
    if ((f1s[f] ?? 0) < minF1) failures.push(`${f} F1 ${pct(f1s[f] ?? 0)} < ${minF1}`);
if (minDef !== null && (f1s.deflection ?? 0) < minDef)
  failures.push(`deflection F1 ${pct(f1s.deflection ?? 0)} < ${minDef}`);
if (minMom !== null && ours.momentShare < minMom)
  failures.push(`moments found ${pct(ours.momentShare)} < ${minMom}`);
if (failures.length) {
  console.error('GATE FAILED: ' + failures.join('; '));
  process.exit(1);
}

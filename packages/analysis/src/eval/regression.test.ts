import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, Transcript } from '@onterms/contracts';
import { analyzeTranscript } from '../index.ts';
import { EVAL_FLAGS, Scorer, score, type Labels } from './score.ts';
import { PromiseScorer, type PromiseTruth } from './score-promises.ts';
import { ValueScorer, type ValueTruth } from './score-values.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../../../..');
interface Gate {
  dir: string;
  /** Per-flag F1 floor (payment_terms, deadline, sanctions). */
  f1: Record<(typeof EVAL_FLAGS)[number], number>;
  deflection: number;
  moments: number;
}
const flat = (f1: number, deflection: number, moments: number, dir: string): Gate => ({
  dir,
  f1: { payment_terms: f1, deadline: f1, sanctions: f1 },
  deflection,
  moments,
});
// The issue-14 corpora (first seen, then tuned on; corpus/README.md): each gate is the figure reached
// minus a small margin (0.02 F1, 2 points of moments), so a regression shows and none passes by luck.
const measured = (
  dir: string,
  payment_terms: number,
  deadline: number,
  sanctions: number,
  deflection: number,
  moments: number,
): Gate => ({
  dir: join(here, '../../corpus', dir),
  f1: { payment_terms: payment_terms - 0.02, deadline: deadline - 0.02, sanctions: sanctions - 0.02 },
  deflection: deflection - 0.02,
  moments: moments - 0.02,
});

// Our own fixtures and the older held-out corpora keep the targets (F1 ≥ 0.95, deflection ≥ 0.85,
// moments ≥ 90 %); the shared dev sample too when this checkout has it.
const gates: Gate[] = [
  ...[
    join(here, '../../fixtures'),
    join(here, '../../corpus/holdout-1'),
    join(here, '../../corpus/holdout-2'),
    join(here, '../../corpus/holdout-3'),
    join(here, '../../corpus/holdout-4'),
    join(here, '../../corpus/holdout-5'),
    join(repo, '../shared/eval/dev'),
  ].map((d) => flat(0.95, 0.85, 0.9, d)),
  // (rules-1.7.0: split statements and prepayment as a consequence raised asr-noise moments, near-miss
  // sanctions and moments, long-meander moments; rules-1.8.0: accepted promises as deadlines, `paidFor`
  // and standing periods raised deadline and moments on five sets and payment terms on stop 19's two;
  // merged with rules-1.8.1's values pass (promise search on calls that open on a debt); rules-1.9.0: no
  // prepayment asked, read-backs with a tag, period anchors raised near-miss terms, deadline and moments;
  // rules-1.10.0: leftOpen and quotesTerm raised deflection on underwriter and holdout-1, our rule's
  // scope, «единственное что» and the client's current supplier raised holdout-1's sanctions;
  // rules-1.10.1: accepted promises read by round 11 raised near-miss and collection moments;
  // rules-1.10.2: `dateTakenUp` raised moments on four sets, no verdict moved; rules-1.12.1: `dodgedAgain`,
  // `periodStartSaid`, `cutTail` and anchored periods in `dateTakenUp` raised moments on nine sets, no verdict moved;
  // rules-1.13.0-amoments3: `nextPart` and `dodgeGoesOn` raised moments on fifteen sets, no verdict moved;
  // rules-1.13.0 (round 14, aflags5): `valueTakenUp`, credit-period questions and `supplyStops` raised terms,
  // deadline, sanctions and moments on fourteen sets, no figure lowered — gates raised to the figures reached)
  measured('asr-noise', 0.963, 0.935, 0.962, 0.971, 0.88),
  measured('near-miss', 0.871, 0.909, 0.902, 0.974, 0.795),
  measured('long-meander', 0.944, 0.972, 0.971, 0.933, 0.843),
  measured('collection', 0.889, 1.0, 0.961, 0.824, 0.873),
  // stop 19's two sets, gated at what rules-1.9.1 reaches on them (first seen by rules-1.6.0)
  measured('urals-metal', 0.971, 0.985, 0.955, 1.0, 0.911),
  measured('underwriter', 0.929, 0.955, 0.974, 0.889, 0.929),
  // stop 20's two sets, scored once unseen by rules-1.7.0 and once by rules-1.9.1 (no rule was written
  // from them), then added here at what rules-1.9.1 reaches: seen from now on
  measured('fmcg-trainer', 0.884, 0.808, 0.857, 0.947, 0.842),
  measured('contact-centre', 0.9, 0.857, 0.93, 0.947, 0.822),
  // stop 21's four sets, scored once unseen by rules-1.9.1 and once by rules-1.11.2 (no rule was written
  // from them), then added here at what rules-1.11.2 reaches: seen from now on (rules-1.12.0: dodges
  // without the stock words, `answersOtherItem`, `earlyPaymentDiscount` raised deflection on all four,
  // deadline on tender-buyers and fmcg-trainer, and moments; «на стоп», "account on stop" and
  // `missedDate` raised sanctions, and collection's payment terms; a penalty tied to a base rate and
  // «лимит закрываем» raised sanctions on central-asia and tender-buyers, asr-noise's terms)
  measured('central-asia', 0.957, 0.873, 0.973, 0.933, 0.816),
  measured('ar-jargon', 0.909, 0.857, 0.87, 1.0, 0.866),
  measured('tender-buyers', 0.9, 0.933, 0.952, 0.8, 0.846),
  measured('horeca', 0.889, 0.947, 1.0, 1.0, 0.804),
  // stop 22's four sets, scored once unseen by rules-1.11.2 and once by rules-1.12.1 (no rule was written
  // from them), then added here at what rules-1.12.1 reaches: seen from now on
  measured('agri-south', 0.944, 0.885, 0.952, 0.909, 0.873),
  measured('it-distribution', 1.0, 0.951, 0.93, 0.769, 0.881),
  measured('auto-parts', 0.765, 0.78, 0.938, 0.667, 0.688),
  measured('pharma-formal', 0.938, 0.816, 0.884, 0.909, 0.824),
  // stop 23's five sets, scored once unseen by rules-1.12.1 and once by rules-1.13.0 (no rule was written
  // from them), then added here at what rules-1.13.0 reaches: seen from now on
  measured('packaging-meetings', 0.913, 0.821, 0.905, 0.857, 0.848),
  measured('fuel-fleet', 0.936, 0.943, 0.909, 0.8, 0.765),
  measured('novice-reps', 0.96, 0.966, 0.977, 0.667, 0.804),
  measured('voice-notes', 0.979, 0.9, 0.957, 0.842, 0.927),
  // (rules-1.13.2: "OA N days" read as a credit period, after its first-seen scoring — seen)
  measured('export-electronics', 0.872, 0.923, 0.889, 0.933, 0.789),
  // the shared holdout-1 (issue 14's set A, developed on since rules-1.6.0), when this checkout has it
  // (rules-1.11.1: «на N днях», "amount", `demandedDate` and «не включаем» raised deadline, sanctions,
  // deflection and moments)
  { ...measured('', 0.97, 0.985, 0.985, 0.97, 0.931), dir: join(repo, '../shared/eval/holdout-1') },
].filter((g) => existsSync(g.dir));

type CorpusCall = Transcript & {
  callType?: string;
  labels: Labels;
  values?: ValueTruth;
  promises?: PromiseTruth[];
  id?: string;
};

/** Every call of a corpus folder, analysed with the checklist of its call type. */
function forEachCall(
  dir: string,
  visit: (id: string, doc: CorpusCall, result: AnalysisResult) => void,
): void {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CorpusCall;
    const type = doc.callType === 'collection' ? 'collection' : 'credit_negotiation';
    visit(doc.id ?? f, doc, analyzeTranscript({ language: doc.language, segments: doc.segments }, type));
  }
}

describe.each(gates)('accuracy on $dir', (gate) => {
  it('keeps F1 per flag, deflection F1 and the share of labelled moments found at their floor', () => {
    const dir = gate.dir;
    const s = new Scorer();
    forEachCall(dir, (id, doc, result) => s.add(id, doc.labels, result));
    for (const flag of EVAL_FLAGS)
      expect.soft(score(s.calls[flag]!).f1, flag).toBeGreaterThanOrEqual(gate.f1[flag]);
    expect.soft(score(s.calls.deflection!).f1, 'deflection').toBeGreaterThanOrEqual(gate.deflection);
    expect(s.momentShare, s.errors.join('\n')).toBeGreaterThanOrEqual(gate.moments);
  });
});

// rules-1.8.1: what is read out of a call (all value types together), gated per corpus with value
// truth at the F1 reached minus 0.02 (rules-1.9.1: the merged flags and values passes); rules-1.10.1:
// the promises to pay too (precision/recall on deadline and amount), same margin; rules-1.12.0
// (avalues4): periods from a signed transfer document, limits changed and credit periods without a unit
// raised tender-buyers, collection, ar-jargon, contact-centre, fmcg-trainer and near-miss; everyday forms of a
// promise (street sums, «закроемся», a payment order, «в конце месяца») raised the promise F1 of horeca and
// urals-metal; English "we pay … tomorrow" those of fmcg-trainer, underwriter and central-asia; rules-1.13.0
// (avalues5, round 14): promises read across turns and credit periods answered raised asr-noise, central-asia,
// agri-south, auto-parts, long-meander, urals-metal and contact-centre, and values of horeca, ar-jargon and others
const readOutGates: [string, number, number][] = [
  ['asr-noise', 0.922, 0.914],
  ['collection', 0.87, 0.841],
  ['long-meander', 0.925, 0.895],
  ['near-miss', 0.78, 0.727],
  ['urals-metal', 0.892, 0.667],
  ['underwriter', 0.862, 0.743],
  ['fmcg-trainer', 0.754, 0.71],
  ['contact-centre', 0.828, 0.783],
  ['central-asia', 0.851, 0.867],
  ['ar-jargon', 0.813, 0.737],
  ['tender-buyers', 0.798, 0.783],
  ['horeca', 0.909, 0.848],
  ['agri-south', 0.83, 0.714],
  ['it-distribution', 0.765, 0.718],
  ['auto-parts', 0.69, 0.643],
  ['pharma-formal', 0.78, 0.783],
  // stop 23's five sets, at what rules-1.13.0 reaches (first seen by rules-1.12.1)
  ['packaging-meetings', 0.939, 0.85],
  ['fuel-fleet', 0.845, 0.667],
  ['novice-reps', 0.83, 0.645],
  ['voice-notes', 0.826, 0.688],
  ['export-electronics', 0.809, 0.903],
];

const f1Of = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => (2 * tp) / (2 * tp + fp + fn);

describe.each(readOutGates)('values and promises read out of %s', (dir, valueF1, promiseF1) => {
  it('keeps the value F1 and the promise F1 at their floors', () => {
    const values = new ValueScorer();
    const promises = new PromiseScorer();
    forEachCall(join(here, '../../corpus', dir), (id, doc, result) => {
      values.add(id, doc.values, result);
      promises.add(id, doc.promises, result);
    });
    expect.soft(f1Of(values.total), values.errors.join('\n')).toBeGreaterThanOrEqual(valueF1 - 0.02);
    expect.soft(f1Of(promises.counts), promises.errors.join('\n')).toBeGreaterThanOrEqual(promiseF1 - 0.02);
  });
});

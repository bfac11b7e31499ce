import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '@onterms/contracts';
import { analyzeTranscript } from '../index.ts';
import { EVAL_FLAGS, Scorer, score, type Labels } from './score.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../../../..');
// Our own hand-written fixtures and the three independent held-out corpora (corpus/README.md) always;
// the shared dev sample too when this checkout has it.
const dirs = [
  join(here, '../../fixtures'),
  join(here, '../../corpus/holdout-1'),
  join(here, '../../corpus/holdout-2'),
  join(here, '../../corpus/holdout-3'),
  join(here, '../../corpus/holdout-4'),
  join(here, '../../corpus/holdout-5'),
  join(repo, '../shared/eval/dev'),
].filter((d) => existsSync(d));

describe.each(dirs)('accuracy on %s', (dir) => {
  it('keeps F1 ≥ 0.95 per flag, ≥ 0.85 for deflection, and finds ≥ 90% of labelled moments', () => {
    const s = new Scorer();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Transcript & {
        callType?: string;
        labels: Labels;
        id?: string;
      };
      s.add(
        doc.id ?? f,
        doc.labels,
        analyzeTranscript(
          { language: doc.language, segments: doc.segments },
          doc.callType === 'collection' ? 'collection' : 'credit_negotiation',
        ),
      );
    }
    for (const flag of EVAL_FLAGS) expect.soft(score(s.calls[flag]!).f1, flag).toBeGreaterThanOrEqual(0.95);
    expect.soft(score(s.calls.deflection!).f1, 'deflection').toBeGreaterThanOrEqual(0.85);
    expect(s.momentShare, s.errors.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});

import type { Token } from '../language/tokens.ts';
import { type Lexicon, type Match, type Pattern, matchAt } from './pattern.ts';

/**
 * Many patterns scanned together: an inverted index from the terms a pattern can start with to
 * the pattern, so a clause is scanned once instead of once per pattern.
 */
export class PatternSet<M> {
  private byTerm = new Map<number, number[]>();
  private bySpecial: number[] = [];
  readonly patterns: Pattern[] = [];
  readonly meta: M[] = [];

  constructor(private lex: Lexicon) {}

  add(p: Pattern, meta: M): void {
    const idx = this.patterns.length;
    this.patterns.push(p);
    this.meta.push(meta);
    // A pattern can start at its first slot, or at the next ones when the first are optional.
    for (const slot of p.slots) {
      for (const t of slot.terms) {
        const a = this.byTerm.get(t);
        if (a) a.push(idx);
        else this.byTerm.set(t, [idx]);
      }
      if (slot.specials.length) this.bySpecial.push(idx);
      if (!slot.optional) break;
    }
  }

  get size(): number {
    return this.patterns.length;
  }

  /** Calls `cb` for every (non-overlapping per pattern) match in the clause. */
  scan(toks: Token[], ids: Int32Array[], cb: (patternIndex: number, m: Match) => void): void {
    const nextFree = new Map<number, number>();
    const tried = new Set<number>();
    for (let i = 0; i < toks.length; i++) {
      tried.clear();
      const tid = ids[i]!;
      const tok = toks[i]!;
      const tryP = (pi: number) => {
        if (tried.has(pi)) return;
        tried.add(pi);
        if ((nextFree.get(pi) ?? 0) > i) return;
        const m = matchAt(this.patterns[pi]!, toks, ids, i, this.lex);
        if (m) {
          nextFree.set(pi, m.end);
          cb(pi, m);
        }
      };
      for (let k = 0; k < tid.length; k++) {
        const id = tid[k]! >= 0 ? tid[k]! : -tid[k]! - 1;
        const ps = this.byTerm.get(id);
        if (ps) for (const pi of ps) tryP(pi);
      }
      if (tok.num !== undefined || tok.weekday !== undefined || tok.month !== undefined) for (const pi of this.bySpecial) tryP(pi);
    }
  }

  /** True when any pattern matches anywhere in the clause. */
  test(toks: Token[], ids: Int32Array[]): boolean {
    let found = false;
    this.scan(toks, ids, () => {
      found = true;
    });
    return found;
  }

  /** Token index of the first match, or -1. */
  firstAt(toks: Token[], ids: Int32Array[]): number {
    let at = -1;
    this.scan(toks, ids, (_p, m) => {
      if (at < 0 || m.start < at) at = m.start;
    });
    return at;
  }
}

import type { Token } from '../language/tokens.ts';
import { type Lexicon, type Match, type Pattern, matchAt } from './pattern.ts';

// `test` needs no closure per call (closures in hot paths are costly under tsx's keepNames).
let hit = false;
const stopAtFirst = (): boolean => (hit = true);

/**
 * Many patterns scanned together: an inverted index from the terms a pattern can start with to
 * the pattern, so a clause is scanned once instead of once per pattern.
 */
export class PatternSet<M> {
  // indexed by term id (a dense array: cheaper than a Map lookup per token and term)
  private byTerm: (number[] | undefined)[] = [];
  private bySpecial: number[] = [];
  /**
   * 1 for a pattern that can never start at a token reached only through a one-edit term id: it takes
   * no fuzzy matches and has no placeholder (<num>, <date> …) it could match instead. Trying it there
   * always fails, so the scan skips it (the same matches, in the same order).
   */
  private exactOnly: Uint8Array = new Uint8Array(0);
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
        const a = this.byTerm[t];
        if (a) a.push(idx);
        else {
          while (this.byTerm.length < t) this.byTerm.push(undefined);
          this.byTerm[t] = [idx];
        }
      }
      if (slot.specials.length) this.bySpecial.push(idx);
      if (!slot.optional) break;
    }
    const exactOnly = new Uint8Array(idx + 1);
    exactOnly.set(this.exactOnly);
    exactOnly[idx] = !p.fuzzy && this.bySpecial[this.bySpecial.length - 1] !== idx ? 1 : 0;
    this.exactOnly = exactOnly;
  }

  get size(): number {
    return this.patterns.length;
  }

  // Per-scan bookkeeping without allocation: a pattern is tried at most once per token, and not
  // again inside its own previous match. Generation stamps avoid clearing arrays between scans.
  private gen = 0;
  private triedTok = new Int32Array(0);
  private triedGen = new Int32Array(0);
  private freeFrom = new Int32Array(0);
  private freeGen = new Int32Array(0);

  private prepare(): void {
    const n = this.patterns.length;
    if (this.triedTok.length !== n || this.gen > 1 << 30) {
      this.triedTok = new Int32Array(n);
      this.triedGen = new Int32Array(n);
      this.freeFrom = new Int32Array(n);
      this.freeGen = new Int32Array(n);
      this.gen = 0;
    }
    this.gen++;
  }

  /** Calls `cb` for every (non-overlapping per pattern) match in the clause; stops early if `cb` returns true. */
  scan(toks: Token[], ids: Int32Array[], cb: (patternIndex: number, m: Match) => boolean | void): void {
    if (this.patterns.length === 0) return;
    this.prepare();
    const gen = this.gen;
    for (let i = 0; i < toks.length; i++) {
      const tid = ids[i]!;
      const tok = toks[i]!;
      for (let k = 0; k <= tid.length; k++) {
        let ps: number[] | undefined;
        let fuzzyId = false;
        if (k < tid.length) {
          fuzzyId = tid[k]! < 0;
          const id = fuzzyId ? -tid[k]! - 1 : tid[k]!;
          ps = this.byTerm[id];
        } else if (tok.num !== undefined || tok.weekday !== undefined || tok.month !== undefined)
          ps = this.bySpecial;
        if (!ps) continue;
        for (let q = 0; q < ps.length; q++) {
          const pi = ps[q]!;
          if (fuzzyId && this.exactOnly[pi] === 1) continue;
          if (this.triedGen[pi] === gen && this.triedTok[pi] === i) continue;
          this.triedGen[pi] = gen;
          this.triedTok[pi] = i;
          if (this.freeGen[pi] === gen && this.freeFrom[pi]! > i) continue;
          const m = matchAt(this.patterns[pi]!, toks, ids, i, this.lex);
          if (m) {
            this.freeGen[pi] = gen;
            this.freeFrom[pi] = m.end;
            if (cb(pi, m) === true) return;
          }
        }
      }
    }
  }

  /** True when any pattern matches anywhere in the clause. */
  test(toks: Token[], ids: Int32Array[]): boolean {
    hit = false;
    this.scan(toks, ids, stopAtFirst);
    return hit;
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

import type { Token } from '../language/tokens.ts';
import { type Lexicon, type Match, type Pattern, type Special, matchAt } from './pattern.ts';

// `test` needs no closure per call (closures in hot paths are costly under tsx's keepNames).
let hit = false;
const stopAtFirst = (): boolean => (hit = true);

// One bit per placeholder: the ones a pattern can start with, and the ones a token can stand for.
const PLACEHOLDER_BIT: Record<Special, number> = {
  num: 1,
  pct: 2,
  amount: 4,
  date: 8,
  weekday: 16,
  month: 32,
};

/** The placeholders `tok` can match (the same tests as the pattern matcher's, as bits). */
function placeholderBits(tok: Token): number {
  let bits = 0;
  if (tok.num !== undefined) {
    if (!tok.ordinal) bits |= PLACEHOLDER_BIT.num;
    if (tok.percent === true) bits |= PLACEHOLDER_BIT.pct;
    if ((tok.amount === true || tok.num >= 1000) && !tok.percent) bits |= PLACEHOLDER_BIT.amount;
    if (tok.dayForm === true && tok.num >= 1 && tok.num <= 31) bits |= PLACEHOLDER_BIT.date;
  }
  if (tok.weekday !== undefined) bits |= PLACEHOLDER_BIT.weekday | PLACEHOLDER_BIT.date;
  if (tok.month !== undefined) bits |= PLACEHOLDER_BIT.month;
  return bits;
}

/**
 * The term ids said in one clause (exact or one-edit), as generation stamps indexed by term id.
 * A clause is scanned by several sets in a row (markers, cues, questions, a cue's `notWith`), so
 * the stamps of the last clause's `ids` are kept and reused.
 */
let saidIn: Int32Array[] | null = null;
let said = new Int32Array(1024);
let saidGen = 0;
function stampSaid(ids: Int32Array[]): void {
  if (ids === saidIn) return;
  saidIn = ids;
  if (++saidGen > 1 << 30) {
    said.fill(0);
    saidGen = 1;
  }
  for (let i = 0; i < ids.length; i++) {
    const tid = ids[i]!;
    for (let k = 0; k < tid.length; k++) {
      const id = tid[k]! < 0 ? -tid[k]! - 1 : tid[k]!;
      if (id >= said.length) {
        const grown = new Int32Array(Math.max(id + 1, said.length * 2));
        grown.set(said);
        said = grown;
      }
      said[id] = saidGen;
    }
  }
}

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
  /** The placeholders a pattern can start with (bits): tried at a number only if it can be one of them. */
  private startBits: number[] = [];
  /**
   * For each pattern, the word slots every match must fill (required, no placeholder), but the
   * first: a pattern none of whose words for one of them is said in the clause cannot match there.
   */
  private mustSay: Int32Array[][] = [];
  /** 1 for a one-word pattern: reached through an exact term id of its word, it matches that token. */
  private oneWord: number[] = [];
  readonly patterns: Pattern[] = [];
  readonly meta: M[] = [];

  constructor(private lex: Lexicon) {}

  add(p: Pattern, meta: M): void {
    const idx = this.patterns.length;
    this.patterns.push(p);
    this.meta.push(meta);
    // A pattern can start at its first slot, or at the next ones when the first are optional.
    let bits = 0;
    for (const slot of p.slots) {
      for (const sp of slot.specials) bits |= PLACEHOLDER_BIT[sp];
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
    this.startBits.push(bits);
    this.oneWord.push(p.slots.length === 1 ? 1 : 0);
    // (fewest words first: the slot most often missing is the cheapest to check)
    this.mustSay.push(
      p.slots
        .filter((slot, k) => k > 0 && !slot.optional && !slot.specials.length)
        .map((slot) => slot.termList)
        .sort((a, b) => a.length - b.length),
    );
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
  /** Per pattern and scan: 1 when its words are said in the clause, 2 when not (0 = not yet known). */
  private canGen = new Int32Array(0);
  private can = new Uint8Array(0);

  private prepare(): void {
    const n = this.patterns.length;
    if (this.triedTok.length !== n || this.gen > 1 << 30) {
      this.triedTok = new Int32Array(n);
      this.triedGen = new Int32Array(n);
      this.freeFrom = new Int32Array(n);
      this.freeGen = new Int32Array(n);
      this.canGen = new Int32Array(n);
      this.can = new Uint8Array(n);
      this.gen = 0;
    }
    this.gen++;
  }

  /** Are the words of every word slot of pattern `pi` but the first said in the clause? (cached per scan) */
  private wordsSaid(pi: number, gen: number): boolean {
    if (this.canGen[pi] === gen) return this.can[pi] === 1;
    this.canGen[pi] = gen;
    const slots = this.mustSay[pi]!;
    for (let s = 0; s < slots.length; s++) {
      const terms = slots[s]!;
      let any = false;
      for (let k = 0; k < terms.length && !any; k++) any = said[terms[k]!] === saidGen;
      if (!any) {
        this.can[pi] = 2;
        return false;
      }
    }
    this.can[pi] = 1;
    return true;
  }

  /** Calls `cb` for every (non-overlapping per pattern) match in the clause; stops early if `cb` returns true. */
  scan(toks: Token[], ids: Int32Array[], cb: (patternIndex: number, m: Match) => boolean | void): void {
    if (this.patterns.length === 0) return;
    this.prepare();
    stampSaid(ids);
    const gen = this.gen;
    for (let i = 0; i < toks.length; i++) {
      const tid = ids[i]!;
      const tok = toks[i]!;
      let bits = -1;
      for (let k = 0; k <= tid.length; k++) {
        let ps: number[] | undefined;
        let fuzzyId = false;
        if (k < tid.length) {
          fuzzyId = tid[k]! < 0;
          const id = fuzzyId ? -tid[k]! - 1 : tid[k]!;
          ps = this.byTerm[id];
        } else if (tok.num !== undefined || tok.weekday !== undefined || tok.month !== undefined) {
          ps = this.bySpecial;
          bits = placeholderBits(tok);
        }
        if (!ps) continue;
        for (let q = 0; q < ps.length; q++) {
          const pi = ps[q]!;
          if (fuzzyId && this.exactOnly[pi] === 1) continue;
          if (this.triedGen[pi] === gen && this.triedTok[pi] === i) continue;
          // (reached through a placeholder: a pattern whose start words the token lacks — else the
          // term index brought it here first — starts here only as a placeholder it can fill)
          if (bits !== -1 && (this.startBits[pi]! & bits) === 0) continue;
          if (!this.wordsSaid(pi, gen)) continue;
          this.triedGen[pi] = gen;
          this.triedTok[pi] = i;
          if (this.freeGen[pi] === gen && this.freeFrom[pi]! > i) continue;
          const m =
            k < tid.length && !fuzzyId && this.oneWord[pi] === 1
              ? { start: i, end: i + 1 }
              : matchAt(this.patterns[pi]!, toks, ids, i, this.lex);
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

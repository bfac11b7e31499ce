import type { Language } from '@onterms/contracts';
import type { Token } from '../language/tokens.ts';
import { notStemOf, stem } from '../language/stem.ts';

/**
 * Token patterns. A pattern is compiled once per checklist into slots of term ids; tokens are
 * mapped to term ids once per distinct word form (cached), so matching a clause is integer work.
 */
export type Special = 'num' | 'pct' | 'amount' | 'date' | 'weekday' | 'month';
const SPECIALS = new Set<Special>(['num', 'pct', 'amount', 'date', 'weekday', 'month']);

export interface Slot {
  terms: Set<number>;
  /** The same terms as a small array: a linear scan of a few ints beats a Set lookup (hot path). */
  termList: Int32Array;
  specials: Special[];
  optional: boolean;
}
export interface Pattern {
  source: string;
  slots: Slot[];
  gap: number;
  /** Accept one-edit mis-hearings of long words. Off for grammar markers ("there" is not "where"). */
  fuzzy: boolean;
}
interface Term {
  id: number;
  prefix: boolean;
  value: string;
}

export class PatternError extends Error {}

/** The vocabulary of one language: every term of every pattern, and the word → terms cache. */
export class Lexicon {
  readonly language: Language;
  private terms: Term[] = [];
  private byStem = new Map<string, number>();
  private byPrefix = new Map<string, number>();
  private fuzzy = new Map<string, number[]>();
  private cache = new Map<string, Int32Array>();

  constructor(language: Language) {
    this.language = language;
  }

  term(word: string): number {
    const prefix = word.endsWith('*');
    const value = prefix
      ? word.slice(0, -1).replace(/ё/g, 'е')
      : stem(word.replace(/ё/g, 'е'), this.language);
    const map = prefix ? this.byPrefix : this.byStem;
    let id = map.get(value);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push({ id, prefix, value });
      map.set(value, id);
      this.cache.clear();
      // One-edit neighbourhood for mis-heard words («отсочку», "feet"): deletions of the stem.
      // (prefix terms are already open-ended; a fuzzy prefix would match too much: «част*» ~ «час»)
      if (!prefix && value.length >= 3) {
        push(this.fuzzy, value, id);
        for (const d of deletions(value)) push(this.fuzzy, d, id);
      }
    }
    return id;
  }

  termLength(id: number): number {
    return this.terms[id]!.value.length;
  }

  /** Term ids of a token: exact ones as is, one-edit (fuzzy) ones as `-(id + 1)`. */
  termsOf(tok: Token): Int32Array {
    if (tok.stem === '#') return EMPTY;
    const key = tok.text;
    let hit = this.cache.get(key);
    if (hit) return hit;
    const ids: number[] = [];
    const exact = this.byStem.get(tok.stem);
    if (exact !== undefined) ids.push(exact);
    // «долго» is no «долг*»: a misread word takes no prefix term as short as the stem it is not
    const notStem = notStemOf(key, this.language);
    for (let n = notStem ? notStem.length + 1 : 2; n <= key.length; n++) {
      const p = this.byPrefix.get(key.slice(0, n));
      if (p !== undefined) ids.push(p);
    }
    if (exact === undefined && tok.stem.length >= 3) {
      const seen = new Set<number>();
      // the token is the term with a letter missing («отсочку») or added ("feet", "free")
      for (const id of this.fuzzy.get(tok.stem) ?? []) seen.add(id);
      for (const d of deletions(tok.stem)) {
        const e = this.byStem.get(d);
        if (e !== undefined) seen.add(e);
        // one letter changed: only for long words, short real words collide ("count" ≠ "court")
        for (const id of this.fuzzy.get(d) ?? []) if (this.terms[id]!.value.length >= 6) seen.add(id);
      }
      for (const id of seen) ids.push(-(id + 1));
    }
    hit = Int32Array.from(ids);
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(key, hit);
    return hit;
  }
}

const EMPTY = new Int32Array(0);
function push(m: Map<string, number[]>, k: string, v: number) {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}
function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

export function compilePattern(source: string, lex: Lexicon, gap = 2, fuzzy = true): Pattern {
  const parts = source.trim().split(/\s+/);
  const slots: Slot[] = parts.map((part) => {
    let p = part;
    let optional = false;
    if (p.endsWith('?') && p.length > 1) {
      optional = true;
      p = p.slice(0, -1);
    }
    const slot: Slot = { terms: new Set(), termList: EMPTY, specials: [], optional };
    for (const alt of p.split('|')) {
      if (!alt) throw new PatternError(`empty alternative in «${part}»`);
      const sp = /^<([a-z]+)>$/.exec(alt);
      if (sp) {
        if (!SPECIALS.has(sp[1] as Special))
          throw new PatternError(
            `unknown placeholder <${sp[1]}> (expected one of ${[...SPECIALS].map((s) => `<${s}>`).join(' ')})`,
          );
        slot.specials.push(sp[1] as Special);
      } else if (/^[\p{L}\d'-]+\*?$/u.test(alt)) {
        slot.terms.add(lex.term(alt.toLowerCase()));
      } else throw new PatternError(`bad word «${alt}»`);
    }
    slot.termList = Int32Array.from(slot.terms);
    return slot;
  });
  if (slots.length === 0 || slots.every((s) => s.optional))
    throw new PatternError('a pattern needs at least one required word');
  return { source, slots, gap, fuzzy };
}

function specialOk(tok: Token, sp: Special): boolean {
  switch (sp) {
    case 'num':
      return tok.num !== undefined && !tok.ordinal;
    case 'pct':
      return tok.num !== undefined && tok.percent === true;
    case 'amount':
      return tok.num !== undefined && (tok.amount === true || tok.num >= 1000) && !tok.percent;
    case 'weekday':
      return tok.weekday !== undefined;
    case 'month':
      return tok.month !== undefined;
    case 'date':
      return (tok.dayForm === true && tok.num! >= 1 && tok.num! <= 31) || tok.weekday !== undefined;
  }
}

function hasTerm(slot: Slot, id: number): boolean {
  const list = slot.termList;
  if (list.length > 16) return slot.terms.has(id);
  for (let k = 0; k < list.length; k++) if (list[k] === id) return true;
  return false;
}

export function slotMatches(
  slot: Slot,
  tok: Token,
  ids: Int32Array,
  first: boolean,
  lex: Lexicon,
  fuzzy = true,
): boolean {
  const specials = slot.specials;
  for (let k = 0; k < specials.length; k++) if (specialOk(tok, specials[k]!)) return true;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    if (id >= 0) {
      if (hasTerm(slot, id)) return true;
    } else if (fuzzy) {
      const t = -id - 1;
      // Fuzzy matches only for long words, or inside a phrase whose first word matched exactly.
      // A first word also needs a long token: a short common word one letter off a cue word
      // ("free" ~ "freeze", "line" ~ "lien") is itself, not a mis-hearing.
      if (
        hasTerm(slot, t) &&
        ((lex.termLength(t) >= 5 && tok.stem.length >= 5) || (!first && lex.termLength(t) >= 3))
      )
        return true;
    }
  }
  return false;
}

export interface Match {
  start: number;
  end: number; // exclusive
}

function matchFrom(
  p: Pattern,
  toks: Token[],
  ids: Int32Array[],
  lex: Lexicon,
  si: number,
  pos: number,
  first: boolean,
): number {
  if (si === p.slots.length) return pos;
  const slot = p.slots[si]!;
  const maxPos = first ? pos : Math.min(toks.length - 1, pos + p.gap);
  for (let q = pos; q <= maxPos && q < toks.length; q++) {
    if (slotMatches(slot, toks[q]!, ids[q]!, si === 0, lex, p.fuzzy)) {
      const r = matchFrom(p, toks, ids, lex, si + 1, q + 1, false);
      if (r >= 0) return r;
    }
  }
  if (slot.optional) return matchFrom(p, toks, ids, lex, si + 1, pos, first);
  return -1;
}

/** The match of `p` that starts at token `start`, if any. `ids[i]` are the term ids of `toks[i]`. */
export function matchAt(
  p: Pattern,
  toks: Token[],
  ids: Int32Array[],
  start: number,
  lex: Lexicon,
): Match | null {
  const end = matchFrom(p, toks, ids, lex, 0, start, true);
  return end >= 0 ? { start, end } : null;
}

export function findAll(p: Pattern, toks: Token[], ids: Int32Array[], lex: Lexicon): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < toks.length; i++) {
    const m = matchAt(p, toks, ids, i, lex);
    if (m) {
      out.push(m);
      i = m.end - 1;
    }
  }
  return out;
}

export function anyMatch(ps: Pattern[], toks: Token[], ids: Int32Array[], lex: Lexicon): boolean {
  for (const p of ps) for (let i = 0; i < toks.length; i++) if (matchAt(p, toks, ids, i, lex)) return true;
  return false;
}

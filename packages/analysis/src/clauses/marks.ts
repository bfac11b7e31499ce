import type { Markers } from '../language/markers.ts';
import type { Match } from '../patterns/pattern.ts';
import type { Token } from '../language/tokens.ts';
import type { PatternSet } from '../patterns/pattern-set.ts';

export type MarkCategory = keyof Markers | 'evasion' | 'waiver';

const NONE: readonly Match[] = [];

/**
 * Every grammar marker of a clause, found in one scan of all marker patterns together (a clause
 * used to be scanned once per marker list; this is the engine's hot path).
 */
export class Marks {
  private by = new Map<MarkCategory, Match[]>();

  constructor(set: PatternSet<MarkCategory>, toks: Token[], ids: Int32Array[]) {
    set.scan(toks, ids, (pi, m) => {
      const cat = set.meta[pi]!;
      const a = this.by.get(cat);
      if (a) a.push(m);
      else this.by.set(cat, [m]);
    });
  }

  /** Removes the matches of `cat` that `pred` rejects (a «если» inside «если что»). */
  keep(cat: MarkCategory, pred: (m: Match) => boolean): void {
    const a = this.by.get(cat);
    if (a) this.by.set(cat, a.filter(pred));
  }

  all(cat: MarkCategory): readonly Match[] {
    return this.by.get(cat) ?? NONE;
  }

  /** Any match starting at or after `from`. */
  has(cat: MarkCategory, from = 0): boolean {
    // (plain loops, not some/find: no closure allocated per call on this hot path)
    const a = this.by.get(cat);
    if (a) for (let k = 0; k < a.length; k++) if (a[k]!.start >= from) return true;
    return false;
  }

  /** Start of the first match at or after `from`, or -1. */
  first(cat: MarkCategory, from = 0): number {
    let at = -1;
    for (const m of this.all(cat)) if (m.start >= from && (at < 0 || m.start < at)) at = m.start;
    return at;
  }

  /** A match that starts exactly at `pos`, or undefined. */
  at(cat: MarkCategory, pos: number): Match | undefined {
    const a = this.by.get(cat);
    if (a) for (let k = 0; k < a.length; k++) if (a[k]!.start === pos) return a[k];
    return undefined;
  }
}

import type { ReadClause } from './read.ts';
import type { LanguageRules } from '../checklist/compile.ts';
import type { Match } from '../patterns/pattern.ts';

function isMarker(set: LanguageRules['markers']['negators'], c: ReadClause, i: number): boolean {
  return set.test(c.tokens.slice(i, i + 1), c.ids.slice(i, i + 1));
}

/**
 * Is the cue at `m` negated? A negator up to three words before it («без штрафов», «никаких пени»,
 * "no late fees", "we don't charge late fees") or right after it («пени не начисляем», «штрафов
 * нет»), within the same comma-delimited stretch. A «не» inside a condition («если денег не будет,
 * …», "if it's not in by Friday") belongs to the condition, not to the cue.
 */
export function isNegated(r: LanguageRules, c: ReadClause, m: Match): boolean {
  const toks = c.tokens;
  const cond = r.markers.conditionals;
  for (let k = m.start - 1, d = 1; k >= 0 && d <= 3; k--, d++) {
    if (toks[k + 1]!.sep) break;
    if (isMarker(r.markers.negators, c, k)) {
      let conditional = false;
      for (let j = Math.max(0, k - 4); j < k; j++) if (isMarker(cond, c, j)) conditional = true;
      if (!conditional) return true;
    }
  }
  for (let k = m.end, d = 1; k < toks.length && d <= 3; k++, d++) {
    if (toks[k]!.sep) break;
    if (isMarker(cond, c, k)) break;
    if (isMarker(r.markers.negators, c, k)) return true;
  }
  return false;
}

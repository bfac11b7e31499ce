import type { Language } from '@onterms/contracts';
import type { ReadClause } from '../clauses/read.ts';
import { LANGUAGE_DATA } from '../language/language-data.ts';
import type { Match } from '../patterns/pattern.ts';

// how far the stop word may stand from what it stops («поставки на паузу», «блок отгрузок на ваши РЦ»,
// "put the second lot on hold"), and the «не» of the verb after the next supply («следующую машину
// логистика не выпустит»)
const STOP_REACH = 3;
const VERB_REACH = 3;
// how far before what is supplied «следующая», "next" may stand («следующая крупная партия»)
const NEXT_REACH = 2;

/**
 * Rule `supplyStops` (rules-1.13.0): the supply stopped, in any words — something supplied (marker
 * `supplied`), or the account it is supplied on (`suppliedAccount`), with a word that stops it beside it
 * («доставку приостанавливаем», «блок отгрузок», "the second lot on hold", "the account's on stop"), or
 * the next supply with a negated verb after it («следующая машина не едет», «следующую машину логистика
 * не выпустит», "next truck is not going"). Where the clause is read as the consequence of late payment
 * (the cue needs arrears talk, like the checklist's suspension cues), this is a suspension — the class
 * those cue lists name one wording at a time. A stop denied («отгрузки не остановим», "not on hold") is
 * not one. Returns the span, or null.
 */
export function supplyStopAt(c: ReadClause, lang: Language): Match | null {
  const supplied = c.marks.all('supplied');
  const accounts = c.marks.all('suppliedAccount');
  // most clauses name nothing supplied: the marks were found in the clause's one scan
  if (!supplied.length && !accounts.length) return null;
  const d = LANGUAGE_DATA[lang];
  const toks = c.tokens;
  const text = (j: number) => (j >= 0 && j < toks.length ? toks[j]!.text : '');
  const negatorAt = (j: number) => d.verbNegators.test(text(j));
  const stopAt = (j: number) =>
    d.supplyStops.test(text(j)) && (!d.supplyStates.test(text(j)) || d.stateOn.test(text(j - 1)));
  const stopNear = (i: number): Match | null => {
    for (let j = Math.max(0, i - STOP_REACH); j <= Math.min(toks.length - 1, i + STOP_REACH); j++)
      if (j !== i && stopAt(j) && !negatorAt(j - 1) && !negatorAt(j - 2) && !negatorAt(j - 3))
        return { start: Math.min(i, j), end: Math.max(i, j) + 1 };
    return null;
  };
  for (const { start: i } of accounts) {
    const m = stopNear(i);
    if (m) return m;
  }
  for (const { start: i } of supplied) {
    const m = stopNear(i);
    if (m) return m;
    let next = false;
    for (let j = Math.max(0, i - NEXT_REACH); j < i; j++) if (d.nextSupply.test(toks[j]!.text)) next = true;
    if (!next) continue;
    for (let j = i + 1; j <= Math.min(toks.length - 2, i + VERB_REACH); j++)
      if (negatorAt(j) && !stopAt(j + 1) && !stopAt(j + 2) && !stopAt(j + 3)) return { start: i, end: j + 2 };
  }
  return null;
}

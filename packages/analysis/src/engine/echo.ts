import type { Language } from '@onterms/contracts';
import type { ReadClause } from '../clauses/read.ts';
import { nearestTopic, topicWords } from '../clauses/topic.ts';
import { isNegated } from '../clauses/negation.ts';
import { LANGUAGE_DATA, daysPerUnit } from '../language/language-data.ts';
import type { Token } from '../language/tokens.ts';
import type { Hit } from './read-call.ts';

/**
 * Repeats and read-backs: «так, записываю: тридцать дней, лимит восемьсот тысяч», "okay got it,
 * twenty one days, eighty k". A value said again soon after a cue stated it (the same number of
 * days, the same amount, the same percentage) restates that item, even without the cue word.
 */

/** How many segments back a value can be echoed. */
export const ECHO_WINDOW = 6;

export interface Stated {
  sig: string;
  item: number;
  kind: string;
  segment: number;
}

function dayUnit(t: Token | undefined, lang: Language): number {
  return t ? daysPerUnit(t.text, lang) : 0;
}

/** The value a number token names with what follows it: `d:30`, `a:80000`, `p:2`; and its length. */
function valueAt(toks: Token[], i: number, lang: Language): [string, number] | null {
  const t = toks[i]!;
  if (t.num === undefined || t.ordinal) return null;
  if (t.percent) return [`p:${t.num}`, 1];
  if (t.amount || t.num >= 1000) return [`a:${t.num}`, 1];
  // «тридцать дней», «тридцать календарных дней», "thirty days"
  for (let k = 1; k <= 2; k++) {
    const u = dayUnit(toks[i + k], lang);
    if (u) return [`d:${t.num * u}`, k + 1];
  }
  return null;
}

/**
 * The values a number token may name when said back (rule `valueTakenUp`): with its unit just that
 * one; bare, a period or a sum whose unit was dropped («Девяносто…» after «отсрочка девяносто
 * дней», «триста» after «лимит триста тысяч»).
 */
export function valuesSaidAt(c: ReadClause, i: number, lang: Language): string[] {
  const t = c.tokens[i]!;
  if (t.num === undefined || t.ordinal) return [];
  const v = valueAt(c.tokens, i, lang);
  if (hasOtherTopic(c) && aboutOther(c, i, v?.[1] ?? 1)) return [];
  if (v) return [v[0]];
  return [`d:${t.num}`, `a:${t.num * 1000}`, `a:${t.num * 1e6}`];
}

/** A clause with no other topic word has no value about something else (and needs no topic words read). */
function hasOtherTopic(c: ReadClause): boolean {
  return c.marks.has('otherTopic');
}

/**
 * A value about something else: its nearest topic word before it is not payment's («доставка через два
 * дня», "delivery in two days"). A word after it names the period's start («тридцать дней с отгрузки»).
 */
function aboutOther(c: ReadClause, i: number, len: number): boolean {
  const before = topicWords(c).filter((w) => w.at < i);
  return nearestTopic(before, { start: i, end: i + len }) === 'other';
}

/**
 * Every value a clause names with its unit (`d:14`, `a:80000`, `p:2`), but not one about something else
 * («…, доставка через два дня», "delivery in two days": its nearest topic word is not payment's).
 */
export function clauseValues(c: ReadClause, lang: Language): string[] {
  const out: string[] = [];
  const other = hasOtherTopic(c);
  for (let i = 0; i < c.tokens.length; i++) {
    if (c.tokens[i]!.num === undefined) continue;
    const v = valueAt(c.tokens, i, lang);
    if (v && !(other && aboutOther(c, i, v[1]))) out.push(v[0]);
  }
  return out;
}

/** The values a stated cue names (inside its match), remembered for echoes. */
export function signatures(h: Hit, segment: number, lang: Language): Stated[] {
  const out: Stated[] = [];
  const end = Math.min(h.clause.length, h.start + h.tokens.length + 2);
  for (let i = h.start; i < end; i++) {
    const v = valueAt(h.clause, i, lang);
    if (v) out.push({ sig: v[0], item: h.item, kind: h.kind, segment });
  }
  return out;
}

/** A period counted from an event («отгрузили — и дальше …», "after install"): a deadline, not a deferral. */
function anchored(toks: Token[], lang: Language): boolean {
  const d = LANGUAGE_DATA[lang];
  if (toks.some((t) => d.creditWords.test(t.text))) return false;
  return toks.some((t) => d.eventWords.test(t.text));
}

/** Hits for values of `recent` said again in these clauses (statements only, not about something else). */
export function echoes(
  clauses: ReadClause[],
  recent: Stated[],
  lang: Language,
  have: Set<number>,
  periods: Hit[] = [],
): Hit[] {
  const out: Hit[] = [];
  for (const c of clauses) {
    if (c.question || c.hypothetical) continue;
    for (let i = 0; i < c.tokens.length; i++) {
      const t = c.tokens[i]!;
      let v = valueAt(c.tokens, i, lang);
      // a read-back drops the scale: «лимит триста тысяч» — «лимит триста записала», "eighty k" — "eighty"
      const scaled =
        !v && t.num !== undefined && !t.ordinal && t.num >= 1 && t.num < 1000
          ? [`a:${t.num * 1000}`, `a:${t.num * 1e6}`]
          : null;
      if (!v && !scaled) continue;
      for (const s of recent) {
        if (have.has(s.item)) continue;
        // «в течение тридцати дней после поставки», "thirty days after delivery": a period this
        // segment states as a deadline is the deadline only, not a deferral said again (flags.md)
        if (
          s.kind === 'deferral' &&
          (anchored(c.tokens, lang) ||
            periods.some((p) => p.clause === c.tokens && i >= p.start && i < p.start + p.tokens.length))
        )
          continue;
        if (v ? s.sig !== v[0] : !scaled!.includes(s.sig)) continue;
        v ??= [s.sig, 1];
        const m = { start: i, end: i + v[1] };
        if (nearestTopic(topicWords(c), m) === 'other' || isNegated(c, m)) continue;
        have.add(s.item);
        out.push({
          item: s.item,
          kind: s.kind,
          tokens: c.tokens.slice(m.start, m.end),
          clause: c.tokens,
          start: i,
        });
      }
    }
  }
  return out;
}

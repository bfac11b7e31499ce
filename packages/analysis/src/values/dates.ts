import * as chrono from 'chrono-node';
import type { Language, MomentValues } from '@onterms/contracts';
import type { Token } from '../language/tokens.ts';
import { LANGUAGE_DATA } from '../language/language-data.ts';
import { PROMISE_WORDS } from '../promises/words.ts';

type DueDate = NonNullable<MomentValues['dueDate']>;

/** Clause text with numbers as digits, the form chrono-node reads («до 15 марта», "by May 25"). */
function digitsText(toks: Token[]): string {
  return toks.map((t) => (t.num !== undefined ? String(t.num) : t.text)).join(' ');
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * rules-1.8.1 (values): which days of the month in a clause are due dates. Not a day in the past
 * («срок был пятого», «отсрочка прошла ещё двенадцатого», "it was due on the 5th"), nor a document's
 * or an event's date («поставка от третьего октября», "past due since the 1st", "the oldest one is
 * from October second").
 */
function dueDay(clause: Token[], lang: Language): (t: Token) => boolean {
  const past = LANGUAGE_DATA[lang].pastDue;
  const dateOf = PROMISE_WORDS[lang].dateOf;
  return (t) => {
    const at = clause.indexOf(t);
    // a past word before the day in its comma stretch («срок был первого, оплатите до двадцатого»)
    for (let k = at - 1; k >= 0; k--) {
      if (past.test(clause[k]!.text)) return false;
      if (clause[k]!.sep || clause[k + 1]!.sep) break;
    }
    // the word before the day, over a month name or "the" («от 3 октября», "from October second")
    let k = at - 1;
    while (k >= 0 && (clause[k]!.month !== undefined || clause[k]!.text === 'the')) k--;
    return k < 0 || !dateOf.test(clause[k]!.text);
  };
}

/**
 * An absolute due date from a date cue: day of month, weekday, a calendar date (month and day,
 * read by chrono-node), or a named point such as the end of the month.
 */
export function readDate(cue: Token[], clause: Token[], lang: Language): DueDate | undefined {
  const words = cue.map((t) => t.text).join(' ');
  if (/(конц|конец|end)/.test(words)) {
    const what = /недел|week/.test(words) ? 'week' : /квартал|quarter/.test(words) ? 'quarter' : 'month';
    return { kind: 'absolute', anchor: `end_of_${what}` };
  }
  const d: DueDate = { kind: 'absolute' };
  const isDue = dueDay(clause, lang);
  const day = cue.find((t) => t.dayForm && t.num !== undefined && isDue(t));
  const wd = cue.find((t) => t.weekday !== undefined);
  if (day) d.dayOfMonth = day.num!;
  if (wd) d.weekday = wd.weekday!;
  // Weekdays near the day number in the clause («пятница, двадцать первое»)
  if (!d.weekday) {
    const w = clause.find((t) => t.weekday !== undefined);
    if (w) d.weekday = w.weekday!;
  }
  if (!d.dayOfMonth) {
    const n = clause.find((t) => t.dayForm && t.num !== undefined && t.num >= 1 && t.num <= 31 && isDue(t));
    if (n) d.dayOfMonth = n.num!;
  }
  // chrono reads the calendar date; it needs a month name next to the day number, so only that
  // short window is given to it (and nothing at all when there is no month)
  const at = clause.findIndex((t) => t.dayForm && t.num === d.dayOfMonth);
  const window = at >= 0 ? clause.slice(Math.max(0, at - 2), at + 3) : [];
  const mo = window.find((t) => t.month !== undefined || /^(may|мая|май)$/.test(t.text));
  // a month next to the day and no year: the date is «--MM-DD» without asking chrono (the common case)
  if (d.dayOfMonth && mo && !window.some((t) => t.num !== undefined && t.num >= 1900 && t.num <= 2100)) {
    const month = mo.month ?? 5;
    d.date = `--${pad(month)}-${pad(d.dayOfMonth)}`;
  } else if (d.dayOfMonth && mo) {
    const parsed = (lang === 'ru' ? chrono.ru : chrono.en).parse(digitsText(window));
    for (const p of parsed) {
      if (p.start.isCertain('month') && p.start.get('day') === d.dayOfMonth) {
        const month = p.start.get('month')!;
        d.date = p.start.isCertain('year')
          ? `${p.start.get('year')}-${pad(month)}-${pad(d.dayOfMonth)}`
          : `--${pad(month)}-${pad(d.dayOfMonth)}`;
        break;
      }
    }
  }
  return d.dayOfMonth || d.weekday ? d : undefined;
}

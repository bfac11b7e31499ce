import type { Language, Segment } from '@onterms/contracts';
import type { ReadClause } from '../clauses/read.ts';
import { nearestTopic, topicWords } from '../clauses/topic.ts';
import type { SegmentReading } from '../engine/reading.ts';
import { LANGUAGE_DATA, daysPerUnit } from '../language/language-data.ts';
import { ENDS_PUNCTUATED, dangles } from '../engine/across-segments.ts';
import { PROMISE_WORDS } from '../promises/words.ts';

/**
 * Where a stated item's evidence reaches (rules-1.10.2, issue 14 round 11). The speaker rules decide
 * WHETHER an item is stated; the rules here only add the other segments of the same statement to the
 * moments of an item already stated, so no verdict (nor deflection, nor confidence) can change.
 */

/** A clause no date in which is a commitment: a question, a negation, or talk of the past. */
function commitsNothing(c: ReadClause, lang: Language): boolean {
  const w = PROMISE_WORDS[lang];
  // a question proposes nothing yet («а если до пятницы?»); «восьмого не успеваем» pins nothing;
  // «срок был пятого», "it was due on the 5th" is the debt
  return c.question || c.tokens.some((t) => w.past.test(t.text) || w.negator.test(t.text));
}

/** «попробую», "Thursday or Friday. Probably.": a doubt anywhere in the turn's segment takes its dates back. */
function doubts(clauses: ReadClause[], lang: Language): boolean {
  const w = PROMISE_WORDS[lang];
  return clauses.some(
    (c) =>
      w.vaguePhrase.test(c.tokens.map((t) => t.text).join(' ')) || c.tokens.some((t) => w.vague.test(t.text)),
  );
}

/**
 * The due dates the clauses name: `w:5` Friday, `m:15` the 15th, `d:10` ten days, `a:tomorrow`,
 * `a:end_of_month` — not a date the clause gives to something else («лучше в среду, доставка»,
 * "Tuesday deliveries"); with `committed`, only those said as a commitment (not asked, denied,
 * doubted or past).
 */
export function namedDueDates(clauses: ReadClause[], lang: Language, committed: boolean): Set<string> {
  const w = PROMISE_WORDS[lang];
  const out = new Set<string>();
  if (committed && doubts(clauses, lang)) return out;
  for (const c of clauses) {
    if (committed && commitsNothing(c, lang)) continue;
    const words = topicWords(c);
    const add = (sig: string, start: number, end: number) => {
      if (nearestTopic(words, { start, end }) !== 'other') out.add(sig);
    };
    c.tokens.forEach((t, i) => {
      if (t.weekday !== undefined) add(`w:${t.weekday}`, i, i + 1);
      if (t.dayForm && t.num !== undefined && t.num >= 1 && t.num <= 31) add(`m:${t.num}`, i, i + 1);
      if (w.today.test(t.text)) add('a:today', i, i + 1);
      if (w.tomorrow.test(t.text)) add('a:tomorrow', i, i + 1);
      const next = c.tokens[i + 1]?.text ?? '';
      if (w.end.test(t.text) && w.week.test(next)) add('a:end_of_week', i, i + 2);
      if (w.end.test(t.text) && w.month.test(next)) add('a:end_of_month', i, i + 2);
      if (t.num === undefined || t.ordinal) return;
      for (let k = i + 1; k < Math.min(c.tokens.length, i + 3); k++) {
        const days = daysPerUnit(c.tokens[k]!.text, lang);
        if (!days) continue;
        // «тридцать дней с даты поставки»: the delivery after the tie is when the period starts, not
        // what it is about (rules-1.12.0)
        if (namesStart({ ...c, tokens: c.tokens.slice(k + 1, k + 5) }, lang))
          return void out.add(`d:${t.num * days}`);
        return add(`d:${t.num * days}`, i, k + 1);
      }
    });
  }
  return out;
}

function shareDate(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** The segments of the client's turn that ends right before segment `k` (nothing but the client between). */
function clientTurnBefore(segments: Segment[], k: number): number[] {
  const out: number[] = [];
  for (let j = k - 1; j >= 0 && segments[j]!.speaker === 'client'; j--) out.push(j);
  return out;
}

/** The first segment of the rep's turn right after the client's segment `k`, or -1. */
function repReplyTo(segments: Segment[], k: number): number {
  for (let j = k + 1; j < segments.length; j++) {
    if (segments[j]!.speaker === 'rep') return j;
    if (segments[j]!.speaker !== 'client') return -1;
  }
  return -1;
}

/** The rep's turn right before the turn segment `j` is in. */
function repTurnBefore(segments: Segment[], j: number): number[] {
  const who = segments[j]!.speaker;
  let k = j;
  while (k > 0 && segments[k - 1]!.speaker === who) k--;
  const out: number[] = [];
  while (--k >= 0 && segments[k]!.speaker === 'rep') out.push(k);
  return out;
}

/**
 * Rule `dateTakenUp`: a due date the client names and the rep names again in the very next turn is
 * one statement said by both («восемьдесят до конца следующей недели» — «остаток восемьдесят до
 * конца следующей недели, верно», "we can pay those in ten days" — "ten days, so by the eighteenth")
 * — flags.md: the client states, the rep confirms, both segments are evidence. When the rep's reply is
 * a deadline moment, the client's segment that named the date joins it; when the client's segment is
 * one, the rep's reply naming the date again does. Not the client's answer to a date the rep has just
 * proposed (the rep stated it; «пятницы… попробую» restates nothing), nor a rep's reply that refuses.
 */
export function dateTakenUp(
  segments: Segment[],
  readings: SegmentReading[],
  lang: Language,
  deadlineItem: number,
  moments: Set<number>,
): number[] {
  const dates = (i: number, evidenceOnly = false): Set<string> => {
    const rd = readings[i]!;
    // in the rep's deadline moment, the clause that states the deadline (not «записал, среда» before it)
    const stating = rd.clauses.filter((c) =>
      rd.stated.some((h) => h.item === deadlineItem && h.clause === c.tokens),
    );
    return namedDueDates(evidenceOnly && stating.length ? stating : rd.clauses, lang, true);
  };
  const out: number[] = [];
  const take = (client: number, rep: number, repDates: Set<string>) => {
    const said = dates(client);
    if (readings[rep]!.refusal || !shareDate(said, repDates)) return;
    // a date the rep proposed just before is the rep's, and the client only answers it
    for (const k of repTurnBefore(segments, client))
      if (shareDate(said, namedDueDates(readings[k]!.clauses, lang, false))) return;
    out.push(client);
  };
  for (const k of moments) {
    const who = segments[k]!.speaker;
    if (who === 'rep') {
      const repDates = dates(k, true);
      for (const j of clientTurnBefore(segments, k)) if (!moments.has(j)) take(j, k, repDates);
    } else if (who === 'client') {
      const j = repReplyTo(segments, k);
      if (j < 0 || moments.has(j) || readings[j]!.refusal) continue;
      if (shareDate(dates(j), dates(k))) out.push(j);
    }
  }
  return [...new Set(out)];
}

// a period's start named on its own answers the talk of that period only a turn or two after it
const START_WINDOW = 4;
// the word between the tie and the event («с даты отгрузки», "from the invoice date", «по дате УПД»)
const START_TIES: Record<Language, RegExp> = {
  ru: /^(от|с|со|по|датой)$/,
  en: /^(from|after)$/,
};
// «с» is also "with": it ties a start only through a date word («с даты отгрузки», «со дня поставки»)
const START_DATE_WORD: Record<Language, RegExp> = {
  ru: /^(дат[аеыу]|дня|день|момента)$/,
  en: /^(the|date|day|time|our|your)$/,
};

/** The clause names when a period counts from: a tie, at most two words, an event («от даты отгрузки», "from delivery"). */
function namesStart(c: ReadClause, lang: Language): boolean {
  const { periodAnchors } = LANGUAGE_DATA[lang];
  const isEvent = (text: string) => periodAnchors.some(([re]) => re.test(text));
  const toks = c.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (!START_TIES[lang].test(toks[i]!.text)) continue;
    const loose = lang === 'en' || toks[i]!.text === 'от' || toks[i]!.text === 'датой';
    for (let k = i + 1; k <= i + 3 && k < toks.length; k++) {
      if (isEvent(toks[k]!.text) && (loose || k > i + 1)) return true;
      if (!START_DATE_WORD[lang].test(toks[k]!.text)) break;
    }
  }
  return false;
}

/** The segment says a period: a count of days, weeks or months, or a bare "net thirty". */
function statesPeriod(rd: SegmentReading, lang: Language): boolean {
  return rd.clauses.some((c) =>
    c.tokens.some(
      (t, i) =>
        t.num !== undefined &&
        !t.ordinal &&
        (LANGUAGE_DATA[lang].creditWords.test(c.tokens[i - 1]?.text ?? '') ||
          c.tokens.slice(i + 1, i + 3).some((u) => daysPerUnit(u.text, lang))),
    ),
  );
}

/**
 * A moments rule: given the segments a stated item already points at, the further segments that are the
 * same statement's evidence (never whether the item is stated).
 */
export type MomentRule = (
  segments: Segment[],
  readings: SegmentReading[],
  lang: Language,
  moments: Set<number>,
) => number[];

/**
 * Rule `periodStartSaid` (rules-1.12.0): after a period is stated as the deadline («тридцать дней»,
 * "net thirty"), the seller side's next turn that names only when it counts from («от даты отгрузки
 * по накладной», "it runs from the invoice date", "from delivery only") — in answer to the client's
 * «а почему с отгрузки?» or "from delivery or invoice?" — states the same deadline's start: both
 * segments are its evidence. Only the first seller-side segment after the client's turn, within a
 * few segments of the period; not a question, not a refusal.
 */
export const periodStartSaid: MomentRule = (segments, readings, lang, moments) => {
  const out: number[] = [];
  for (const k of moments) {
    const seller = segments[k]!.speaker === 'client' ? 'rep' : segments[k]!.speaker;
    if (!statesPeriod(readings[k]!, lang)) continue;
    // the first seller-side segment after the other side has spoken
    let j = k + 1;
    while (j < segments.length && segments[j]!.speaker === seller) j++;
    if (seller !== 'unknown') while (j < segments.length && segments[j]!.speaker !== seller) j++;
    if (j >= segments.length || j - k > START_WINDOW || moments.has(j)) continue;
    const rd = readings[j]!;
    if (rd.refusal || rd.clauses.some((c) => c.question)) continue;
    if (rd.clauses.some((c) => namesStart(c, lang))) out.push(j);
  }
  return [...new Set(out)];
};

/**
 * Rule `cutTail` (rules-1.12.0): a stated item's segment that the speech-to-text cut mid-phrase —
 * it ends unpunctuated on a word that cannot end a phrase («…оплатить до», "…delivered on the"),
 * or on a number whose unit opens the next segment («отсрочка сорок пять» | «дней с даты отгрузки»)
 * — goes on in the same speaker's next segment: that segment is the same statement's evidence
 * («пятницы», "third", «дней с даты отгрузки»). Read only at a moment's end, so it
 * costs nothing elsewhere. Mono: only the unit, since two segments in a row there are as often two people.
 */
export const cutTail: MomentRule = (segments, readings, lang, moments) => {
  const out: number[] = [];
  for (const k of moments) {
    const seg = segments[k]!;
    const next = segments[k + 1];
    if (!next || next.speaker !== seg.speaker || moments.has(k + 1) || ENDS_PUNCTUATED.test(seg.text))
      continue;
    const last = readings[k]!.clauses.at(-1)?.tokens.at(-1);
    const first = readings[k + 1]!.clauses[0]?.tokens[0];
    const unitNext = last?.num !== undefined && !!first && !!daysPerUnit(first.text, lang);
    // in a mono call the next segment is as often the other person ("…to start with" | "okay and payment"):
    // there only a number's unit carries the phrase over
    if (unitNext || (seg.speaker !== 'unknown' && dangles(seg.text, lang))) out.push(k + 1);
  }
  return out;
};

// how far into the next segment its part is named («и пятьдесят …», «остальные пятьдесят …», "and the balance …")
const PART_OPENS_WITHIN = 3;

/**
 * The clauses name a first share of the payment — a percentage, «половину», "half" — and not yet the
 * rest («тридцать процентов, а остальное с отсрочкой» is the whole statement in one segment).
 */
function namesFirstShare(rd: SegmentReading, lang: Language): boolean {
  const { prepaymentShares } = LANGUAGE_DATA[lang];
  const toks = rd.clauses.flatMap((c) => c.tokens);
  const share = toks.findIndex(
    (t) => (t.percent && t.num !== undefined) || prepaymentShares.some(([re]) => re.test(t.text)),
  );
  return share >= 0 && !toks.slice(share + 1).some((t) => PROMISE_WORDS[lang].full.test(t.text));
}

/** The segment opens on the next part: a count, «остаток», "the balance", «второй», "half". */
function opensOnPart(rd: SegmentReading, lang: Language): boolean {
  const w = PROMISE_WORDS[lang];
  const head = rd.clauses[0]?.tokens.slice(0, PART_OPENS_WITHIN) ?? [];
  return head.some((t) => t.num !== undefined || w.full.test(t.text) || w.part.test(t.text));
}

/** The part says when or how much it is paid: a percentage, a period, an event («после поставки», "on delivery"). */
function saysWhenPaid(rd: SegmentReading, lang: Language): boolean {
  const { eventWords, periodAnchors } = LANGUAGE_DATA[lang];
  return rd.clauses.some(
    (c) =>
      !c.question &&
      c.tokens.some(
        (t) =>
          (t.percent && t.num !== undefined) ||
          !!daysPerUnit(t.text, lang) ||
          eventWords.test(t.text) ||
          periodAnchors.some(([re]) => re.test(t.text)),
      ),
  );
}

/**
 * Rule `nextPart` (rules-1.13.0): a statement of how the client pays in parts goes on in the same
 * speaker's next segment — «пятьдесят процентов аванс» | «и пятьдесят в течение пяти банковских дней
 * после поставки», "we need a thirty percent deposit" | "and the balance within fourteen days of
 * delivery", «первый платёж — треть при отгрузке» | «второй — через тридцать дней». The first part is
 * stated (a share: a percentage, «половина», "half"; not yet the rest); the next segment, said by the same speaker with
 * nobody between, opens on the next part (a count, «остаток», "the rest", «второй») and says when or
 * how much it is paid. Its cue is often not read alone (a bare «остаток в течение …» is a deadline at
 * most), but it is the same statement of the terms.
 */
export const nextPart: MomentRule = (segments, readings, lang, moments) => {
  const out: number[] = [];
  for (const k of moments) {
    const next = segments[k + 1];
    if (!next || next.speaker !== segments[k]!.speaker || next.speaker === 'client' || moments.has(k + 1))
      continue;
    const rd = readings[k + 1]!;
    if (namesFirstShare(readings[k]!, lang) && opensOnPart(rd, lang) && saysWhenPaid(rd, lang))
      out.push(k + 1);
  }
  return out;
};

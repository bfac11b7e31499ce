import type { Language, Segment } from '@onterms/contracts';
import type { SegmentReading, Hit } from '../engine/read-call.ts';
import type { LanguageRules } from '../checklist/compile.ts';
import { findAll } from '../patterns/pattern.ts';
import { clauseValues, valuesSaidAt } from '../engine/echo.ts';
import { isNegated } from '../clauses/negation.ts';

/** A segment that states an item, with the hits that are its evidence. */
export interface Attributed {
  segment: number;
  item: number;
  hits: Hit[];
}

// the signature prefixes of a sum and a number of days (echo.ts: `a:80000`, `d:30`)
const SUM = 'a:';
const DAYS = 'd:';
// a follow-up answer restates an item stated at most this many segments before the question …
const FOLLOW_UP_WINDOW = 4;
// … when it is short: a long answer says something new, and its own cues speak for it
const ELLIPTICAL_MAX_WORDS = 12;

/** The attributions of one call, one entry per (segment, item). */
class Attributions {
  readonly out: Attributed[] = [];
  // (segment, item) → its entry: a linear `out.find` per add was quadratic over a long call
  private readonly index = new Map<number, Attributed>();
  add(segment: number, item: number, hits: Hit[]): void {
    const key = segment * 0x10000 + item;
    const have = this.index.get(key);
    if (have) have.hits.push(...hits);
    else {
      const a: Attributed = { segment, item, hits: [...hits] };
      this.out.push(a);
      this.index.set(key, a);
    }
  }
}

/** What the speaker rules read: the call and where each item was last stated by the seller side. */
interface Call {
  segments: Segment[];
  readings: SegmentReading[];
  r: LanguageRules;
  lang: Language;
  found: Attributions;
  lastStated: Map<number, number>;
}

/** Attributes to segment `k` the hits of `item` its own reading states (none: it confirms the item). */
function addStated(call: Call, k: number, item: number): void {
  call.found.add(
    k,
    item,
    call.readings[k]!.stated.filter((h) => h.item === item),
  );
}

/** Index of the first segment of the rep's next turn after segment `i`, or -1. */
function repNextTurn(segments: Segment[], i: number): number {
  for (let k = i + 1; k < segments.length; k++) if (segments[k]!.speaker === 'rep') return k;
  return -1;
}

function repTurnSegments(segments: Segment[], first: number): number[] {
  const out: number[] = [];
  for (let k = first; k < segments.length && segments[k]!.speaker === 'rep'; k++) out.push(k);
  return out;
}

/** Only client segments between `i` and `k`: the rep's turn answers the client's, with nothing between. */
function answersDirectly(segments: Segment[], i: number, k: number): boolean {
  for (let j = i + 1; j < k; j++) if (segments[j]!.speaker !== 'client') return false;
  return true;
}

/** The segment that answers segment `i`: the next one in mono, the rep's next turn otherwise; or -1. */
function answerTo(segments: Segment[], i: number): number {
  const seg = segments[i]!;
  if (seg.speaker === 'unknown') return i + 1 < segments.length ? i + 1 : -1;
  const k = repNextTurn(segments, i);
  return k > 0 && answersDirectly(segments, i, k) ? k : -1;
}

/** A plain «да»: a strong confirmation that is not a refusal, a dodge, a waiver or a question. */
function plainYes(ans: SegmentReading): boolean {
  return ans.confirmStrong && !ans.refusal && !ans.evasive && !ans.negatedCue && !ans.clauses[0]?.question;
}

/** The answer says something about paying itself («да, пока долг не закроете»), not just "yes". */
function talksPayment(ans: SegmentReading): boolean {
  return ans.clauses.some((c) => c.marks.has('paymentTopic') || c.marks.has('arrears'));
}

/** "yep, I'll email the application": the answer is about something else. */
function offTopic(ans: SegmentReading): boolean {
  return ans.clauses.some((c) => c.marks.has('otherTopic'));
}

/** Stated hits of a segment, grouped by item. */
function byItem(rd: SegmentReading): Map<number, Hit[]> {
  const m = new Map<number, Hit[]>();
  for (const h of rd.stated) m.set(h.item, [...(m.get(h.item) ?? []), h]);
  return m;
}

/** Rule: the rep states; with unknown speakers (mono) anyone states. */
function sellerSideStates(call: Call, i: number, items: Map<number, Hit[]>): void {
  for (const [item, hits] of items) call.found.add(i, item, hits);
}

/**
 * Rule (mono): «блокируете карты сразу» — «да, пока не оплатите»: a plain «да» about paying that
 * states nothing new restates the line before. («да, и сразу скажу: … пени …» — a «да» that goes on
 * to state another item — is a new statement, not a read-back.)
 */
function monoReadBack(call: Call, i: number, items: Map<number, Hit[]>): void {
  const { segments, readings } = call;
  const nx = readings[i + 1];
  if (segments[i]!.speaker !== 'unknown' || !nx || segments[i + 1]!.speaker !== 'unknown') return;
  if (!plainYes(nx) || !talksPayment(nx) || offTopic(nx)) return;
  if (nx.stated.some((h) => !items.has(h.item))) return;
  for (const [item] of items) addStated(call, i + 1, item);
}

/**
 * Rule: a client's statement counts when the rep's next turn, right after it (other client segments
 * between are fine: a read-back can span segments), confirms it — a strong «да, всё верно», or a
 * weak «хорошо» with the item restated in the turn — and does not dodge («Да, это формальности,
 * давайте потом» agrees with nothing). Then both segments are evidence.
 */
function clientConfirmedByRep(call: Call, i: number, items: Map<number, Hit[]>): void {
  const { segments, readings } = call;
  const k = repNextTurn(segments, i);
  if (k < 0 || !answersDirectly(segments, i, k)) return;
  const conf = readings[k]!;
  if (conf.evasive) return;
  const turn = repTurnSegments(segments, k);
  for (const [item, hits] of items) {
    const restated = turn.some((t) => readings[t]!.stated.some((h) => h.item === item));
    if (!conf.confirmStrong && !(conf.confirmWeak && restated)) continue;
    call.found.add(i, item, hits);
    addStated(call, k, item);
  }
}

/**
 * Rule `readBackConfirmed` (rules-1.9.0): the client's read-back said as a question («и платим до
 * пятого, правильно?», "and if it's late you put us on hold, right?") counts when the rep's next turn,
 * right after it, confirms it plainly («да, так», "yep, exactly"; a yes to a read-back confirms it whatever
 * follows). Then both
 * segments are evidence, as for a confirmed statement.
 */
function readBackConfirmed(call: Call, i: number): void {
  const { segments, readings } = call;
  const rd = readings[i]!;
  if (!rd.readBack.length || segments[i]!.speaker !== 'client') return;
  const k = repNextTurn(segments, i);
  if (k < 0 || !answersDirectly(segments, i, k)) return;
  const ans = readings[k]!;
  if (!plainYes(ans)) return;
  const items = new Map<number, Hit[]>();
  for (const h of rd.readBack) items.set(h.item, [...(items.get(h.item) ?? []), h]);
  for (const [item, hits] of items) {
    call.found.add(i, item, hits);
    addStated(call, k, item);
  }
}

/**
 * Rule: a yes/no question about an item answered with a plain «да» about paying by the seller side
 * states it in the answer («блокируете карты сразу?» — «да, пока не оплатите»); the question itself
 * never does, and a bare "Yes, that's it" confirms a question, which is not labelled.
 */
function yesNoAnswered(call: Call, i: number): void {
  const { segments, readings } = call;
  const rd = readings[i]!;
  const seg = segments[i]!;
  if (!rd.askedYesNo.size || seg.speaker === 'rep') return;
  const k = answerTo(segments, i);
  if (k < 0 || (seg.speaker === 'unknown' && segments[k]!.speaker !== 'unknown')) return;
  const ans = readings[k]!;
  if (!plainYes(ans) || !talksPayment(ans)) return;
  for (const item of rd.askedYesNo) addStated(call, k, item);
}

/**
 * The values the client's cues name (said, read back or asked), each with the hits that name it: a
 * value anywhere in the cue's clause is its own («отсрочка как обычно, две недели?»), unless it is about
 * something else (echo.ts `clauseValues`). A sum is a term's value only as a credit limit: «двадцатого
 * оплатим миллион» names the payment, not a term.
 */
function valuesNamed(rd: SegmentReading, lang: Language): Map<string, Hit[]> {
  const named = new Map<string, Hit[]>();
  const add = (sig: string, h: Hit) => named.set(sig, [...(named.get(sig) ?? []), h]);
  for (const h of [...rd.stated, ...rd.readBack, ...rd.askedHits]) {
    const c = rd.clauses.find((x) => x.tokens === h.clause);
    if (c)
      for (const sig of new Set(clauseValues(c, lang)))
        if (!sig.startsWith(SUM) || h.kind === 'credit_limit') add(sig, h);
    // "net sixty": a credit period's number counts days without the unit
    if (h.kind === 'deferral')
      for (const t of h.tokens) if (t.num !== undefined && !t.ordinal) add(`d:${t.num}`, h);
  }
  return named;
}

/**
 * Rule `valueTakenUp` (rules-1.13.0): the client names a term with its number — said («у нас по
 * оборудованию отсрочка девяносто дней») or asked («отсрочка как обычно, две недели?», "on the account,
 * thirty days, right?") — and the rep's next turn, right after it, says that number back and agrees
 * anywhere in the turn («Девяносто… ну, если у вас так принято, хорошо», «ну да, две недели», "Thirty
 * days, fine"). The number taken up is the agreement the head of the turn does not show; the items it
 * belongs to are then stated in both segments. Not when the turn refuses, dodges or negates the
 * number («сорок пять не дам»), or only asks it back («Девяносто?»).
 */
function valueTakenUp(call: Call, i: number): void {
  const { segments, readings, lang } = call;
  // in a call about a debt the client's numbers are what is owed and promised, not terms to agree
  if (segments[i]!.speaker !== 'client' || call.r.aboutArrears) return;
  const rd = readings[i]!;
  if (!rd.stated.length && !rd.readBack.length && !rd.askedHits.length) return;
  const k = repNextTurn(segments, i);
  if (k < 0 || !answersDirectly(segments, i, k)) return;
  // the turn must agree, with the yes or a number opening it («Да, …», «Девяносто… ну, хорошо»), and
  // neither refuse nor dodge: read from its marks before any value is read
  const turn = repTurnSegments(segments, k);
  const head = readings[k]!;
  if (!(head.confirmStrong || head.confirmWeak || head.clauses[0]?.tokens[0]?.num !== undefined)) return;
  let agrees = false;
  for (const t of turn) {
    const ans = readings[t]!;
    if (ans.evasive || ans.refusal) return;
    for (const c of ans.clauses) {
      if (c.marks.has('refusal')) return;
      if (c.marks.has('confirmStrong') || c.marks.has('confirmWeak')) agrees = true;
    }
  }
  if (!agrees) return;
  const named = valuesNamed(rd, lang);
  if (!named.size) return;
  let opensWithValue = false;
  let daysTaken = false;
  const taken = new Map<number, Hit[]>();
  for (const t of turn)
    for (const c of readings[t]!.clauses) {
      if (c.question || c.hypothetical) continue;
      for (let j = 0; j < c.tokens.length; j++)
        for (const sig of valuesSaidAt(c, j, lang)) {
          const hits = named.get(sig);
          if (!hits || isNegated(c, { start: j, end: j + 1 })) continue;
          if (t === k && c === head.clauses[0] && j === 0) opensWithValue = true;
          if (sig.startsWith(DAYS)) daysTaken = true;
          for (const h of hits) taken.set(h.item, [...(taken.get(h.item) ?? []), h]);
        }
    }
  if (!(head.confirmStrong || head.confirmWeak || opensWithValue)) return;
  // a credit period agreed with its days is also when payment is due (flags.md: «отсрочка N дней» states both)
  const deadline = call.r.itemIds.indexOf('deadline');
  const period = taken.get(call.r.itemIds.indexOf('payment_terms'))?.filter((h) => h.kind === 'deferral');
  if (deadline >= 0 && period?.length && daysTaken)
    taken.set(deadline, [...(taken.get(deadline) ?? []), ...period]);
  for (const [item, hits] of taken) {
    call.found.add(i, item, hits);
    addStated(call, k, item);
  }
}

/** Rule: a value question («а лимит какой?») answered with a bare value («два миллиона») is stated by the answer. */
function valueAnswered(call: Call, i: number): void {
  const { segments, readings, r, lang } = call;
  if (segments[i]!.speaker === 'rep' || !readings[i]!.awaitingAnswer.length) return;
  // the asker's own number said back answers nothing by itself («We normally pay sixty days» —
  // «Sixty days ah… we see how first»): agreeing to it is rule `valueTakenUp`'s
  const own = new Set(readings[i]!.clauses.flatMap((c) => clauseValues(c, lang)));
  for (const q of readings[i]!.awaitingAnswer) {
    const k = answerTo(segments, i);
    if (k < 0) continue;
    const ans = readings[k]!;
    if (ans.refusal || ans.evasive) continue;
    for (const c of ans.clauses) {
      if (c.question || c.hypothetical) continue;
      // (nor does a number about the delivery: «да, доставка за два дня» — valuesSaidAt finds none)
      const ms = findAll(q.answer, c.tokens, c.ids, r.lex).filter((m) => {
        const said = valuesSaidAt(c, m.start, lang);
        return said.length > 0 && !said.some((v) => own.has(v));
      });
      if (!ms.length) continue;
      call.found.add(
        k,
        q.item,
        ms.map((m) => ({
          item: q.item,
          kind: q.kind,
          tokens: c.tokens.slice(m.start, m.end),
          clause: c.tokens,
          start: m.start,
        })),
      );
      break;
    }
  }
}

/** A client's follow-up question about payment that states nothing itself (not a read-back). */
function followUpQuestion(rd: SegmentReading): boolean {
  if (!rd.clauses.some((c) => c.question) || rd.stated.length) return false;
  return rd.asked.size > 0 || rd.questionAboutPayment;
}

/**
 * A short answer: a yes, a number, or a word taken up from the question ("Once, not monthly?" —
 * "Just the once."), in at most `ELLIPTICAL_MAX_WORDS` words, not about the delivery.
 */
function shortAnswer(q: SegmentReading, ans: SegmentReading): boolean {
  if (ans.refusal || ans.evasive || ans.negatedCue || ans.clauses[0]?.question) return false;
  const words = ans.clauses.reduce((n, c) => n + c.tokens.length, 0);
  const asked = new Set(
    q.clauses.flatMap((c) => c.tokens.filter((t) => t.text.length >= 4).map((t) => t.text)),
  );
  const answers =
    ans.confirmStrong ||
    ans.clauses.some((c) => c.tokens.some((t) => t.num !== undefined || asked.has(t.text)));
  return answers && words <= ELLIPTICAL_MAX_WORDS && !offTopic(ans);
}

/**
 * "What happens if we're late on an invoice?", «а если к ноябрю не рассчитаемся?»: a question about
 * being late asks for the sanction, so a short reply to it restates no other item (rules-1.8.0:
 * "Ha, everybody asks that." took "asks" up and read as restating the terms, which hid the dodge after it).
 */
function worriesAboutLateness(call: Call, rd: SegmentReading, item: number): boolean {
  return rd.worry && !rd.asked.size && call.r.itemIds[item] !== 'sanctions';
}

/**
 * Rule: «Ежемесячно?» — «Раз в месяц.», "Once, not monthly?" — "Once per late invoice.": a short
 * answer right after the client's follow-up on an item just stated restates that item (elliptical,
 * no cue). Runs after the other rules, over where items were last stated.
 */
function ellipticalFollowUp(call: Call, i: number, lastStated: Map<number, number>): void {
  const { segments, readings } = call;
  const rd = readings[i]!;
  if (segments[i]!.speaker !== 'client' || !followUpQuestion(rd)) return;
  const k = repNextTurn(segments, i);
  if (k !== i + 1 || !shortAnswer(rd, readings[k]!)) return;
  for (const [item, at] of lastStated) {
    if (at >= i || i - at > FOLLOW_UP_WINDOW) continue;
    if (rd.asked.size && !rd.asked.has(item)) continue;
    if (worriesAboutLateness(call, rd, item)) continue;
    call.found.add(k, item, []);
  }
}

/**
 * The speaker rules of flags.md, each a named rule above: the rep states; the client states and the
 * rep confirms in the rep's next turn (then both segments are evidence); with unknown speakers anyone
 * states. A question whose answer is a bare value («а лимит какой?» — «два миллиона») is stated by
 * the answer.
 */
export function attribute(
  segments: Segment[],
  readings: SegmentReading[],
  r: LanguageRules,
  lang: Language,
): Attributed[] {
  const call: Call = { segments, readings, r, lang, found: new Attributions(), lastStated: new Map() };
  segments.forEach((seg, i) => {
    const rd = readings[i]!;
    if (seg.speaker !== 'client') for (const h of rd.stated) call.lastStated.set(h.item, i);
    const items = byItem(rd);
    if (seg.speaker === 'rep' || seg.speaker === 'unknown') {
      sellerSideStates(call, i, items);
      monoReadBack(call, i, items);
    } else if (items.size) clientConfirmedByRep(call, i, items);
    readBackConfirmed(call, i);
    yesNoAnswered(call, i);
    valueAnswered(call, i);
    valueTakenUp(call, i);
  });
  // (the follow-up rule reads where items were last stated by the end of the call, as before)
  segments.forEach((_, i) => ellipticalFollowUp(call, i, call.lastStated));
  return call.found.out.sort((a, b) => a.segment - b.segment || a.item - b.item);
}

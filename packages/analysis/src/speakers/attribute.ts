import type { Segment } from '@onterms/contracts';
import type { SegmentReading, Hit } from '../engine/read-call.ts';
import type { LanguageRules } from '../checklist/compile.ts';
import { findAll } from '../patterns/pattern.ts';

/** A segment that states an item, with the hits that are its evidence. */
export interface Attributed {
  segment: number;
  item: number;
  hits: Hit[];
}

// a follow-up answer restates an item stated at most this many segments before the question …
const FOLLOW_UP_WINDOW = 4;
// … when it is short: a long answer says something new, and its own cues speak for it
const ELLIPTICAL_MAX_WORDS = 12;

/** Index of the first segment of the rep's next turn after segment `i`, or -1. */
function repNextTurn(segments: Segment[], i: number): number {
  for (let k = i + 1; k < segments.length; k++) {
    const s = segments[k]!.speaker;
    if (s === 'rep') return k;
  }
  return -1;
}

function repTurnSegments(segments: Segment[], first: number): number[] {
  const out: number[] = [];
  for (let k = first; k < segments.length && segments[k]!.speaker === 'rep'; k++) out.push(k);
  return out;
}

/**
 * The speaker rules of flags.md: the rep states; the client states and the rep confirms in the
 * rep's next turn (then both segments are evidence); with unknown speakers anyone states.
 * A question whose answer is a bare value («а лимит какой?» — «два миллиона») is stated by the answer.
 */
export function attribute(segments: Segment[], readings: SegmentReading[], r: LanguageRules): Attributed[] {
  const out: Attributed[] = [];
  // (segment, item) → its entry: a linear `out.find` per add was quadratic over a long call
  const index = new Map<number, Attributed>();
  const add = (segment: number, item: number, hits: Hit[]) => {
    const key = segment * 0x10000 + item;
    const have = index.get(key);
    if (have) have.hits.push(...hits);
    else {
      const a: Attributed = { segment, item, hits: [...hits] };
      out.push(a);
      index.set(key, a);
    }
  };
  // where each item was last stated, for answers to a follow-up question about it
  const lastStated = new Map<number, number>();
  segments.forEach((seg, i) => {
    const rd = readings[i]!;
    for (const h of rd.stated) if (seg.speaker !== 'client') lastStated.set(h.item, i);
    const byItem = new Map<number, Hit[]>();
    for (const h of rd.stated) byItem.set(h.item, [...(byItem.get(h.item) ?? []), h]);
    if (seg.speaker === 'rep' || seg.speaker === 'unknown') {
      for (const [item, hits] of byItem) add(i, item, hits);
      // mono: «блокируете карты сразу» — «да, пока не оплатите»: the «да» restates it
      const nx = readings[i + 1];
      if (
        seg.speaker === 'unknown' &&
        nx &&
        segments[i + 1]!.speaker === 'unknown' &&
        nx.confirmStrong &&
        !nx.refusal &&
        !nx.evasive &&
        !nx.negatedCue &&
        !nx.clauses[0]?.question &&
        // «да, и сразу скажу: … пени …»: a «да» that goes on to state another item is a new
        // statement, not a read-back of the line before
        !nx.stated.some((h) => !byItem.has(h.item)) &&
        // and says something about paying itself, not "yep, I'll email the application"
        nx.clauses.some((c) => c.marks.has('paymentTopic') || c.marks.has('arrears')) &&
        !nx.clauses.some((c) => c.marks.has('otherTopic'))
      )
        for (const [item] of byItem)
          add(
            i + 1,
            item,
            nx.stated.filter((h) => h.item === item),
          );
    } else if (byItem.size) {
      // client: only if the rep's next turn confirms
      const k = repNextTurn(segments, i);
      if (k < 0) return;
      // the rep's turn must come right after this client turn (no other client statement between
      // is fine: a read-back can span segments), but not after the rep already spoke
      const between = segments.slice(i + 1, k);
      if (between.some((s) => s.speaker !== 'client')) return;
      const conf = readings[k]!;
      const turn = repTurnSegments(segments, k);
      for (const [item, hits] of byItem) {
        const restated = turn.some((t) => readings[t]!.stated.some((h) => h.item === item));
        // «Да, это формальности, давайте потом» agrees with nothing
        if (conf.evasive) continue;
        if (conf.confirmStrong || (conf.confirmWeak && restated)) {
          add(i, item, hits);
          add(
            k,
            item,
            readings[k]!.stated.filter((h) => h.item === item),
          );
        }
      }
    }
    // a yes/no question about an item answered «да» by the seller side: the answer states it
    // («блокируете карты сразу?» — «да, пока не оплатите»); the question itself never does
    if (rd.askedYesNo.size && seg.speaker !== 'rep') {
      const k = seg.speaker === 'unknown' ? i + 1 : repNextTurn(segments, i);
      const ok =
        k > 0 &&
        k < segments.length &&
        (seg.speaker === 'unknown' || !segments.slice(i + 1, k).some((s) => s.speaker !== 'client'));
      const ans = ok ? readings[k]! : null;
      if (
        ans &&
        ans.confirmStrong &&
        !ans.refusal &&
        !ans.evasive &&
        !ans.negatedCue &&
        !ans.clauses[0]?.question &&
        (seg.speaker !== 'unknown' || segments[k]!.speaker === 'unknown') &&
        // a bare "Yes, that's it" confirms a question, which is not labelled; the answer counts
        // when it says something about paying itself («да, пока долг не закроете»)
        ans.clauses.some((c) => c.marks.has('paymentTopic') || c.marks.has('arrears'))
      )
        for (const item of rd.askedYesNo)
          add(
            k,
            item,
            ans.stated.filter((h) => h.item === item),
          );
    }
    // answers to a value question
    for (const q of rd.awaitingAnswer) {
      if (seg.speaker === 'rep') continue;
      const k = seg.speaker === 'unknown' ? i + 1 : repNextTurn(segments, i);
      if (k < 0 || k >= segments.length) continue;
      if (seg.speaker === 'client' && segments.slice(i + 1, k).some((s) => s.speaker !== 'client')) continue;
      const ans = readings[k]!;
      if (ans.refusal || ans.evasive) continue;
      for (const c of ans.clauses) {
        if (c.question || c.hypothetical) continue;
        const ms = findAll(q.answer, c.tokens, c.ids, r.lex);
        if (ms.length) {
          add(
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
  });
  // «Ежемесячно?» — «Раз в месяц.», "Once, not monthly?" — "Once per late invoice.": a short answer
  // to the client's follow-up on an item just stated restates that item (elliptical, no cue)
  segments.forEach((seg, i) => {
    if (seg.speaker !== 'client') return;
    const rd = readings[i]!;
    // a follow-up question about payment, not a read-back (the confirmation rule reads those) and
    // not a question about something else («плёнку когда ждать?»)
    if (!rd.clauses.some((c) => c.question) || rd.stated.length) return;
    if (!rd.asked.size && !rd.questionAboutPayment) return;
    const k = repNextTurn(segments, i);
    if (k !== i + 1) return;
    const ans = readings[k]!;
    if (ans.refusal || ans.evasive || ans.negatedCue || ans.clauses[0]?.question) return;
    const words = ans.clauses.reduce((n, c) => n + c.tokens.length, 0);
    // it answers: a yes, a number, or a word taken up from the question ("Once, not monthly?" —
    // "Just the once."); and it is not about the delivery («плёнку в пятницу, одной машиной»)
    const asked = new Set(
      rd.clauses.flatMap((c) => c.tokens.filter((t) => t.text.length >= 4).map((t) => t.text)),
    );
    const answers =
      ans.confirmStrong ||
      ans.clauses.some((c) => c.tokens.some((t) => t.num !== undefined || asked.has(t.text)));
    if (!answers || words > ELLIPTICAL_MAX_WORDS) return;
    if (ans.clauses.some((c) => c.marks.has('otherTopic'))) return;
    for (const [item, at] of lastStated) {
      if (at >= i || i - at > FOLLOW_UP_WINDOW) continue;
      if (rd.asked.size && !rd.asked.has(item)) continue;
      add(k, item, []);
    }
  });
  return out.sort((a, b) => a.segment - b.segment || a.item - b.item);
}

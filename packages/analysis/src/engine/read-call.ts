import type { Language, Segment } from '@onterms/contracts';
import type { CueMeta, LanguageRules } from '../checklist/compile.ts';
import { readSegment, type ReadClause } from '../clauses/read.ts';
import { topicWords, type Topic } from '../clauses/topic.ts';
import type { Match } from '../patterns/pattern.ts';
import { ECHO_WINDOW, echoes, signatures, type Stated } from './echo.ts';
import {
  consequenceOfArrears,
  counts,
  dateTopic,
  deniedAfter,
  excludedByChecklist,
  frameOfCue,
  insideCounterfactual,
  needsMet,
  negatedCue,
  someoneElses,
  talksArrears,
  type ClauseScope,
  type SegmentScope,
} from './judge-cue.ts';
import { emptyReading, hitAt, type Hit, type SegmentReading } from './reading.ts';
import { readTurnHead } from './turn-head.ts';
import { supplyStopAt } from '../frames/supply-stops.ts';
import {
  cutMidStatement,
  dangles,
  hitsSpanningCut,
  paymentAtCut,
  wordsAroundCut,
} from './across-segments.ts';

export type { Hit, SegmentReading } from './reading.ts';

// the talk just before gives a topicless date its topic only for a turn or two (round 6: a delivery
// date four segments after payment talk was read as a payment date)
const CONTEXT_SEGMENTS = 1;
// a reference back to a lateness condition («после этого», "after that") reaches over the other
// side's reply («…машина не поедет.» — «Жёстко.» — «И после этого только предоплата.»)
const BACK_REFERENCE_SEGMENTS = 2;

/** What carries from one segment to the next. */
interface CallState {
  /** The topic of the talk just before, and for how many segments it has gone unrenewed. */
  ctx: Topic | null;
  ctxAge: number;
  prevArrears: boolean;
  /** The last segment that talked of debt or late payment. */
  lastArrearsAt: number;
  /** Values the seller side stated recently, for read-backs. */
  recent: Stated[];
  /** The content words of the cues the segment just before stated (rule `quotesTerm`). */
  quotable: Set<string> | null;
}

/** One segment being read: its reading and what the cue judgements collect on the way. */
interface SegmentWork extends SegmentScope {
  reading: SegmentReading;
  /**
   * Cues that need arrears talk and have none yet: kept if the segment also states an unconditional
   * sanction or a due date («оплата до тридцатого, после этого отгрузки на стоп»).
   */
  pending: Hit[];
  /** Any payment word in the segment (a short question takes its topic from it). */
  segPayment: boolean;
  /** The topic of the last topic word, and the topic the first date was given. */
  segTopic: Topic | null;
  dateTopic: Topic | null;
  /** The client's own threat or a penalty for another breach: not a worry about paying late. */
  threat: boolean;
  /** The content words of the cues the segment just before stated (rule `quotesTerm`). */
  quotable: Set<string> | null;
}

/** One clause being read. */
interface ClauseWork extends ClauseScope {
  /** Index of the first hit this clause adds to `reading.stated`. */
  from: number;
  /** Sanctions that take a term away («снимаем отсрочку»): the cues of those items inside them. */
  overriding: { items: number[]; start: number; end: number }[] | null;
  anyCue: boolean;
  /** A cue not set aside as a date about something else. */
  payCue: boolean;
}

/** Reads every segment: cues with negation, questions, hypotheticals, topics and context applied. */
export function readCall(segments: Segment[], lang: Language, r: LanguageRules): SegmentReading[] {
  const out: SegmentReading[] = [];
  const call: CallState = {
    ctx: null,
    ctxAge: 0,
    prevArrears: false,
    lastArrearsAt: -Infinity,
    recent: [],
    quotable: null,
  };
  for (let si = 0; si < segments.length; si++) {
    const seg = segments[si]!;
    const reading = readOneSegment(seg, si, call, lang, r);
    out.push(reading);
    const prev = segments[si - 1];
    if (cutMidStatement(prev, seg) && paymentAtCut(out[si - 1]!, reading))
      statementAcrossCut(prev, seg, si, out[si - 1]!, reading, call, lang, r);
  }
  return out;
}

/**
 * Rule: a cue that spans the cut between two segments of one speaker («отсрочку на» | «сорок пять
 * дней») is stated in both (across-segments.ts).
 */
function statementAcrossCut(
  prev: Segment,
  seg: Segment,
  si: number,
  prevReading: SegmentReading,
  reading: SegmentReading,
  call: CallState,
  lang: Language,
  r: LanguageRules,
): void {
  const { tail, head } = wordsAroundCut(prev, seg);
  const tailTokens = readSegment(tail, lang, r).reduce((n, c) => n + c.tokens.length, 0);
  // read on a copy of the call's context: the joined words are not a segment of their own
  const scratch: CallState = { ...call, recent: [] };
  const joined = readOneSegment({ ...seg, text: `${tail} ${head}` }, si, scratch, lang, r);
  for (const h of hitsSpanningCut(joined, tailTokens, dangles(tail, lang))) {
    prevReading.stated.push(h);
    reading.stated.push(h);
  }
}

function readOneSegment(
  seg: Segment,
  si: number,
  call: CallState,
  lang: Language,
  r: LanguageRules,
): SegmentReading {
  const clauses = readSegment(seg.text, lang, r);
  // debt or late payment talked about here or just before («А если задержим?» — «Отгрузки стоп.»)
  const arrearsHere = clauses.some(talksArrears);
  const s: SegmentWork = {
    seg,
    clauses,
    arrears: r.aboutArrears || arrearsHere || call.prevArrears,
    arrearsRecent: arrearsHere || si - call.lastArrearsAt <= BACK_REFERENCE_SEGMENTS,
    ctx: call.ctx,
    reading: emptyReading(clauses),
    pending: [],
    segPayment: clauses.some((c) => c.marks.has('paymentTopic')),
    segTopic: null,
    dateTopic: null,
    threat: false,
    quotable: call.quotable,
  };
  call.prevArrears = arrearsHere;
  if (arrearsHere) call.lastArrearsAt = si;
  for (let ci = 0; ci < clauses.length; ci++) readClause(s, ci, r, lang);
  const reading = s.reading;
  // a term named, proposed, waived or asked about raises it («а можно отсрочку побольше») —
  // unless it is the client's own threat over a late delivery («если к пятнице не привезёте, мы вам …»)
  if (reading.negatedCue || reading.asked.size || reading.stated.length) reading.worry = true;
  if (s.threat) reading.worry = false;
  keepPendingWithStatement(s);
  readTurnHead(reading);
  addEchoes(s, si, call, lang);
  carryContext(s, call);
  call.quotable = quotableWords(reading.stated);
  return reading;
}

// shorter words («по», "on", "the") are grammar, not the term's own words
const QUOTABLE_MIN_LENGTH = 4;

/** The content words of the stated cues, by stem: what a follow-up question quotes back. */
function quotableWords(stated: Hit[]): Set<string> | null {
  if (!stated.length) return null;
  const out = new Set<string>();
  for (const h of stated)
    for (const t of h.tokens)
      if (t.num === undefined && t.text.length >= QUOTABLE_MIN_LENGTH) out.add(t.stem);
  return out;
}

/**
 * Rule `quotesTerm` (rules-1.10.0): a question that repeats a word of the term stated just before
 * asks about that term, whatever else it names — «половина по факту получения» — «По факту — это
 * через сколько дней после получения?», "the rest on delivery" — "On delivery meaning the same day,
 * or do we get some days after delivery?" (the delivery word there is the term's, not a topic).
 */
function quotesTerm(s: SegmentWork, c: ReadClause): boolean {
  const q = s.quotable;
  return q !== null && c.tokens.some((t) => q.has(t.stem));
}

function readClause(s: SegmentWork, ci: number, r: LanguageRules, lang: Language): void {
  const c = s.clauses[ci]!;
  const k: ClauseWork = {
    c,
    ci,
    words: topicWords(c),
    others: someoneElses(c, s.seg),
    // "if we charged interest …, but we don't", «штрафы? у нас их нет»: a short denial right after
    denied: deniedAfter(s.clauses, ci),
    from: s.reading.stated.length,
    overriding: null,
    anyCue: false,
    payCue: false,
  };
  r.cues.scan(c.tokens, c.ids, (pi, m) => judgeCue(s, k, r.cues.meta[pi]!, m, r));
  if (!c.question) supplyStops(s, k, r, lang);
  dropOverriddenTerms(s.reading, k);
  if (c.question) readQuestion(s, k, r);
  if (c.question && s.seg.speaker === 'client' && tagQuestion(c)) readBackClause(s, k, r);
  readClauseSignals(s, k);
}

// the suspension `supplyStops` reads, judged like the checklist's suspension cues (needs arrears talk)
const supplyStopMeta = new WeakMap<LanguageRules, CueMeta | null>();
function supplyStopCue(r: LanguageRules): CueMeta | null {
  let meta = supplyStopMeta.get(r);
  if (meta === undefined) {
    const item = r.itemIds.indexOf('sanctions');
    meta =
      item < 0
        ? null
        : {
            item,
            kind: 'suspension',
            negatable: false,
            topic: null,
            notWith: null,
            notPrecededBy: new Set(),
            needs: 'arrears',
            overrides: [],
          };
    supplyStopMeta.set(r, meta);
  }
  return meta;
}

/**
 * Rule `supplyStops` (frames/supply-stops.ts): a statement that stops the supply in words no cue
 * lists is a suspension cue of its own — unless a cue of the sanctions item already stated in the clause.
 */
function supplyStops(s: SegmentWork, k: ClauseWork, r: LanguageRules, lang: Language): void {
  // (most clauses name nothing supplied: the clause's marks say so before any other work)
  if (!k.c.marks.has('supplied') && !k.c.marks.has('suppliedAccount')) return;
  const meta = supplyStopCue(r);
  if (!meta) return;
  const have = (h: Hit) => h.item === meta.item && h.clause === k.c.tokens;
  if (s.reading.stated.some(have) || s.pending.some(have)) return;
  const m = supplyStopAt(k.c, lang);
  if (m) judgeCue(s, k, meta, m, r);
}

/** The clause asks only by a confirming tag at its end («…, правильно?», "…, right?"). */
function tagQuestion(c: ReadClause): boolean {
  return c.marks.all('confirmTag').some((m) => m.start > 0 && m.end === c.tokens.length);
}

/**
 * Rule `tagReadBack` (rules-1.9.0): «и если к пятому не заплатим, вы отгрузки стопорите, я правильно
 * понимаю?», "and that's due by month end, right?" — the client says the term and asks only to have
 * it confirmed. The clause is judged as a statement (negation, frames, topic as usual) and what it
 * states is kept as the client's read-back; the speaker rule `readBackConfirmed` counts it when the
 * rep confirms. (The question is still a question: what it asks is unchanged.)
 */
function readBackClause(s: SegmentWork, k: ClauseWork, r: LanguageRules): void {
  const reading = s.reading;
  const { negatedCue } = reading;
  const { dateTopic } = s;
  const negatedAt = reading.negated.length;
  const pendingAt = s.pending.length;
  const from = reading.stated.length;
  const c: ReadClause = { ...k.c, question: false };
  const kk: ClauseWork = { ...k, c, from, overriding: null, anyCue: false, payCue: false };
  r.cues.scan(c.tokens, c.ids, (pi, m) => judgeCue(s, kk, r.cues.meta[pi]!, m, r));
  dropOverriddenTerms(reading, kk);
  // (a cue still waiting for arrears talk is left out: a read-back states what it says now)
  reading.readBack.push(...reading.stated.splice(from));
  s.pending.length = pendingAt;
  reading.negated.length = negatedAt;
  reading.negatedCue = negatedCue;
  s.dateTopic = dateTopic;
}

/** One cue in its clause: asked, someone else's, set aside, waived, or stated (now or pending). */
function judgeCue(s: SegmentWork, k: ClauseWork, meta: CueMeta, m: Match, r: LanguageRules): void {
  const c = k.c;
  const reading = s.reading;
  k.anyCue = true;
  reading.mentioned.add(meta.item);
  if (c.question) {
    reading.asked.add(meta.item);
    reading.askedHits.push(hitAt(meta.item, meta.kind, c, m.start, m.end));
    if (!c.marks.has('whWords') && !meta.topic && needsMet(meta, s, c, m)) reading.askedYesNo.add(meta.item);
    return;
  }
  if (k.others || insideCounterfactual(c, m) || excludedByChecklist(meta, c, m, r)) return;
  const wait = meta.needs === 'arrears' && !s.arrears;
  if (meta.needs === 'arrearsBefore' && !consequenceOfArrears(s, c, m)) return;
  if (negatedCue(meta, k, m)) {
    reading.negatedCue = true;
    reading.negated.push(hitAt(meta.item, meta.kind, c, m.start, m.end));
    return;
  }
  const frame = frameOfCue(meta, s, k, m, r);
  if (!counts(frame)) {
    if (frame.act === 'waives') reading.negatedCue = true;
    return;
  }
  if (meta.topic === 'payment') {
    const t = dateTopic(s, k, m);
    s.dateTopic = s.dateTopic ?? t;
    if (t !== 'payment') return;
  }
  k.payCue = true;
  // a sanction still waiting for arrears talk takes nothing away yet («только по предоплате» for
  // new clients is how they pay, not a consequence)
  if (meta.overrides.length && !wait)
    (k.overriding ??= []).push({ items: meta.overrides, start: m.start, end: m.end });
  (wait ? s.pending : reading.stated).push(hitAt(meta.item, meta.kind, c, m.start, m.end));
}

/** «снимем отсрочку», «лимит заморозим»: the term is named only as what the sanction takes away. */
function dropOverriddenTerms(reading: SegmentReading, k: ClauseWork): void {
  const ov = k.overriding;
  if (!ov) return;
  reading.stated = reading.stated.filter(
    (h, hi) =>
      hi < k.from ||
      !ov.some((o) => o.items.includes(h.item) && h.start < o.end && h.start + h.tokens.length > o.start),
  );
}

/** A question clause: the values it waits for, and whether it asks about payment. */
function readQuestion(s: SegmentWork, k: ClauseWork, r: LanguageRules): void {
  const { c, words } = k;
  const reading = s.reading;
  r.questions.scan(c.tokens, c.ids, (pi) => {
    const q = r.questions.meta[pi]!;
    reading.awaitingAnswer.push({ item: q.item, kind: q.kind, answer: q.answer });
  });
  // the topic of a short question comes from its segment or the talk before: «Это важно для нашего
  // кэшфлоу. Тридцать дней или шестьдесят?», «А сколько дней?» after talk of deferral
  const other = words.some((w) => w.topic === 'other');
  if (
    words.some((w) => w.topic === 'payment') ||
    c.marks.has('lateness') ||
    k.anyCue ||
    (!other && (s.segPayment || s.ctx === 'payment')) ||
    quotesTerm(s, c)
  )
    reading.questionAboutPayment = true;
}

/** What a clause says besides its cues: a need, insistence, a dodge, a worry, a waiver, a topic. */
function readClauseSignals(s: SegmentWork, k: ClauseWork): void {
  const { c, words } = k;
  const reading = s.reading;
  // a need is about payment unless the clause's only cue is a date set aside as about something
  // else («сдать объект надо до конца месяца» is about the job)
  if (
    c.marks.has('need') &&
    (words.some((w) => w.topic === 'payment') ||
      c.marks.has('lateness') ||
      k.payCue ||
      (words.length === 0 && !k.anyCue))
  )
    reading.need = true;
  if (c.marks.has('insistence')) reading.insistence = true;
  // rule `asksChange`: «давайте оплату подвинем», «ну это вы спишете» (after talk of the debt), "can
  // you push the due date": asking to change what is owed or when raises payment like a question
  // (not a cue alone: the client's own penalty threat «неустойку выставим» asks for nothing)
  if (
    c.marks.has('changeRequest') &&
    (words.some((w) => w.topic === 'payment') || s.segPayment || s.arrearsRecent || s.ctx === 'payment')
  )
    reading.need = true;
  // a brush-off asked back («как-нибудь решим, не берите в голову», read as a question in raw ASR)
  // still dodges: the counter-question never answers
  if (c.marks.has('evasion')) reading.evasive = true;
  // worrying is asking what if: a lateness condition or question («а если не уложимся»), not a
  // boast («мы всегда вовремя»)
  if (talksArrears(c) && (c.question || c.marks.has('conditionals'))) reading.worry = true;
  if (c.marks.has('clientImposes') || c.marks.has('otherBreach')) s.threat = true;
  if (c.marks.has('topicShift')) reading.topicShift = true;
  if (c.marks.has('shipAgreement')) reading.shipAgreement = true;
  if (c.marks.has('paymentTopic')) reading.paymentTalk = true;
  if (!c.question && c.marks.has('waiver')) reading.waiver = true;
  if (words.length) s.segTopic = words[words.length - 1]!.topic;
}

/** A sanction waiting for arrears talk counts when the segment states it or a due date unconditionally. */
function keepPendingWithStatement(s: SegmentWork): void {
  const stated = s.reading.stated;
  for (const h of s.pending)
    if (stated.some((o) => o.item === h.item || o.kind === 'date' || o.kind === 'period')) stated.push(h);
}

/** A value said again soon after it was stated restates its item (read-backs, summaries). */
function addEchoes(s: SegmentWork, si: number, call: CallState, lang: Language): void {
  const reading = s.reading;
  const recent = call.recent;
  while (recent.length && recent[0]!.segment < si - ECHO_WINDOW) recent.shift();
  if (recent.length)
    reading.stated.push(
      ...echoes(
        s.clauses,
        recent,
        lang,
        new Set(reading.stated.map((h) => h.item)),
        reading.stated.filter((h) => h.kind === 'period'),
      ),
    );
  // (only the seller side's values: a client's proposal the rep then refuses is not a term)
  if (s.seg.speaker !== 'client') for (const h of reading.stated) recent.push(...signatures(h, si, lang));
}

/** The topic this segment leaves for a topicless date in the next one. */
function carryContext(s: SegmentWork, call: CallState): void {
  const next: Topic | null = s.dateTopic ?? s.segTopic;
  if (next) {
    call.ctx = next;
    call.ctxAge = 0;
  } else if (++call.ctxAge > CONTEXT_SEGMENTS) call.ctx = null;
}

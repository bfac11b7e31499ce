import type { Segment } from '@onterms/contracts';
import type { CueMeta, LanguageRules } from '../checklist/compile.ts';
import { inCounterfactual, type ReadClause } from '../clauses/read.ts';
import { isNegated, LIMITERS } from '../clauses/negation.ts';
import { nearestTopic, topicWords, type Topic, type TopicWord } from '../clauses/topic.ts';
import { counts, type Frame } from '../frames/frame.ts';
import { frameOf } from '../frames/rules.ts';
import { bothLanguages } from '../language/language-data.ts';
import type { Match } from '../patterns/pattern.ts';

/**
 * The judgements on one cue found in a statement clause, in the order `readCall` asks them. Each is a
 * named function; what they read about the segment and the clause is gathered once in `SegmentScope`
 * and `ClauseScope`.
 */

const SANCTION_KINDS = new Set([
  'penalty',
  'suspension',
  'prepayment_switch',
  'credit_hold',
  'legal',
  'collection',
]);

/** What the judgements read about the segment being read. */
export interface SegmentScope {
  seg: Segment;
  clauses: ReadClause[];
  /** Debt or late payment talked about here or in the segment just before. */
  arrears: boolean;
  /** … here or within the last turn of each side (a back-reference «после этого» reaches that far). */
  arrearsRecent: boolean;
  /** The topic of the talk just before (for a topicless date). */
  ctx: Topic | null;
}

/** What the judgements read about the clause being read. */
export interface ClauseScope {
  c: ReadClause;
  ci: number;
  words: TopicWord[];
  /** Someone else's practice: a hypothetical, or the client's own customers. */
  others: boolean;
  /** A short contrastive denial follows («…, но у нас такого нет»). */
  denied: boolean;
}

/**
 * Does the clause talk of debt or late payment: an arrears or lateness word, or a condition on
 * payment not happening («если денег к пятнице не будет», "if the payment doesn't come in")?
 */
export function talksArrears(c: ReadClause): boolean {
  if (c.marks.has('arrears') || c.marks.has('lateness')) return true;
  const cond = c.marks.first('conditionals');
  return cond >= 0 && c.marks.has('negators', cond) && c.marks.has('paymentTopic', cond);
}

/** Talk of debt or lateness before token `at` of the clause: the cue is its consequence. */
export function arrearsBefore(c: ReadClause, at: number): boolean {
  for (const m of c.marks.all('arrears')) if (m.end <= at) return true;
  for (const m of c.marks.all('lateness')) if (m.end <= at) return true;
  return missedDateBefore(c, at);
}

// how far the «не» of «если до пятнадцатого не будет» may stand after its «если»
const MISSED_DATE_REACH = 6;

/**
 * Rule `missedDate`: a condition that a date passes with nothing come — «если до пятнадцатого не
 * будет, …», "if it's not in by Friday, …" — is late payment even with no payment word in it (the
 * payment was named the sentence before): what follows before token `at` is its consequence.
 */
function missedDateBefore(c: ReadClause, at: number): boolean {
  const cond = c.marks.first('conditionals');
  if (cond < 0 || cond >= at) return false;
  const neg = c.marks.all('negators').find((m) => m.start > cond && m.start <= cond + MISSED_DATE_REACH);
  if (!neg || neg.end > at) return false;
  // the date before or after the «не»: «если до пятницы не придёт», "if it's not in by Friday"
  for (let k = cond + 1; k < at; k++) {
    const t = c.tokens[k]!;
    if (t.weekday !== undefined || t.month !== undefined || t.dayForm) return true;
  }
  return false;
}

/**
 * Rule (class 4): the cue is the consequence of late payment — talk of debt or lateness before it in
 * its clause, or a reference back («после этого», "after that", «в таком случае») to arrears talk in
 * this segment or the one before («если к двадцатому денег нет — машина не поедет.» | «И после этого
 * только на стопроцентной предоплате.»).
 */
export function consequenceOfArrears(s: SegmentScope, c: ReadClause, m: Match): boolean {
  if (arrearsBefore(c, m.start)) return true;
  if (!s.arrears && !s.arrearsRecent) return false;
  for (const r of c.marks.all('consequenceRef')) if (r.end <= m.start) return true;
  return false;
}

/** Is a cue's need for arrears talk met (asked about or stated)? */
export function needsMet(meta: CueMeta, s: SegmentScope, c: ReadClause, m: Match): boolean {
  if (!meta.needs) return true;
  return meta.needs === 'arrears' ? s.arrears : consequenceOfArrears(s, c, m);
}

/**
 * The client telling how their own customers pay them («наши покупатели нам платят через …»; in
 * mono only with "… pay us", «… нам платят»: a seller says «наши клиенты» of the buyer), or any
 * hypothetical: someone else's practice, not our terms.
 */
export function someoneElses(c: ReadClause, seg: Segment): boolean {
  return (
    c.hypothetical ||
    (c.marks.has('theirCustomers') &&
      (seg.speaker === 'client' || (seg.speaker === 'unknown' && c.marks.has('theyPayUs'))))
  );
}

const DENIAL_OPEN = bothLanguages((d) => d.contrast);
const DENIAL_MAX_WORDS = 6;
/**
 * Is clause `ci` followed by a short contrastive denial ("…, but we don't", «…, но у нас такого
 * нет»)? Then what the clause names is what the seller does NOT do. A denial has no content of its
 * own: no number («но не больше 30 дней») and no limiter.
 */
export function deniedAfter(clauses: ReadClause[], ci: number): boolean {
  const nx = clauses[ci + 1];
  if (!nx || nx.tokens.length > DENIAL_MAX_WORDS || !DENIAL_OPEN.has(nx.tokens[0]!.text)) return false;
  let neg = false;
  for (let k = 1; k < nx.tokens.length; k++) if (nx.marks.at('negators', k)) neg = true;
  return neg && nx.tokens.every((t) => t.num === undefined && !LIMITERS.has(t.text));
}

/** A cue inside a condition contrary to fact («если бы у нас были пени, …»): not stated. */
export function insideCounterfactual(c: ReadClause, m: Match): boolean {
  return c.marks.has('counterfactual') && inCounterfactual(c, m.start);
}

/**
 * The checklist's own exclusions: a word right before the cue (`notPrecededBy`), a pattern in the
 * clause (`notWith`, per cue and per item).
 */
export function excludedByChecklist(meta: CueMeta, c: ReadClause, m: Match, r: LanguageRules): boolean {
  const before = c.tokens[m.start - 1];
  if (before && meta.notPrecededBy.has(before.text)) return true;
  if (meta.notWith?.test(c.tokens, c.ids)) return true;
  return r.itemNotWith[meta.item]?.test(c.tokens, c.ids) ?? false;
}

/** «без штрафов», «пени не начисляем», or a denial right after: the cue is waived. */
export function negatedCue(meta: CueMeta, k: ClauseScope, m: Match): boolean {
  return meta.negatable && (k.denied || isNegated(k.c, m));
}

/**
 * Who commits to what (src/frames): a waiver, a past event, someone else's practice, a penalty for
 * late delivery or the client's own threat is not the seller stating the term.
 */
export function frameOfCue(
  meta: CueMeta,
  s: SegmentScope,
  k: ClauseScope,
  m: Match,
  r: LanguageRules,
): Frame {
  return frameOf({
    clauses: s.clauses,
    ci: k.ci,
    match: m,
    sanction: SANCTION_KINDS.has(meta.kind),
    kind: meta.kind,
    item: r.itemIds[meta.item] ?? '',
    speaker: s.seg.speaker,
    aboutArrears: r.aboutArrears,
    consequenceOfArrears: consequenceOfArrears(s, k.c, m),
  });
}
export { counts };

const ANCHOR_PREPOSITIONS = bothLanguages((d) => d.anchorPrepositions);

/**
 * Rule `anchorEvent` (rules-1.9.0): a period tied to an event by «после», «с», "of", "from" counts
 * from that event; delivery words after the tie name the anchor, not what the period is about
 * («деньги — через две недели после того, как машина у вас разгрузится», "payment is within thirty
 * days of delivery to your warehouse"). Payment words after it still count.
 */
export function anchorEvent(k: ClauseScope, m: Match): TopicWord[] {
  const toks = k.c.tokens;
  let tie = -1;
  for (let j = m.start + 1; j <= m.end && j < toks.length && tie < 0; j++)
    if (ANCHOR_PREPOSITIONS.has(toks[j]!.text) && toks.slice(m.start, j).some((t) => t.num !== undefined))
      tie = j;
  return tie < 0 ? k.words : k.words.filter((w) => w.topic !== 'other' || w.at < tie);
}

/**
 * What a date or period is about: the nearest topic word in its clause, else the last one of an
 * earlier clause of the segment, else the talk just before («оплату ждём до пятницы» vs «отгрузим
 * четырнадцатого»; a bare «Friday for sure» after a payment question).
 */
export function dateTopic(s: SegmentScope, k: ClauseScope, m: Match): Topic | null {
  const t = nearestTopic(anchorEvent(k, m), m);
  if (t !== null) return t;
  for (let j = k.ci - 1; j >= 0; j--) {
    const w = topicWords(s.clauses[j]!);
    if (w.length) return w[w.length - 1]!.topic;
  }
  // rule `demandedDate`: in talk of a debt, a date the speaker needs something by with no topic word
  // is when the debt is to be paid («нам нужно до среды»); a call-back date names its call
  // («созвонимся в пятницу») and is never merely needed
  return s.ctx ?? (s.arrears && k.c.marks.has('need') ? 'payment' : null);
}

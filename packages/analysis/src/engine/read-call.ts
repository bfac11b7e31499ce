import type { Language, Segment } from '@onterms/contracts';
import type { LanguageRules } from '../checklist/compile.ts';
import { inCounterfactual, readSegment, type ReadClause } from '../clauses/read.ts';
import { isNegated } from '../clauses/negation.ts';
import { nearestTopic, topicWords, type Topic } from '../clauses/topic.ts';
import type { Token } from '../language/tokens.ts';
import { ECHO_WINDOW, echoes, signatures, type Stated } from './echo.ts';
import { frameOf } from '../frames/rules.ts';
import { LANGUAGE_DATA } from '../language/language-data.ts';
import { counts } from '../frames/frame.ts';

const SANCTION_KINDS = new Set([
  'penalty',
  'suspension',
  'prepayment_switch',
  'credit_hold',
  'legal',
  'collection',
]);

/** A cue found in a segment. */
export interface Hit {
  item: number;
  kind: string;
  tokens: Token[];
  /** The clause the cue is in, for reading values around it. */
  clause: Token[];
  /** Index of the cue's first token in its clause. */
  start: number;
}

/** What one segment says, before the speaker rules. */
export interface SegmentReading {
  clauses: ReadClause[];
  /** Items stated (in a statement clause), with the cues that state them. */
  stated: Hit[];
  /** Items mentioned in a question or request. */
  asked: Set<number>;
  /** Items whose cue appears here at all, stated or not (negated, a question, someone else's …). */
  mentioned: Set<number>;
  /** The sale agreed here («отгружаем в понедельник», "we'll ship it"): where terms belong. */
  shipAgreement: boolean;
  /** Items asked about in a yes/no question («блокируете карты сразу?», "is there a late fee?"). */
  askedYesNo: Set<number>;
  /** Items a question asks for whose answer is a bare value («а лимит какой?» → «два миллиона»). */
  awaitingAnswer: { item: number; kind: string; answer: import('../patterns/pattern.ts').Pattern }[];
  /** A negated cue of any item: a waiver such as «пени не начисляем». */
  negatedCue: boolean;
  /** The negated cues themselves (for the credit-policy check: a required sanction waived). */
  negated: Hit[];
  questionAboutPayment: boolean;
  need: boolean;
  /**
   * The speaker worries about paying late or its consequences: talk of lateness, a sanction named
   * (stated, waived or asked about). From the client, this raises the topic for deflection.
   */
  worry: boolean;
  /** «давайте лучше по ассортименту», "anyway, the truck …": the talk moved elsewhere. */
  topicShift: boolean;
  /** Any payment word in the segment. */
  paymentTalk: boolean;
  insistence: boolean;
  evasive: boolean;
  waiver: boolean;
  confirmStrong: boolean;
  /** An explicit agreement at the head («всё верно», "that's right", "exactly"), more than a «да». */
  agrees: boolean;
  confirmWeak: boolean;
  refusal: boolean;
}

// the talk just before gives a topicless date its topic only for a turn or two (round 6: a delivery
// date four segments after payment talk was read as a payment date)
const CONTEXT_SEGMENTS = 1;
const YES_FIRST = new Set(['yeah', 'yes', 'yep', 'да']);
const NO_WORD = new Set(['no', 'нет']);
// a bare yes can open a dodge («да не переживайте», "yeah yeah, we'll figure it out"); «верно»,
// "exactly", "that's how it works" agree with what the client said
// (by the word itself: stems are too wide — «по договору» shares a stem with «договорились»)
const AGREE = new Set([
  'верно',
  'правильно',
  'именно',
  'точно',
  'так',
  'всё',
  'все',
  'correct',
  'exactly',
  'precisely',
  'that',
  'absolutely',
  'indeed',
  'agreed',
  'confirmed',
]);

/**
 * Does the clause talk of debt or late payment: an arrears or lateness word, or a condition on
 * payment not happening («если денег к пятнице не будет», "if the payment doesn't come in")?
 */
function talksArrears(c: ReadClause): boolean {
  if (c.marks.has('arrears') || c.marks.has('lateness')) return true;
  const cond = c.marks.first('conditionals');
  return cond >= 0 && c.marks.has('negators', cond) && c.marks.has('paymentTopic', cond);
}

/** Talk of debt or lateness before token `at` of the clause: the cue is its consequence. */
function arrearsBefore(c: ReadClause, at: number): boolean {
  for (const m of c.marks.all('arrears')) if (m.end <= at) return true;
  for (const m of c.marks.all('lateness')) if (m.end <= at) return true;
  return false;
}

/** A marker of `cat` at the head of the clause (a module function: no closure per segment). */
function atHead(c0: ReadClause, cat: 'refusal' | 'confirmStrong' | 'confirmWeak'): boolean {
  for (const m of c0.marks.all(cat)) if (m.start <= 1 && m.end <= 4) return true;
  return false;
}

// (the contrast words of both languages)
const DENIAL_OPEN = new Set([...LANGUAGE_DATA.ru.contrast, ...LANGUAGE_DATA.en.contrast]);
/**
 * Is clause `ci` followed by a short contrastive denial ("…, but we don't", «…, но у нас такого
 * нет»)? Then what the clause names is what the seller does NOT do.
 */
function deniedAfter(clauses: ReadClause[], ci: number): boolean {
  const nx = clauses[ci + 1];
  if (!nx || nx.tokens.length > 6 || !DENIAL_OPEN.has(nx.tokens[0]!.text)) return false;
  let neg = false;
  for (let k = 1; k < nx.tokens.length; k++) if (nx.marks.at('negators', k)) neg = true;
  // a denial has no content of its own: no number («но не больше 30 дней») and no limiter
  return (
    neg &&
    nx.tokens.every((t) => t.num === undefined) &&
    !/позднее|более|later|more|than/.test(nx.tokens.map((t) => t.text).join(' '))
  );
}

/** Reads every segment: cues with negation, questions, hypotheticals, topics and context applied. */
export function readCall(segments: Segment[], lang: Language, r: LanguageRules): SegmentReading[] {
  const out: SegmentReading[] = [];
  let ctx: Topic | null = null;
  let prevArrears = false;
  const recent: Stated[] = [];
  let si = -1;
  let ctxAge = 0;
  for (const seg of segments) {
    si++;
    const clauses = readSegment(seg.text, lang, r);
    const reading: SegmentReading = {
      clauses,
      stated: [],
      asked: new Set(),
      mentioned: new Set(),
      shipAgreement: false,
      askedYesNo: new Set(),
      awaitingAnswer: [],
      negatedCue: false,
      negated: [],
      questionAboutPayment: false,
      need: false,
      worry: false,
      topicShift: false,
      paymentTalk: false,
      insistence: false,
      evasive: false,
      waiver: false,
      confirmStrong: false,
      agrees: false,
      confirmWeak: false,
      refusal: false,
    };
    let segTopic: Topic | null = null;
    let threat = false;
    let dateTopic: Topic | null = null;
    // debt or late payment talked about here or just before («А если задержим?» — «Отгрузки стоп.»)
    const arrearsHere = clauses.some(talksArrears);
    const arrears = r.aboutArrears || arrearsHere || prevArrears;
    prevArrears = arrearsHere;
    // cues that need arrears talk and have none yet: kept if the segment also states an
    // unconditional sanction or a due date («оплата до тридцатого, после этого отгрузки на стоп»)
    const pending: Hit[] = [];
    const segPayment = clauses.some((c) => c.marks.has('paymentTopic'));
    clauses.forEach((c, ci) => {
      const from = reading.stated.length;
      let overriding: { items: number[]; start: number; end: number }[] | null = null;
      const words = topicWords(c);
      const late = c.marks.has('lateness');
      // the client telling how their own customers pay them: «наши покупатели нам платят через …»
      // (in mono, only with "… pay us", «… нам платят»: a seller says «наши клиенты» of the buyer)
      const others =
        c.hypothetical ||
        (c.marks.has('theirCustomers') &&
          (seg.speaker === 'client' || (seg.speaker === 'unknown' && c.marks.has('theyPayUs'))));
      // "if we charged interest …, but we don't", «штрафы? у нас их нет»: a short denial right after
      const denied = deniedAfter(clauses, ci);
      const counterfactual = c.marks.has('counterfactual');
      let anyCue = false;
      // a cue not set aside as a date about something else
      let payCue = false;
      r.cues.scan(c.tokens, c.ids, (pi, m) => {
        const meta = r.cues.meta[pi]!;
        anyCue = true;
        reading.mentioned.add(meta.item);
        if (c.question) {
          reading.asked.add(meta.item);
          const needsMet = !meta.needs || (meta.needs === 'arrears' ? arrears : arrearsBefore(c, m.start));
          if (!c.marks.has('whWords') && !meta.topic && needsMet) reading.askedYesNo.add(meta.item);
          return;
        }
        if (others) return;
        if (counterfactual && inCounterfactual(c, m.start)) return;
        const before = c.tokens[m.start - 1];
        if (before && meta.notPrecededBy.has(before.text)) return;
        if (meta.notWith?.test(c.tokens, c.ids)) return;
        const inw = r.itemNotWith[meta.item];
        if (inw?.test(c.tokens, c.ids)) return;
        const wait = meta.needs === 'arrears' && !arrears;
        if (meta.needs === 'arrearsBefore' && !arrearsBefore(c, m.start)) return;
        if (meta.negatable && (denied || isNegated(c, m))) {
          reading.negatedCue = true;
          reading.negated.push({
            item: meta.item,
            kind: meta.kind,
            tokens: c.tokens.slice(m.start, m.end),
            clause: c.tokens,
            start: m.start,
          });
          return;
        }
        // who commits to what (src/frames): a waiver, a past event, someone else's practice, a
        // penalty for late delivery or the client's own threat is not the seller stating the term
        const frame = frameOf({
          clauses,
          ci,
          match: m,
          sanction: SANCTION_KINDS.has(meta.kind),
          kind: meta.kind,
          item: r.itemIds[meta.item] ?? '',
          speaker: seg.speaker,
          aboutArrears: r.aboutArrears,
        });
        if (!counts(frame)) {
          if (frame.act === 'waives') reading.negatedCue = true;
          return;
        }
        if (meta.topic === 'payment') {
          let t = nearestTopic(words, m);
          if (t === null) {
            // earlier clauses of this segment, then the talk before
            for (let k = ci - 1; k >= 0 && t === null; k--) {
              const w = topicWords(clauses[k]!);
              if (w.length) t = w[w.length - 1]!.topic;
            }
          }
          if (t === null) t = ctx;
          dateTopic = dateTopic ?? t;
          if (t !== 'payment') return;
        }
        payCue = true;
        // a sanction still waiting for arrears talk takes nothing away yet («только по предоплате»
        // for new clients is how they pay, not a consequence)
        if (meta.overrides.length && !wait)
          (overriding ??= []).push({ items: meta.overrides, start: m.start, end: m.end });
        (wait ? pending : reading.stated).push({
          item: meta.item,
          kind: meta.kind,
          tokens: c.tokens.slice(m.start, m.end),
          clause: c.tokens,
          start: m.start,
        });
      });
      // «снимем отсрочку», «лимит заморозим»: the term is named only as what the sanction takes away
      if (overriding)
        reading.stated = reading.stated.filter(
          (h, hi) =>
            hi < from ||
            !overriding!.some(
              (o) => o.items.includes(h.item) && h.start < o.end && h.start + h.tokens.length > o.start,
            ),
        );
      if (c.question) {
        r.questions.scan(c.tokens, c.ids, (pi) => {
          const q = r.questions.meta[pi]!;
          reading.awaitingAnswer.push({ item: q.item, kind: q.kind, answer: q.answer });
        });
        // the topic of a short question comes from its segment or the talk before: «Это важно для
        // нашего кэшфлоу. Тридцать дней или шестьдесят?», «А сколько дней?» after talk of deferral
        const other = words.some((w) => w.topic === 'other');
        if (
          words.some((w) => w.topic === 'payment') ||
          late ||
          anyCue ||
          (!other && (segPayment || ctx === 'payment'))
        )
          reading.questionAboutPayment = true;
      }
      const need = c.marks.has('need');
      // a need is about payment unless the clause's only cue is a date set aside as about something
      // else («сдать объект надо до конца месяца» is about the job)
      if (
        need &&
        (words.some((w) => w.topic === 'payment') || late || payCue || (words.length === 0 && !anyCue))
      )
        reading.need = true;
      if (c.marks.has('insistence')) reading.insistence = true;
      // a brush-off asked back («как-нибудь решим, не берите в голову», read as a question in raw
      // ASR) still dodges: the counter-question never answers
      if (c.marks.has('evasion')) reading.evasive = true;
      // worrying is asking what if: a lateness condition or question («а если не уложимся»), not a
      // boast («мы всегда вовремя»)
      if (talksArrears(c) && (c.question || c.marks.has('conditionals'))) reading.worry = true;
      if (c.marks.has('clientImposes') || c.marks.has('otherBreach')) threat = true;
      if (c.marks.has('topicShift')) reading.topicShift = true;
      if (c.marks.has('shipAgreement')) reading.shipAgreement = true;
      if (c.marks.has('paymentTopic')) reading.paymentTalk = true;
      if (!c.question && c.marks.has('waiver')) reading.waiver = true;
      if (words.length) segTopic = words[words.length - 1]!.topic;
    });
    // a term named, proposed, waived or asked about raises it («а можно отсрочку побольше») —
    // unless it is the client's own threat over a late delivery («если к пятнице не привезёте, мы вам …»)
    if (reading.negatedCue || reading.asked.size || reading.stated.length) reading.worry = true;
    if (threat) reading.worry = false;
    if (pending)
      for (const h of pending)
        if (reading.stated.some((o) => o.item === h.item || o.kind === 'date' || o.kind === 'period'))
          reading.stated.push(h);
    // Confirmation and refusal are read at the start of the segment («Да, всё верно», "Yes, exactly").
    const c0 = clauses[0];
    if (c0) {
      // "yeah no totally", «да нет, конечно»: a discourse marker after a yes is not a refusal
      const yesNo =
        c0.tokens.length > 1 && YES_FIRST.has(c0.tokens[0]!.text) && NO_WORD.has(c0.tokens[1]!.text);
      reading.refusal = !yesNo && atHead(c0, 'refusal');
      // «да, это знакомая история», "yeah, I hear you": sympathy, not agreement with the terms
      const sympathy = c0.marks.has('sympathy') || (clauses[1]?.marks.has('sympathy') ?? false);
      // «да, понял», "yeah, got it": acknowledging what was said, not agreeing to it — confirms only
      // with a restatement, like a weak «хорошо» (a client's threat «понял» was taken as a sanction)
      const acknowledged = c0.marks.has('acknowledgement');
      reading.confirmStrong = !reading.refusal && !sympathy && !acknowledged && atHead(c0, 'confirmStrong');
      reading.agrees =
        reading.confirmStrong &&
        c0.marks.all('confirmStrong').some((m) => m.start <= 1 && AGREE.has(c0.tokens[m.start]!.text));
      reading.confirmWeak =
        !reading.refusal &&
        !sympathy &&
        (atHead(c0, 'confirmWeak') || (acknowledged && atHead(c0, 'confirmStrong')));
      // "Friday it is", «пятница — так и есть»: a confirmation at the end of a short first clause
      const n = c0.tokens.length;
      if (
        !reading.confirmStrong &&
        !reading.refusal &&
        !sympathy &&
        n <= 4 &&
        c0.marks.all('confirmStrong').some((m) => m.end === n)
      )
        reading.confirmStrong = true;
    }
    // a value said again soon after it was stated restates its item (read-backs, summaries)
    while (recent.length && recent[0]!.segment < si - ECHO_WINDOW) recent.shift();
    if (recent.length)
      reading.stated.push(
        ...echoes(
          clauses,
          recent,
          lang,
          new Set(reading.stated.map((h) => h.item)),
          reading.stated.filter((h) => h.kind === 'period'),
        ),
      );
    // (only the seller side's values: a client's proposal the rep then refuses is not a term)
    if (seg.speaker !== 'client') for (const h of reading.stated) recent.push(...signatures(h, si, lang));
    const next: Topic | null = dateTopic ?? segTopic;
    if (next) {
      ctx = next;
      ctxAge = 0;
    } else if (++ctxAge > CONTEXT_SEGMENTS) ctx = null;
    out.push(reading);
  }
  return out;
}

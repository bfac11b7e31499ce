import type { ReadClause } from '../clauses/read.ts';
import { STATED, type CueContext, type Frame } from './frame.ts';

/**
 * The frame rules, each named and tested on its own (`frames.test.ts`). They run in this order on a
 * cue that survived the clause readings (question, hypothetical, negation); the first that applies
 * decides the frame.
 */
type Rule = (c: CueContext) => Partial<Frame> | null;

const clauseOf = (c: CueContext): ReadClause => c.clauses[c.ci]!;
const anyClause = (c: CueContext, cat: Parameters<ReadClause['marks']['has']>[0]) =>
  c.clauses.some((cl) => cl.marks.has(cat));

/**
 * A sanction dismissed in the same segment: «да какие там пени», "forget about the late fee", "we've
 * never charged it", «спишем»: the seller waives it, whatever negator is or is not next to the cue.
 */
export const dismissedSanction: Rule = (c) =>
  c.sanction && anyClause(c, 'dismissal') ? { act: 'waives' } : null;

/**
 * A past event («в прошлом году вы нам отгрузки остановили», "back in 2019 we had net 60", "you were
 * on credit hold in September"): what happened, not what will apply. A condition in the clause keeps
 * it a rule for the future («если опять, как в прошлый раз, задержите …»).
 */
export const pastEvent: Rule = (c) => {
  const cl = clauseOf(c);
  if (cl.marks.has('conditionals')) return null;
  // "same as last year", «как и в прошлом году»: the term goes on, it is not history
  const past = cl.marks
    .all('pastTime')
    .some((m) => !cl.tokens.slice(Math.max(0, m.start - 2), m.start).some((t) => SAME_AS.has(t.text)));
  return past ? { modality: 'past' } : null;
};
const SAME_AS = new Set(['same', 'like', 'как', 'и', 'as']);

/** A sanction said to apply to others («это для злостных, к вам не относится», "doesn't apply to you"). */
export const appliesElsewhere: Rule = (c) =>
  c.sanction && anyClause(c, 'appliesElsewhere') ? { modality: 'other_party' } : null;

/**
 * The client imposing a penalty on the seller («если сорвёте — я вам неустойку выставлю», "we'll
 * fine you"): the client is the actor, so no confirmation by the rep makes it the seller's sanction.
 */
export const clientImposes: Rule = (c) =>
  c.sanction && c.speaker === 'client' && clauseOf(c).marks.has('clientImposes') ? { actor: 'client' } : null;

/**
 * A penalty for something other than late payment — a late or short delivery, pallets not returned,
 * a cancelled order, broken exclusivity — with no payment talk in the segment: topic delivery.
 */
export const sanctionForOtherBreach: Rule = (c) => {
  if (!c.sanction) return null;
  const cl = clauseOf(c);
  const outside = cl.marks.all('otherBreach').some((m) => m.end <= c.match.start || m.start >= c.match.end);
  if (!outside) return null;
  return c.clauses.some((k) => k.marks.has('paymentTopic')) ? null : { topic: 'delivery' };
};

/** Prepayment offered for a discount («переведём на предоплату — дам скидку»): terms, not a sanction. */
export const prepaymentForDiscount: Rule = (c) =>
  c.kind === 'prepayment_switch' && anyClause(c, 'discount') ? { topic: 'discount' } : null;

/**
 * Prepayment as the consequence of late payment («просрочите — дальше только по предоплате», "after
 * that it's cash in advance") is the sanction's, not how the client pays: not payment terms. (The
 * sanction cue reads the same consequence; prepayment for new partners, with no arrears talk, stays
 * terms — `prepaymentForNewPartners` in the tests.)
 */
export const prepaymentAsConsequence: Rule = (c) =>
  c.item === 'payment_terms' && c.kind === 'prepayment' && c.consequenceOfArrears
    ? { topic: 'consequence' }
    : null;

/** «это компания …, отдел взыскания, меня зовут …», "calling from collections": a name, not a sanction. */
export const selfIntroduction: Rule = (c) =>
  c.sanction && clauseOf(c).marks.has('introduction') ? { act: 'names' } : null;

// words that make a period a credit period, not just a due date: «отсрочка», "net", "terms"
// (by prefix: ASR spells «отсочка», «отсрачка», "turns")
const DEFERRAL_WORD = /^(отс[ор]?[чр]|рассроч|кредит|net$|terms?$|turns$|credit|account$)/;
const ANCHOR_AFTER = /^(после|с|со|от|from|after|of|upon|on)$/;

/**
 * Rule `standingArrangement`: a period from an event said as what the client is on, keeps or has
 * («у вас тридцать дней с даты отгрузки», «оставляем шестьдесят дней с поставки, как сейчас»,
 * «стандарт — сорок пять дней от поставки», "you're on thirty days end of month") is the account's
 * credit period — payment terms as well as the deadline, with no credit word said.
 */
export const standingArrangement = (c: CueContext): boolean =>
  clauseOf(c)
    .marks.all('standingTerms')
    .some((m) => m.start >= c.match.start && m.start < c.match.end);

/**
 * «оплата в течение десяти дней после поставки», "payment within 14 days of the invoice": a period
 * from an event with no credit word is when payment is due — deadline only (flags.md ruling), not
 * payment terms. (With «отсрочка», "net", "terms", or said as a standing arrangement, it is both.)
 */
export const periodFromEvent: Rule = (c) => {
  if (c.item !== 'payment_terms' || c.kind !== 'deferral') return null;
  const toks = clauseOf(c).tokens;
  if (toks.some((t) => DEFERRAL_WORD.test(t.text)) || standingArrangement(c)) return null;
  const n = toks.findIndex((t, k) => k >= c.match.start && t.num !== undefined);
  if (n < 0) return null;
  return toks.slice(n + 1, n + 5).some((t) => ANCHOR_AFTER.test(t.text)) ? { topic: 'deadline_only' } : null;
};

const DATED_KINDS = new Set(['date', 'period', 'deferral']);
// how far a discount may stand from the date or period that conditions it («скидка три процента, если
// оплата до двадцатого»: four words; "2% off if you pay within ten days": five)
const DISCOUNT_REACH = 6;

/**
 * Rule `earlyPaymentDiscount`: a date or period said as the condition of a discount («скидка три
 * процента, если оплата до двадцатого», "take 2% off if you pay within ten days") is when the
 * discount ends, not when payment is due: no deadline and no terms. A credit period named with its
 * own word right after ("…, otherwise net thirty", «а так отсрочка тридцать») stays a term.
 */
export const earlyPaymentDiscount: Rule = (c) => {
  // only a date or a period: a prepayment share bought with a discount is the terms themselves
  if (c.item !== 'deadline' && !DATED_KINDS.has(c.kind)) return null;
  const cl = clauseOf(c);
  const toks = cl.tokens.slice(c.match.start, c.match.end);
  if (toks.some((t) => DEFERRAL_WORD.test(t.text))) return null;
  const near = cl.marks
    .all('discount')
    .some(
      (m) =>
        (m.end <= c.match.start && c.match.start - m.end <= DISCOUNT_REACH) ||
        (m.start >= c.match.end && m.start - c.match.end <= DISCOUNT_REACH),
    );
  return near ? { topic: 'discount' } : null;
};

export const FRAME_RULES: [string, Rule][] = [
  ['clientImposes', clientImposes],
  ['dismissedSanction', dismissedSanction],
  ['pastEvent', pastEvent],
  ['appliesElsewhere', appliesElsewhere],
  ['sanctionForOtherBreach', sanctionForOtherBreach],
  ['prepaymentForDiscount', prepaymentForDiscount],
  ['earlyPaymentDiscount', earlyPaymentDiscount],
  ['prepaymentAsConsequence', prepaymentAsConsequence],
  ['selfIntroduction', selfIntroduction],
  ['periodFromEvent', periodFromEvent],
];

/** The frame of a cue: a plain statement unless a named rule says otherwise. */
export function frameOf(c: CueContext): Frame {
  for (const [name, rule] of FRAME_RULES) {
    const f = rule(c);
    if (f) {
      return { ...STATED, ...f, rule: name };
    }
  }
  return STATED;
}

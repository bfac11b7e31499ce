import type { Language, MomentValues, PaymentForm, SanctionKind } from '@onterms/contracts';
import type { Hit } from '../engine/read-call.ts';
import type { Token } from '../language/tokens.ts';
import { readDate } from './dates.ts';
import { LANGUAGE_DATA, daysPerUnit, type PeriodAnchor, type RatePeriod } from '../language/language-data.ts';

const SANCTION_KINDS: Record<string, SanctionKind> = {
  penalty: 'penalty',
  suspension: 'suspension',
  prepayment_switch: 'prepayment',
  credit_hold: 'credit_hold',
  legal: 'legal',
  collection: 'collection',
};

const PAYMENT_FORMS: Record<string, PaymentForm> = {
  deferral: 'deferral',
  prepayment: 'prepayment',
  on_delivery: 'on_delivery',
  instalments: 'instalments',
};

// rules-1.8.1 (values): one phrase, one sanction kind. Two cues over the same words name one
// sanction, the more specific one: "the account goes on credit hold" is a credit hold, not also a
// stop of shipments («лимит замораживаем, новые заказы …» too) — unless the stop has a verb of its
// own ("goes on credit hold and we stop releasing orders" names both).
// rules-1.13.0 `holdExplained`: not only over the same words — anywhere in the moment. «Лимит замораживаем,
// то есть новые отгрузки только после оплаты», «пока долг не закрыт, работаем только по предоплате»: shipments
// only after payment is what a frozen limit or prepayment means, said again, not a second sanction.
const MORE_SPECIFIC: Partial<Record<SanctionKind, SanctionKind[]>> = {
  suspension: ['credit_hold', 'prepayment'],
};

/** A stop verb in the suspension's stretch that the other cue does not use. */
function ownStopVerb(h: Hit, other: Hit, lang: Language): boolean {
  const from = h.clause.indexOf(h.tokens[0]!);
  const to = h.clause.indexOf(h.tokens[h.tokens.length - 1]!);
  return h.clause
    .slice(from, to + 1)
    .some((t) => !other.tokens.includes(t) && LANGUAGE_DATA[lang].stopVerbs.test(t.text));
}

/** The sanction kinds the hits name, each phrase read once (see MORE_SPECIFIC and `debtRecovery`). */
function sanctionKindsOf(hits: Hit[], lang: Language): Set<SanctionKind> {
  const kinds = new Set<SanctionKind>();
  const named = hits.flatMap((h) => (SANCTION_KINDS[h.kind] ? [{ h, kind: SANCTION_KINDS[h.kind]! }] : []));
  for (const { h, kind } of named) {
    const specific = MORE_SPECIFIC[kind];
    if (specific && named.some((o) => o.h !== h && specific.includes(o.kind) && !ownStopVerb(h, o.h, lang)))
      continue;
    // «передаём дело юристам для взыскания через суд»: the recovery is the legal route
    if (
      kind === 'collection' &&
      h.tokens.every((t) => LANGUAGE_DATA[lang].debtRecovery.test(t.text)) &&
      named.some((o) => o.kind === 'legal' && o.h.clause === h.clause)
    )
      continue;
    kinds.add(kind);
  }
  return kinds;
}

/** A cue naming a sanction: of a sanction kind, or any cue of the checklist's sanctions item. */
export function isSanctionHit(h: Hit, sanctionsItem: number): boolean {
  return h.kind in SANCTION_KINDS || h.item === sanctionsItem;
}

function unitDays(t: Token | undefined, lang: Language): number | null {
  if (!t) return null;
  const d = daysPerUnit(t.text, lang);
  if (d) return d;
  return LANGUAGE_DATA[lang].dayQualifiers.test(t.text) ? 1 : null;
}

/** Number of days in «N дней/недель», "N days", "net N" found at or after `from` in `toks`. */
function daysIn(toks: Token[], lang: Language, clause: Token[] = toks): number | undefined {
  const { creditWords } = LANGUAGE_DATA[lang];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const afterCredit = i > 0 && creditWords.test(toks[i - 1]!.text);
    // rules-1.12.0 (values) `creditPeriodUnit`: «отсрочка неделя», "terms a month": a unit alone is one of it
    if (t.num === undefined && afterCredit && daysPerUnit(t.text, lang) > 1) return daysPerUnit(t.text, lang);
    if (t.num === undefined || t.ordinal || t.percent) continue;
    if (i > 0 && toks[i - 1]!.text === 'net') return changedTo(clause, t, lang) ?? t.num;
    const u = unitDays(toks[i + 1], lang) ?? unitDays(toks[i + 2], lang);
    if (u) return (changedTo(clause, t, lang) ?? t.num) * u;
    // rules-1.12.0 (values) `creditPeriodBare`: «согласовал отсрочку тридцать», «нетто сорок пять»: the
    // count right after the credit word, with no unit, is days, as "net thirty" is
    if (afterCredit && !t.amount && Number.isInteger(t.num) && t.num >= 1 && t.num <= 365)
      return changedTo(clause, t, lang) ?? t.num;
  }
  return undefined;
}

/**
 * rules-1.8.1 (values): a period changed from one length to another («сокращаем с тридцати до
 * четырнадцати дней», "from net sixty to net thirty"): the number after «до»/"to" is the new one.
 */
function changedTo(toks: Token[], t: Token, lang: Language): number | undefined {
  const { changeFrom, changeTo } = LANGUAGE_DATA[lang];
  let i = toks.indexOf(t);
  if (toks[i - 1]?.text === 'net') i--;
  if (i <= 0 || !changeFrom.test(toks[i - 1]!.text)) return undefined;
  for (let k = i + 1; k < Math.min(toks.length, i + 5); k++) {
    if (!changeTo.test(toks[k]!.text)) continue;
    const n = toks[k + 1]?.text === 'net' ? toks[k + 2] : toks[k + 1];
    return n?.num !== undefined && !n.ordinal && !n.percent ? n.num : undefined;
  }
  return undefined;
}

const CURRENCY_SIGN = /^[$€£₹₸₦₽]$/;

/**
 * rules-1.12.0 (values) `limitChangedTo`: a limit changed from one amount to another («лимит поднимаем с
 * пятисот тысяч до восьмисот», "reducing your limit from $75,000 to $50,000") is the new amount. A new
 * amount said without its scale takes the old one's («с полутора миллионов до двух» is two million).
 */
function limitChangedTo(toks: Token[], a: Token, lang: Language): number | undefined {
  const { changeFrom, changeTo } = LANGUAGE_DATA[lang];
  const i = toks.indexOf(a);
  let before = i - 1;
  if (before >= 0 && CURRENCY_SIGN.test(toks[before]!.text)) before--;
  if (before < 0 || !changeFrom.test(toks[before]!.text)) return undefined;
  for (let k = i + 1; k < Math.min(toks.length, i + 5); k++) {
    if (!changeTo.test(toks[k]!.text)) continue;
    const n = toks[k + 1] && CURRENCY_SIGN.test(toks[k + 1]!.text) ? toks[k + 2] : toks[k + 1];
    if (n?.num === undefined || n.percent || n.ordinal) return undefined;
    if (n.num >= 1000 || n.amount || a.num! < 1000) return n.num;
    let scale = 1;
    while (a.num! >= scale * 1000) scale *= 1000;
    return n.num * scale;
  }
  return undefined;
}

/** A verb of granting a period in the clause, and no «в течение», "within". */
function grantedPeriod(toks: Token[], lang: Language): boolean {
  const d = LANGUAGE_DATA[lang];
  return toks.some((t) => d.grantVerbs.test(t.text)) && !toks.some((t) => d.within.test(t.text));
}

/**
 * rules-1.8.1 (values): «в течение N дней после поставки», "within N days of delivery", with no
 * credit word, is a due date and not a deferral (the flags.md ruling).
 */
function periodFromEvent(toks: Token[], lang: Language): boolean {
  const d = LANGUAGE_DATA[lang];
  return (
    toks.some((t) => d.within.test(t.text)) &&
    !toks.some((t) => d.creditWords.test(t.text)) &&
    anchorOf(toks, lang) !== 'unspecified'
  );
}

/** A prepayment share said in words («стопроцентная предоплата», "in full up front", "half"). */
function namedShare(toks: Token[], lang: Language): number | undefined {
  for (const t of toks)
    for (const [re, pct] of LANGUAGE_DATA[lang].prepaymentShares) if (re.test(t.text)) return pct;
  return undefined;
}

type Anchor = PeriodAnchor | 'unspecified';

/** What a period counts from: the first event word after the number («30 дней с даты отгрузки»). */
function anchorOf(toks: Token[], lang: Language): Anchor {
  const n = toks.findIndex((t) => t.num !== undefined && !t.ordinal);
  const { periodAnchors, signing } = LANGUAGE_DATA[lang];
  const anchor = (t: Token | undefined) => periodAnchors.find(([re]) => t && re.test(t.text))?.[1];
  for (let k = Math.max(0, n); k < toks.length; k++) {
    const a = anchor(toks[k]);
    if (!a) continue;
    // «с подписания акта»: what is signed is the start (an acceptance act is delivery)
    if (signing.test(toks[k]!.text)) return signedAnchor(toks, k, lang) ?? anchor(toks[k + 1]) ?? a;
    return a;
  }
  return 'unspecified';
}

/**
 * rules-1.12.0 (values) `signedTransfer`: «с даты подписания заказчиком документа о приёмке», «после
 * подписания УПД», "from signing of the delivery note": the buyer signs a transfer document when it
 * accepts the goods, so the period counts from delivery. Up to four words after the signing, stopping
 * at the contract («подписания договора поставки» is the contract).
 */
function signedAnchor(toks: Token[], at: number, lang: Language): Anchor | undefined {
  const { signedTransfer, periodAnchors } = LANGUAGE_DATA[lang];
  for (let k = at + 1; k < Math.min(toks.length, at + 5); k++) {
    const t = toks[k]!.text;
    if (signedTransfer.test(t)) return 'delivery';
    if (periodAnchors.some(([re, a]) => a === 'contract' && re.test(t))) return undefined;
  }
  return undefined;
}

/**
 * A rate's period: said in the words after it (up to the next number), «ежемесячные» before it, a
 * period named elsewhere in the clause («за каждый день просрочки … ноль одна десятая процента»),
 * else the usual period of the penalty word («пени»: a day; "interest": a year), else once.
 */
function penaltyPer(toks: Token[], at: number, lang: Language): RatePeriod | 'once' {
  const data = LANGUAGE_DATA[lang];
  let end = at;
  while (end < toks.length && end < at + 8 && toks[end]!.num === undefined) end++;
  const after = toks
    .slice(at, Math.max(end, at + 1))
    .map((t) => t.text)
    .join(' ');
  for (const [re, per] of data.ratePeriods) if (re.test(after)) return per;
  const before = toks
    .slice(Math.max(0, at - 2), at)
    .map((t) => t.text)
    .join(' ');
  if (data.monthlyBefore.test(before)) return 'month';
  const clause = toks.map((t) => t.text).join(' ');
  for (const [re, per] of data.ratePeriodAnywhere) if (re.test(clause)) return per;
  for (const t of toks) for (const [re, per] of data.usualRatePeriod) if (re.test(t.text)) return per;
  return 'once';
}

/** Index of a bare rate (< 10, not a day count) followed within two words by a period, or -1. */
function bareRate(toks: Token[], lang: Language): number {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.num === undefined || t.num >= 10 || t.num <= 0 || t.ordinal || t.amount) continue;
    const next = toks.slice(i + 1, i + 3);
    if (unitDays(next[0], lang) !== null) continue; // «два дня», "two days": a period, not a rate
    if (
      next.length &&
      LANGUAGE_DATA[lang].ratePeriodLead.test(next[0]!.text) &&
      next.some((n) => LANGUAGE_DATA[lang].ratePeriodWord.test(n.text))
    )
      return i;
  }
  return -1;
}

/**
 * Reads values out of a moment's cues: deferral days, prepayment share, credit limit, due date,
 * penalty rate and period, sanction kinds. Only what was said is filled in.
 */
export function extractValues(hits: Hit[], lang: Language): MomentValues | undefined {
  const v: MomentValues = {};
  const kinds = sanctionKindsOf(hits, lang);
  const forms = new Set<PaymentForm>();
  for (const h of hits) {
    const pf = PAYMENT_FORMS[h.kind];
    if (pf) forms.add(pf);
    const toks = h.clause;
    switch (h.kind) {
      case 'deferral': {
        // the count that goes with the cue: in it, after it, else anywhere in the clause
        // («просрочена на семь дней, у вас отсрочка тридцать дней» is a deferral of thirty)
        const d =
          daysIn(h.tokens, lang, toks) ?? daysIn(toks.slice(h.start), lang, toks) ?? daysIn(toks, lang);
        if (d !== undefined && v.deferralDays === undefined && !periodFromEvent(toks, lang))
          v.deferralDays = d;
        if (d !== undefined && !v.dueDate)
          v.dueDate = {
            kind: 'relative',
            days: d,
            from: anchorOf(toks.slice(toks.indexOf(h.tokens[0]!)), lang),
          };
        break;
      }
      case 'prepayment': {
        const p = toks.find((t) => t.percent && t.num !== undefined && t.num <= 100);
        if (p) v.prepaymentPercent = p.num!;
        else {
          const share = namedShare(toks, lang);
          if (share !== undefined) v.prepaymentPercent = share;
        }
        break;
      }
      case 'credit_limit': {
        const a = toks.find((t) => t.num !== undefined && (t.amount || t.num >= 1000) && !t.percent);
        if (a) {
          const amount = limitChangedTo(toks, a, lang) ?? a.num!;
          const s = toks.map((t) => t.text).join(' ');
          const currency = /руб|₽/.test(s)
            ? 'RUB'
            : /\$|dollar|bucks/.test(s)
              ? 'USD'
              : /евро|€|euro/.test(s)
                ? 'EUR'
                : /rupee|₹|\binr\b|lakh|crore/.test(s)
                  ? 'INR'
                  : /pound|£|quid|\bgbp\b/.test(s)
                    ? 'GBP'
                    : /naira|₦/.test(s)
                      ? 'NGN'
                      : undefined;
          v.creditLimit = currency ? { amount, currency } : { amount };
        }
        break;
      }
      case 'period': {
        const d = daysIn(h.tokens, lang, toks);
        // the start may follow the cue («в течение пяти рабочих дней с даты выставления счёта»)
        if (d !== undefined)
          v.dueDate = { kind: 'relative', days: d, from: anchorOf(toks.slice(h.start), lang) };
        // rules-1.8.1 `grantedPeriod`: «можем дать шестьдесят дней от даты счёта», "we're offering sixty
        // days from delivery": a period the seller grants is the credit period too (not «в течение …»)
        if (d !== undefined && v.deferralDays === undefined && grantedPeriod(toks, lang)) v.deferralDays = d;
        break;
      }
      case 'date': {
        if (!v.dueDate || v.dueDate.kind !== 'absolute') {
          const d = readDate(h.tokens, toks, lang);
          if (d) v.dueDate = d;
        }
        break;
      }
      case 'penalty': {
        const at = toks.findIndex((t) => t.percent && t.num !== undefined);
        if (at >= 0 && !v.penalty)
          v.penalty = { ratePercent: toks[at]!.num!, per: penaltyPer(toks, at + 1, lang) };
        // a rate said without "percent": «пени ноль целых одна десятая в день», "interest of one and a
        // half a month" — a small number right before a period of time
        const bare = v.penalty ? -1 : bareRate(toks, lang);
        if (bare >= 0) v.penalty = { ratePercent: toks[bare]!.num!, per: penaltyPer(toks, bare + 1, lang) };
        break;
      }
    }
  }
  if (kinds.size) v.sanctionKinds = [...kinds];
  if (forms.size) v.paymentForms = [...forms];
  return Object.keys(v).length ? v : undefined;
}

import type { CardSegment, CreditPolicy, Language, PolicySegment, SanctionKind } from '@onterms/contracts';
import { PAYMENT_FORMS } from '@onterms/contracts';

/**
 * The rep's card: for each segment, what to say on every point of the credit policy — generated from
 * the rules, in Russian or English. Step 2 of the method (bring the rules to every rep); the wording
 * uses the phrases the analysis recognises, so saying the card is what the check counts as said.
 */

const PER: Record<Language, Record<string, string>> = {
  ru: {
    day: 'за каждый день просрочки',
    week: 'за каждую неделю просрочки',
    month: 'в месяц',
    year: 'годовых',
    once: 'от суммы долга',
  },
  en: {
    day: 'per day late',
    week: 'per week late',
    month: 'per month',
    year: 'per year',
    once: 'of the overdue amount',
  },
};

function money(amount: number, currency: string, lang: Language): string {
  return new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(amount);
}
const pct = (n: number, lang: Language) =>
  `${new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 3 }).format(n)}%`;

function days(n: number, lang: Language): string {
  if (lang === 'en') return `${n} day${n === 1 ? '' : 's'}`;
  const m10 = n % 10;
  const m100 = n % 100;
  const word =
    m10 === 1 && m100 !== 11 ? 'день' : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? 'дня' : 'дней';
  return `${n} ${word}`;
}

function sanctionLine(
  kind: SanctionKind,
  afterDays: number | null,
  s: PolicySegment,
  lang: Language,
): string {
  const after = afterDays !== null;
  const penalty = s.penalty;
  if (lang === 'ru')
    switch (kind) {
      case 'penalty':
        return penalty
          ? `При просрочке начисляем пени ${pct(penalty.ratePercent, lang)} ${PER.ru[penalty.per]}.`
          : 'При просрочке начисляем пени.';
      case 'suspension':
        return after
          ? `Если оплата задержится больше чем на ${days(afterDays, lang)}, мы остановим отгрузки до погашения долга.`
          : 'При просрочке мы остановим отгрузки до погашения долга.';
      case 'prepayment':
        return 'После просрочки переведём вас на предоплату.';
      case 'credit_hold':
        return 'При просрочке кредитный лимит замораживается до погашения долга.';
      case 'legal':
        return after
          ? `Если долг не погашен через ${days(afterDays, lang)}, передаём претензию юристам и обращаемся в суд.`
          : 'Если долг не погашен, передаём дело юристам и обращаемся в суд.';
      case 'collection':
        return 'Просроченный долг передаём в коллекторское агентство.';
    }
  switch (kind) {
    case 'penalty':
      return penalty
        ? `If a payment is late, we charge a late fee of ${pct(penalty.ratePercent, lang)} ${PER.en[penalty.per]}.`
        : 'If a payment is late, we charge a late fee.';
    case 'suspension':
      return after
        ? `If a payment is more than ${days(afterDays, lang)} late, we stop shipments until it is paid.`
        : 'If a payment is late, we stop shipments until it is paid.';
    case 'prepayment':
      return 'After a late payment, you move to prepayment.';
    case 'credit_hold':
      return 'If a payment is late, your credit limit is frozen until it is paid.';
    case 'legal':
      return after
        ? `If the debt is still unpaid after ${days(afterDays, lang)}, our lawyers take it to court.`
        : 'If the debt stays unpaid, our lawyers take it to court.';
    case 'collection':
      return 'Overdue debt is passed to a collection agency.';
  }
}

function termLines(s: PolicySegment, lang: Language): string[] {
  // with no forms listed every form is allowed, but the card offers the usual one: the deferral
  const forms = s.allowedPaymentForms ?? ['deferral'];
  const out: string[] = [];
  const prepayOnly = forms.length === 1 && forms[0] === 'prepayment';
  if (lang === 'ru') {
    if (prepayOnly) out.push('Работаем по стопроцентной предоплате: отгружаем после поступления оплаты.');
    else {
      if (s.minPrepaymentPercent)
        out.push(`Предоплата ${pct(s.minPrepaymentPercent, lang)}, остальное — по условиям ниже.`);
      if (forms.includes('deferral') && s.maxDeferralDays)
        out.push(`Отсрочка платежа — ${days(s.maxDeferralDays, lang)} с даты отгрузки.`);
      if (forms.includes('on_delivery')) out.push('Оплата при получении товара.');
      if (forms.includes('instalments')) out.push('Возможна оплата частями по графику.');
    }
    if (s.maxCreditLimit)
      out.push(`Кредитный лимит — до ${money(s.maxCreditLimit.amount, s.maxCreditLimit.currency, lang)}.`);
  } else {
    if (prepayOnly) out.push('We work on 100% prepayment: we ship once the payment arrives.');
    else {
      if (s.minPrepaymentPercent)
        out.push(`${pct(s.minPrepaymentPercent, lang)} prepayment, the rest on the terms below.`);
      if (forms.includes('deferral') && s.maxDeferralDays)
        out.push(
          `Payment terms are net ${s.maxDeferralDays}: ${days(s.maxDeferralDays, lang)} from shipment.`,
        );
      if (forms.includes('on_delivery')) out.push('Payment on delivery.');
      if (forms.includes('instalments')) out.push('Payment in instalments on a schedule is possible.');
    }
    if (s.maxCreditLimit)
      out.push(
        `Your credit limit is up to ${money(s.maxCreditLimit.amount, s.maxCreditLimit.currency, lang)}.`,
      );
  }
  return out;
}

function neverLines(s: PolicySegment, lang: Language): string[] {
  const out: string[] = [];
  const ru = lang === 'ru';
  if (s.maxDeferralDays !== undefined)
    out.push(
      ru
        ? `Не обещать отсрочку больше ${days(s.maxDeferralDays, lang)}.`
        : `Never promise more than ${days(s.maxDeferralDays, lang)} of credit.`,
    );
  if (s.minPrepaymentPercent)
    out.push(
      ru
        ? `Не соглашаться на предоплату меньше ${pct(s.minPrepaymentPercent, lang)}.`
        : `Never accept less than ${pct(s.minPrepaymentPercent, lang)} prepayment.`,
    );
  if (s.maxCreditLimit)
    out.push(
      ru
        ? `Не называть лимит больше ${money(s.maxCreditLimit.amount, s.maxCreditLimit.currency, lang)} — его утверждает кредитный комитет.`
        : `Never name a limit above ${money(s.maxCreditLimit.amount, s.maxCreditLimit.currency, lang)}: the credit committee approves limits.`,
    );
  if (s.requiredSanctions?.length)
    out.push(
      ru
        ? 'Не говорить «штрафов не будет» и не отменять санкции.'
        : 'Never say "there will be no late fees" or waive a sanction.',
    );
  return out;
}

export function buildCard(policy: CreditPolicy, lang: Language): CardSegment[] {
  return policy.segments.map((s) => {
    const sanctions = (s.requiredSanctions ?? []).map((r) =>
      typeof r === 'string' ? { kind: r, afterDays: null } : { kind: r.kind, afterDays: r.afterDays ?? null },
    );
    return {
      id: s.id,
      name: s.name,
      isDefault: s.id === policy.defaultSegment,
      paymentForms: s.allowedPaymentForms ?? PAYMENT_FORMS,
      maxDeferralDays: s.maxDeferralDays ?? null,
      minPrepaymentPercent: s.minPrepaymentPercent ?? null,
      maxCreditLimit: s.maxCreditLimit ?? null,
      penalty: s.penalty ?? null,
      sanctions,
      escalation: s.escalation ?? [],
      say: [...termLines(s, lang), ...sanctions.map((x) => sanctionLine(x.kind, x.afterDays, s, lang))],
      never: neverLines(s, lang),
    };
  });
}

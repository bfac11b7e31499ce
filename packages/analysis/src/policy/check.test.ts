import type { CreditPolicy, Speaker, Transcript } from '@onterms/contracts';
import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../engine/analyze.ts';
import { call } from '../engine/test-calls.ts';
import { checkPolicy } from './check.ts';
import { ISSUE_EXAMPLE, REGULAR } from './test-policy.ts';

/** The issue's example policy, with a second, stricter segment for new clients. */
const POLICY: CreditPolicy = {
  ...ISSUE_EXAMPLE,
  segments: [
    REGULAR,
    {
      id: 'new',
      name: 'Новые клиенты',
      allowedPaymentForms: ['prepayment'],
      minPrepaymentPercent: 100,
      maxDeferralDays: 0,
    },
    {
      id: 'key',
      name: 'Key accounts',
      maxDeferralDays: 45,
      minPrepaymentPercent: 30,
      maxCreditLimit: { amount: 50_000, currency: 'USD' },
      penalty: { ratePercent: 0.05, per: 'day' },
      requiredSanctions: ['penalty', { kind: 'suspension', afterDays: 10 }, 'legal'],
    },
  ],
};

const check = (t: Transcript, segment?: string) => checkPolicy(analyzeTranscript(t), POLICY, segment);
const kinds = (t: Transcript, segment?: string) => check(t, segment).findings.map((f) => f.kind);
/** Findings of one kind, as `[transcript segment, stated, allowed]`. */
const found = (t: Transcript, kind: string, segment?: string) =>
  check(t, segment)
    .findings.filter((f) => f.kind === kind)
    .map((f) => [f.segment, f.stated, f.allowed]);

// penalty and suspension stated the policy's way, so the other kinds stay quiet
const SANCTIONS_RU: [Speaker, string] = [
  'rep',
  'При просрочке пени ноль целых одна десятая процента за каждый день, и остановим отгрузки.',
];
const SANCTIONS_EN: [Speaker, string] = [
  'rep',
  'If you pay late, there is a 0.1% penalty per day and we stop shipments.',
];

describe('deferral_over_limit', () => {
  it('ru: the rep offers 60 days where the rules allow 30 (in words)', () => {
    const t = call('ru', [['rep', 'Можем дать отсрочку шестьдесят дней с даты отгрузки.'], SANCTIONS_RU]);
    expect(found(t, 'deferral_over_limit')).toEqual([[0, 60, 30]]);
    const f = check(t).findings[0]!;
    expect(f).toMatchObject({
      severity: 'breach',
      start: 0,
      quote: 'Можем дать отсрочку шестьдесят дней с даты отгрузки.',
    });
  });
  it('en: net 45 in digits against 30', () => {
    const t = call('en', [['rep', 'We can do net 45 from the invoice date.'], SANCTIONS_EN]);
    expect(found(t, 'deferral_over_limit')).toEqual([[0, 45, 30]]);
  });
  it('within the limit: nothing', () => {
    const t = call('ru', [['rep', 'Отсрочка 30 дней с даты отгрузки.'], SANCTIONS_RU]);
    expect(kinds(t)).toEqual([]);
  });
  it('trap: a client proposal the rep refused is not a promise', () => {
    const t = call('ru', [
      ['client', 'Давайте отсрочку шестьдесят дней.'],
      ['rep', 'Нет, так не получится. Отсрочка тридцать дней с даты поставки.'],
      SANCTIONS_RU,
    ]);
    expect(found(t, 'deferral_over_limit')).toEqual([]);
  });
  it('trap: en — the client asks for 60, the rep says no', () => {
    const t = call('en', [
      ['client', 'We would like sixty days of credit.'],
      ['rep', "No, we can't do that. Payment terms are 30 days from invoice."],
      SANCTIONS_EN,
    ]);
    expect(found(t, 'deferral_over_limit')).toEqual([]);
  });
  it('trap: another supplier’s terms are not ours', () => {
    const t = call('ru', [
      ['client', 'У других поставщиков отсрочка шестьдесят дней.'],
      ['rep', 'У нас отсрочка тридцать дней с даты отгрузки.'],
      SANCTIONS_RU,
    ]);
    expect(found(t, 'deferral_over_limit')).toEqual([]);
  });
  it('a client proposal the rep confirms is a promise', () => {
    const t = call('en', [
      ['client', 'So the payment terms are sixty days from delivery?'],
      ['client', 'Payment terms are sixty days from delivery.'],
      ['rep', 'Yes, exactly.'],
      SANCTIONS_EN,
    ]);
    expect(found(t, 'deferral_over_limit').map(([, stated]) => stated)).toContain(60);
  });
  it('mono: the unknown speaker states it', () => {
    const t = call('ru', [
      ['unknown', 'Отсрочку даём сорок пять дней.'],
      ['unknown', 'При просрочке пени 0,1% в день и отгрузки на стоп.'],
    ]);
    expect(found(t, 'deferral_over_limit')).toEqual([[0, 45, 30]]);
  });
});

describe('prepayment_below_minimum', () => {
  it('ru: 20% prepayment for a key account that must pay 30%', () => {
    const t = call('ru', [['rep', 'Предоплата двадцать процентов, остальное с отсрочкой тридцать дней.']]);
    expect(found(t, 'prepayment_below_minimum', 'key')).toEqual([[0, 20, 30]]);
  });
  it('en: a new client offered credit with no prepayment at all', () => {
    const t = call('en', [['rep', 'Payment terms are 14 days from invoice.']]);
    expect(found(t, 'prepayment_below_minimum', 'new')).toEqual([[0, 0, 100]]);
  });
  it('en: half up front meets a 30% minimum', () => {
    const t = call('en', [['rep', "We'll need 50% up front and the rest net 15."]]);
    expect(found(t, 'prepayment_below_minimum', 'key')).toEqual([]);
  });
});

describe('credit_limit_over', () => {
  it('ru: a limit of three million roubles over two (words)', () => {
    const t = call('ru', [['rep', 'Кредитный лимит — три миллиона рублей.'], SANCTIONS_RU]);
    expect(found(t, 'credit_limit_over')).toEqual([
      [0, { amount: 3_000_000, currency: 'RUB' }, { amount: 2_000_000, currency: 'RUB' }],
    ]);
  });
  it('en: a $75,000 limit over a 50k one', () => {
    const t = call('en', [['rep', 'We approved a credit limit of 75k dollars.']]);
    expect(found(t, 'credit_limit_over', 'key').map(([s, stated]) => [s, stated])).toEqual([
      [0, { amount: 75_000, currency: 'USD' }],
    ]);
  });
  it('ru: within the limit — nothing', () => {
    const t = call('ru', [['rep', 'Лимит — полтора миллиона рублей.'], SANCTIONS_RU]);
    expect(found(t, 'credit_limit_over')).toEqual([]);
  });
});

describe('penalty_differs', () => {
  it('ru: 0.5% a day instead of 0.1%', () => {
    const t = call('ru', [
      ['rep', 'Отсрочка тридцать дней.'],
      ['rep', 'Если задержите платёж, будем начислять 0,5% за каждый день просрочки, и остановим отгрузки.'],
    ]);
    expect(found(t, 'penalty_differs')).toEqual([
      [1, { ratePercent: 0.5, per: 'day' }, { ratePercent: 0.1, per: 'day' }],
    ]);
  });
  it('en: the right rate but per month', () => {
    const t = call('en', [
      ['rep', 'Payment terms are 30 days from invoice.'],
      ['rep', 'Late payments incur 0.1% per month, and we stop shipments.'],
    ]);
    expect(found(t, 'penalty_differs')).toEqual([
      [1, { ratePercent: 0.1, per: 'month' }, { ratePercent: 0.1, per: 'day' }],
    ]);
  });
  it('trap: another supplier’s penalty is not ours', () => {
    const t = call('ru', [
      ['client', 'У других поставщиков пени полпроцента в день.'],
      ['rep', 'Отсрочка тридцать дней.'],
      SANCTIONS_RU,
    ]);
    expect(found(t, 'penalty_differs')).toEqual([]);
  });
});

describe('sanction_waived', () => {
  it('ru: «штрафов не будет» waives the required penalty', () => {
    const t = call('ru', [
      ['rep', 'Отсрочка тридцать дней с даты отгрузки.'],
      ['rep', 'И не переживайте, штрафов за просрочку не будет.'],
    ]);
    expect(found(t, 'sanction_waived')).toEqual([[1, 'penalty', { kind: 'penalty' }]]);
    // waived, so not also reported as never stated
    expect(found(t, 'required_sanction_not_stated')).toEqual([[null, null, { kind: 'suspension' }]]);
  });
  it('en: "no late fees"', () => {
    const t = call('en', [
      ['rep', 'Payment terms are 30 days from invoice.'],
      ['rep', "Don't worry, there are no late fees with us."],
    ]);
    expect(found(t, 'sanction_waived').map(([s, stated]) => [s, stated])).toEqual([[1, 'penalty']]);
  });
  it('ru: a client’s «давайте без пени» the rep agrees to', () => {
    const t = call('ru', [
      ['rep', 'Отсрочка тридцать дней с даты отгрузки.'],
      ['client', 'Давайте без пени.'],
      ['rep', 'Да, договорились.'],
    ]);
    expect(found(t, 'sanction_waived').map(([s]) => s)).toEqual([1, 2]);
  });
  it('trap: a client’s «давайте без пени» the rep refuses', () => {
    const t = call('ru', [
      ['rep', 'Отсрочка тридцать дней с даты отгрузки.'],
      ['client', 'Давайте без пени.'],
      ['rep', 'Нет, пени ноль целых одна десятая процента в день, и отгрузки остановим при просрочке.'],
    ]);
    expect(found(t, 'sanction_waived')).toEqual([]);
  });
  it('trap: a condition «если не оплатите» is not a waiver', () => {
    const t = call('ru', [
      ['rep', 'Отсрочка тридцать дней.'],
      ['rep', 'Если не оплатите вовремя, начислим пени 0,1% в день и остановим отгрузки.'],
    ]);
    expect(kinds(t)).toEqual([]);
  });
  it('a waiver of a sanction the rules do not require is not a breach', () => {
    const t = call('en', [
      ['rep', 'Payment terms are 30 days from invoice.'],
      ['rep', 'There are no late fees with us.'],
      ['rep', "But if the payment is late, we stop shipping until it's paid."],
    ]);
    const policy: CreditPolicy = {
      ...POLICY,
      segments: [{ id: 'regular', name: 'Regular', maxDeferralDays: 30, requiredSanctions: ['suspension'] }],
    };
    expect(checkPolicy(analyzeTranscript(t), policy).findings).toEqual([]);
  });
});

describe('required_sanction_not_stated', () => {
  it('ru: terms without sanctions owe both', () => {
    const t = call('ru', [['rep', 'Отсрочка тридцать дней с даты отгрузки.']]);
    expect(found(t, 'required_sanction_not_stated')).toEqual([
      [null, null, { kind: 'penalty' }],
      [null, null, { kind: 'suspension' }],
    ]);
    expect(check(t).findings[0]).toMatchObject({ severity: 'omission', start: null, quote: null });
  });
  it('en: the penalty said, the stop of shipments (after 10 days) not, nor legal', () => {
    const t = call('en', [
      ['rep', "We'll need 50% up front and the rest net 15."],
      ['rep', 'Late payments incur 0.05% per day.'],
    ]);
    expect(found(t, 'required_sanction_not_stated', 'key')).toEqual([
      [null, null, { kind: 'suspension', afterDays: 10 }],
      [null, null, { kind: 'legal' }],
    ]);
  });
  it('a call with no talk of terms owes nothing', () => {
    const t = call('en', [['rep', "Hi, it's Anna from Teplodom, I'll call you back tomorrow."]]);
    expect(kinds(t)).toEqual([]);
  });
});

describe('payment_form_not_allowed', () => {
  it('ru: a new client may only prepay — a deferral is not allowed', () => {
    const t = call('ru', [['rep', 'Для вас отсрочка четырнадцать дней.']]);
    expect(found(t, 'payment_form_not_allowed', 'new')).toEqual([[0, 'deferral', ['prepayment']]]);
    expect(found(t, 'deferral_over_limit', 'new')).toEqual([[0, 14, 0]]);
  });
  it('en: payment on delivery is not allowed for a new client', () => {
    const t = call('en', [['rep', 'You can pay cash on delivery.']]);
    expect(found(t, 'payment_form_not_allowed', 'new').map(([s, stated]) => [s, stated])).toEqual([
      [0, 'on_delivery'],
    ]);
  });
  it('en: full prepayment is allowed', () => {
    const t = call('en', [['rep', 'For new clients we work on 100% prepayment.']]);
    expect(kinds(t, 'new')).toEqual([]);
  });
});

describe('the segment', () => {
  it('a client with no segment is checked against the default, and the check says so', () => {
    const r = check(call('ru', [['rep', 'Отсрочка тридцать дней.']]));
    expect(r).toMatchObject({ id: 'credit-rules', version: 1, segment: 'regular', defaultSegmentUsed: true });
  });
  it('a client with a segment the policy no longer has falls back to the default', () => {
    expect(check(call('ru', [['rep', 'Привет']]), 'vip')).toMatchObject({
      segment: 'regular',
      defaultSegmentUsed: true,
    });
    expect(check(call('ru', [['rep', 'Привет']]), 'key')).toMatchObject({
      segment: 'key',
      defaultSegmentUsed: false,
    });
  });
});

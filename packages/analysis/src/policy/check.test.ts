import type { CreditPolicy, Transcript } from '@onterms/contracts';
import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../engine/analyze.ts';
import { call, type Line } from '../engine/test-calls.ts';
import { checkPolicy } from './check.ts';
import { POLICY } from './test-support.ts';

const check = (t: Transcript, segment?: string) => checkPolicy(analyzeTranscript(t), POLICY, segment);
const kinds = (t: Transcript, segment?: string) => check(t, segment).findings.map((f) => f.kind);
/** Findings of one kind, as `[transcript segment, stated, allowed]`. */
const found = (t: Transcript, kind: string, segment?: string) =>
  check(t, segment)
    .findings.filter((f) => f.kind === kind)
    .map((f) => [f.segment, f.stated, f.allowed]);

// penalty and suspension stated the policy's way, so the other kinds stay quiet
const SANCTIONS_RU: Line = [
  'rep',
  'При просрочке пени ноль целых одна десятая процента за каждый день, и остановим отгрузки.',
];
const SANCTIONS_EN: Line = ['rep', 'If you pay late, there is a 0.1% penalty per day and we stop shipments.'];
const RUB = (amount: number) => ({ amount, currency: 'RUB' });

/**
 * One call checked against POLICY: the kind of finding looked at (`any`: every kind), the client's
 * segment (the default when absent), and the findings of that kind expected, as `found` gives them
 * (for `any`, the kinds).
 */
type Case = [
  language: 'ru' | 'en',
  what: string,
  kind: string,
  segment: string | undefined,
  lines: Line[],
  want: unknown[],
];

it.each<Case>([
  [
    'ru',
    'within the deferral limit: nothing',
    'any',
    undefined,
    [['rep', 'Отсрочка 30 дней с даты отгрузки.'], SANCTIONS_RU],
    [],
  ],
  [
    'ru',
    'trap: a client proposal the rep refused is not a promise',
    'deferral_over_limit',
    undefined,
    [
      ['client', 'Давайте отсрочку шестьдесят дней.'],
      ['rep', 'Нет, так не получится. Отсрочка тридцать дней с даты поставки.'],
      SANCTIONS_RU,
    ],
    [],
  ],
  [
    'ru',
    'trap: another supplier’s terms are not ours',
    'deferral_over_limit',
    undefined,
    [
      ['client', 'У других поставщиков отсрочка шестьдесят дней.'],
      ['rep', 'У нас отсрочка тридцать дней с даты отгрузки.'],
      SANCTIONS_RU,
    ],
    [],
  ],
  [
    'ru',
    'mono: the unknown speaker states it',
    'deferral_over_limit',
    undefined,
    [
      ['unknown', 'Отсрочку даём сорок пять дней.'],
      ['unknown', 'При просрочке пени 0,1% в день и отгрузки на стоп.'],
    ],
    [[0, 45, 30]],
  ],
  [
    'ru',
    '20% prepayment for a key account that must pay 30%',
    'prepayment_below_minimum',
    'key',
    [['rep', 'Предоплата двадцать процентов, остальное с отсрочкой тридцать дней.']],
    [[0, 20, 30]],
  ],
  [
    'ru',
    'a limit of three million roubles over two (words)',
    'credit_limit_over',
    undefined,
    [['rep', 'Кредитный лимит — три миллиона рублей.'], SANCTIONS_RU],
    [[0, RUB(3_000_000), RUB(2_000_000)]],
  ],
  [
    'ru',
    'within the credit limit — nothing',
    'credit_limit_over',
    undefined,
    [['rep', 'Лимит — полтора миллиона рублей.'], SANCTIONS_RU],
    [],
  ],
  [
    'ru',
    '0.5% a day instead of 0.1%',
    'penalty_differs',
    undefined,
    [
      ['rep', 'Отсрочка тридцать дней.'],
      ['rep', 'Если задержите платёж, будем начислять 0,5% за каждый день просрочки, и остановим отгрузки.'],
    ],
    [[1, { ratePercent: 0.5, per: 'day' }, { ratePercent: 0.1, per: 'day' }]],
  ],
  [
    'ru',
    'trap: another supplier’s penalty is not ours',
    'penalty_differs',
    undefined,
    [
      ['client', 'У других поставщиков пени полпроцента в день.'],
      ['rep', 'Отсрочка тридцать дней.'],
      SANCTIONS_RU,
    ],
    [],
  ],
  [
    'ru',
    'a client’s «давайте без пени» the rep agrees to is a waiver',
    'sanction_waived',
    undefined,
    [
      ['rep', 'Отсрочка тридцать дней с даты отгрузки.'],
      ['client', 'Давайте без пени.'],
      ['rep', 'Да, договорились.'],
    ],
    [
      [1, 'penalty', { kind: 'penalty' }],
      [2, 'penalty', { kind: 'penalty' }],
    ],
  ],
  [
    'ru',
    'trap: a client’s «давайте без пени» the rep refuses',
    'sanction_waived',
    undefined,
    [
      ['rep', 'Отсрочка тридцать дней с даты отгрузки.'],
      ['client', 'Давайте без пени.'],
      ['rep', 'Нет, пени ноль целых одна десятая процента в день, и отгрузки остановим при просрочке.'],
    ],
    [],
  ],
  [
    'ru',
    'trap: a condition «если не оплатите» is not a waiver',
    'any',
    undefined,
    [
      ['rep', 'Отсрочка тридцать дней.'],
      ['rep', 'Если не оплатите вовремя, начислим пени 0,1% в день и остановим отгрузки.'],
    ],
    [],
  ],
  [
    'ru',
    'terms without sanctions owe both',
    'required_sanction_not_stated',
    undefined,
    [['rep', 'Отсрочка тридцать дней с даты отгрузки.']],
    [
      [null, null, { kind: 'penalty' }],
      [null, null, { kind: 'suspension' }],
    ],
  ],
  [
    'en',
    'net 45 in digits against 30',
    'deferral_over_limit',
    undefined,
    [['rep', 'We can do net 45 from the invoice date.'], SANCTIONS_EN],
    [[0, 45, 30]],
  ],
  [
    'en',
    'trap: the client asks for 60, the rep says no',
    'deferral_over_limit',
    undefined,
    [
      ['client', 'We would like sixty days of credit.'],
      ['rep', "No, we can't do that. Payment terms are 30 days from invoice."],
      SANCTIONS_EN,
    ],
    [],
  ],
  [
    'en',
    'a new client offered credit with no prepayment at all',
    'prepayment_below_minimum',
    'new',
    [['rep', 'Payment terms are 14 days from invoice.']],
    [[0, 0, 100]],
  ],
  [
    'en',
    'half up front meets a 30% minimum',
    'prepayment_below_minimum',
    'key',
    [['rep', "We'll need 50% up front and the rest net 15."]],
    [],
  ],
  [
    'en',
    'a $75,000 limit over a 50k one',
    'credit_limit_over',
    'key',
    [['rep', 'We approved a credit limit of 75k dollars.']],
    [[0, { amount: 75_000, currency: 'USD' }, { amount: 50_000, currency: 'USD' }]],
  ],
  [
    'en',
    'the right rate but per month',
    'penalty_differs',
    undefined,
    [
      ['rep', 'Payment terms are 30 days from invoice.'],
      ['rep', 'Late payments incur 0.1% per month, and we stop shipments.'],
    ],
    [[1, { ratePercent: 0.1, per: 'month' }, { ratePercent: 0.1, per: 'day' }]],
  ],
  [
    'en',
    '"no late fees" waives the penalty',
    'sanction_waived',
    undefined,
    [
      ['rep', 'Payment terms are 30 days from invoice.'],
      ['rep', "Don't worry, there are no late fees with us."],
    ],
    [[1, 'penalty', { kind: 'penalty' }]],
  ],
  [
    'en',
    'the penalty said, the stop of shipments (after 10 days) not, nor legal',
    'required_sanction_not_stated',
    'key',
    [
      ['rep', "We'll need 50% up front and the rest net 15."],
      ['rep', 'Late payments incur 0.05% per day.'],
    ],
    [
      [null, null, { kind: 'suspension', afterDays: 10 }],
      [null, null, { kind: 'legal' }],
    ],
  ],
  [
    'en',
    'a call with no talk of terms owes nothing',
    'any',
    undefined,
    [['rep', "Hi, it's Anna from Teplodom, I'll call you back tomorrow."]],
    [],
  ],
  [
    'en',
    'payment on delivery is not allowed for a new client',
    'payment_form_not_allowed',
    'new',
    [['rep', 'You can pay cash on delivery.']],
    [[0, 'on_delivery', ['prepayment']]],
  ],
  [
    'en',
    'full prepayment is allowed for a new client',
    'any',
    'new',
    [['rep', 'For new clients we work on 100% prepayment.']],
    [],
  ],
])('%s: %s', (language, _what, kind, segment, lines, want) => {
  const t = call(language, lines);
  expect(kind === 'any' ? kinds(t, segment) : found(t, kind, segment)).toEqual(want);
});

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
  it('a client proposal the rep confirms is a promise', () => {
    const t = call('en', [
      ['client', 'So the payment terms are sixty days from delivery?'],
      ['client', 'Payment terms are sixty days from delivery.'],
      ['rep', 'Yes, exactly.'],
      SANCTIONS_EN,
    ]);
    expect(found(t, 'deferral_over_limit').map(([, stated]) => stated)).toContain(60);
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

describe('the findings say where and how bad', () => {
  it('an omission has no place in the call', () => {
    const t = call('ru', [['rep', 'Отсрочка тридцать дней с даты отгрузки.']]);
    expect(check(t).findings[0]).toMatchObject({ severity: 'omission', start: null, quote: null });
  });
  it('ru: a new client may only prepay — a deferral is not allowed, and over its limit of 0 days', () => {
    const t = call('ru', [['rep', 'Для вас отсрочка четырнадцать дней.']]);
    expect(found(t, 'payment_form_not_allowed', 'new')).toEqual([[0, 'deferral', ['prepayment']]]);
    expect(found(t, 'deferral_over_limit', 'new')).toEqual([[0, 14, 0]]);
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

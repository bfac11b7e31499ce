import type { CreditPolicy, Transcript } from '@onterms/contracts';
import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../engine/analyze.ts';
import { buildCard } from './card.ts';
import { checkPolicy } from './check.ts';

const policy: CreditPolicy = {
  id: 'credit-rules',
  version: 2,
  defaultSegment: 'regular',
  segments: [
    {
      id: 'regular',
      name: 'Постоянные клиенты',
      maxDeferralDays: 30,
      maxCreditLimit: { amount: 2_000_000, currency: 'RUB' },
      penalty: { ratePercent: 0.1, per: 'day' },
      requiredSanctions: ['penalty', { kind: 'suspension', afterDays: 10 }],
    },
    { id: 'new', name: 'New clients', allowedPaymentForms: ['prepayment'], maxDeferralDays: 0 },
  ],
};

describe("the rep's card", () => {
  it('lists the terms and sanctions to state, in Russian', () => {
    const [regular] = buildCard(policy, 'ru');
    expect(regular).toMatchObject({ id: 'regular', isDefault: true, maxDeferralDays: 30 });
    expect(regular!.say).toEqual([
      'Отсрочка платежа — 30 дней с даты отгрузки.',
      expect.stringMatching(/^Кредитный лимит — до 2\s000\s000\s₽\.$/),
      'При просрочке начисляем пени 0,1% за каждый день просрочки.',
      'Если оплата задержится больше чем на 10 дней, мы остановим отгрузки до погашения долга.',
    ]);
    expect(regular!.never[0]).toBe('Не обещать отсрочку больше 30 дней.');
  });

  it('in English, a prepayment-only segment says so', () => {
    const [, fresh] = buildCard(policy, 'en');
    expect(fresh!.say).toEqual(['We work on 100% prepayment: we ship once the payment arrives.']);
  });

  it.each(['ru', 'en'] as const)('%s: saying the card is a call with no findings', (language) => {
    const [regular] = buildCard(policy, language);
    const t: Transcript = {
      language,
      segments: regular!.say.map((text, i) => ({ start: i, end: i + 1, speaker: 'rep', text })),
    };
    expect(checkPolicy(analyzeTranscript(t), policy, 'regular').findings).toEqual([]);
  });
});

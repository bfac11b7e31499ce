// Rule `supplyStops` (rules-1.13.0, round 14): the supply stopped, in words no cue lists, as the consequence
// of late payment is a suspension — our own wording, ru and en. The stop must be the consequence of paying
// late (arrears talk, as the suspension cues need) and not denied; «заказчик», «стопроцентная», «блоки
// питания» and "hold the order for you" stop nothing.
import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../engine/analyze.ts';
import { call } from '../engine/test-calls.ts';

/** The segments the sanctions flag points at when the rep says these lines (a negotiation, or a debt call). */
const sanctionAt = (language: 'ru' | 'en', texts: string[], type?: 'collection') =>
  analyzeTranscript(
    call(
      language,
      texts.map((t) => ['rep', t]),
    ),
    type,
  ).flags.sanctions!.moments.map((m) => m.segment);

describe('rule supplyStops: the supply stopped in any words, as the consequence of late payment', () => {
  it.each([
    ['ru', 'Если оплата задержится, доставку мы приостанавливаем до погашения.'],
    ['ru', 'При просрочке больше недели — следующая фура к вам не поедет.'],
    ['ru', 'Пока долг не закрыт, следующую партию экспедитор не выпустит.'],
    ['ru', 'Не будет оплаты к двадцатому — у нас сразу блок контейнеров на вас.'],
    ['en', 'If the invoice goes overdue, we put the next consignment on hold until it clears.'],
    ['en', 'Any late payment and your next container is not leaving the port.'],
  ] as const)('%s: %s', (language, text) => {
    expect(sanctionAt(language, [text])).toEqual([0]);
  });

  it('in a call about a debt the debt is the arrears talk: "the account is on stop"', () => {
    expect(sanctionAt('en', ['Sorry, the account’s on stop till that balance lands.'], 'collection')).toEqual(
      [0],
    );
    expect(sanctionAt('ru', ['Следующая фура к вам не выйдет, пока не будет оплаты.'], 'collection')).toEqual(
      [0],
    );
  });

  it.each([
    // no late payment: logistics, not a sanction
    ['ru', 'Доставку в пятницу приостановим на час, там ремонт дороги.'],
    ['en', 'We can hold the order for you until Monday if you like.'],
    // the customer, a share, goods named like stop words
    ['ru', 'Если заказчик задержит оплату, мы не переживаем, он надёжный.'],
    ['ru', 'Задержки оплаты бывают у всех, а первая партия у вас и так стопроцентная.'],
    ['ru', 'Если задержите оплату, заявку на блоки питания всё равно примем.'],
    // a stop denied
    ['en', 'Even if you are late the next truck will not be on hold, relax.'],
  ] as const)('no suspension — %s: %s', (language, text) => {
    expect(sanctionAt(language, [text])).toEqual([]);
  });
});

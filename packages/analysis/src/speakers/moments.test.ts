// Where a stated item's evidence reaches (round 11): the other segments of the same statement, with
// wording of our own. The verdicts are the speaker rules' (never changed here); only the moments grow.
import { describe } from 'vitest';
import { itPoints } from '../engine/test-calls.ts';

describe('dateTakenUp: a date the client names and the rep names again is one statement', () => {
  itPoints([
    [
      'the client names the date, the rep writes it down: both',
      'ru',
      [
        ['rep', 'Когда ждать оплату по счёту?'],
        ['client', 'Сто двадцать тысяч переведём к четвергу.'],
        ['rep', 'Сто двадцать к четвергу, оплату жду, записываю.'],
      ],
      { deadline: [1, 2] },
    ],
    [
      'the client names the date, the rep writes it down: both',
      'en',
      [
        ['rep', 'When can we expect the payment on that invoice?'],
        ['client', 'We can pay it in twelve days.'],
        ['rep', 'Twelve days, so payment by the twentieth. Noted.'],
      ],
      { deadline: [1, 2] },
    ],
    [
      'the client only answers a date the rep set: the rep stated it',
      'en',
      [
        ['rep', 'We need the payment by Thursday.'],
        ['client', 'Thursday is tight for us.'],
        ['rep', "If it's not in by Thursday, the account goes on hold."],
      ],
      { deadline: [0, 2] },
    ],
    [
      'a doubt or a denial names no date',
      'ru',
      [
        ['rep', 'Когда будет оплата?'],
        ['client', 'Ну к четвергу, может быть.'],
        ['rep', 'Мне нужна оплата к четвергу, не позже.'],
      ],
      { deadline: [2] },
    ],
    [
      'a date the client gives to the delivery is not the payment date',
      'en',
      [
        ['client', 'Tuesday delivery suits us better.'],
        ['rep', 'Tuesday it is. Payment is due within thirty days of delivery.'],
      ],
      { deadline: [1] },
    ],
  ]);
});

describe('rules-1.12.0 `periodStartSaid`: when a stated period counts from, said on its own', () => {
  itPoints([
    [
      'the client asks why from shipment, the rep names the start again',
      'ru',
      [
        ['rep', 'Отсрочку даём двадцать один день с даты отгрузки.'],
        ['client', 'А почему с отгрузки, машина же неделю идёт?'],
        ['rep', 'Понимаю, но считаем от даты отгрузки, так со всеми клиентами.'],
      ],
      { deadline: [0, 2] },
    ],
    [
      'from delivery or from invoice — from delivery only',
      'en',
      [
        ['rep', "You'll be on net forty-five with us."],
        ['client', 'Forty-five from delivery, or from the invoice? Your invoices run ahead of the trucks.'],
        ['rep', 'From delivery, we go by the signed delivery docket.'],
      ],
      { deadline: [0, 2] },
    ],
  ]);
  itPoints([
    [
      '«с» meaning "with" ties no start',
      'ru',
      [
        ['rep', 'Отсрочка тридцать дней с даты поставки.'],
        ['client', 'Понятно, а что по машине?'],
        ['rep', 'С поставкой всё в порядке, приедет в четверг.'],
      ],
      { deadline: [0] },
    ],
    [
      'a rate "of the invoice" names no start',
      'en',
      [
        ['rep', 'Payment is due thirty days after delivery.'],
        ['client', 'And if we go past thirty days?'],
        ['rep', 'There is a late fee of two percent of the invoice.'],
      ],
      { deadline: [0] },
    ],
    [
      'no period stated before: a start alone states nothing',
      'en',
      [
        ['rep', 'We invoice you the day the truck leaves.'],
        ['client', 'Okay.'],
        ['rep', 'The paperwork runs from the invoice date.'],
      ],
      { deadline: [] },
    ],
  ]);
});

describe('rules-1.12.0 `cutTail`: a stated item cut mid-phrase goes on in the next segment', () => {
  itPoints([
    [
      'a date cut after its preposition',
      'en',
      [
        ['client', 'When was that invoice due again?'],
        ['rep', "it's fourteen days from delivery and the load went out on the"],
        ['rep', 'fifth'],
      ],
      { deadline: [1, 2] },
    ],
    [
      'a period whose unit opens the next segment, in mono',
      'ru',
      [
        ['unknown', 'отсрочку вам согласовали тридцать'],
        ['unknown', 'дней с даты поставки на склад'],
        ['unknown', 'тридцать это хорошо'],
      ],
      { payment_terms: [0, 1] },
    ],
  ]);
  itPoints([
    [
      'a punctuated end is a whole statement',
      'en',
      [
        ['rep', 'Payment is due thirty days from delivery.'],
        ['rep', 'The trucks go out on Mondays.'],
      ],
      { deadline: [0] },
    ],
    [
      'in mono a dangling word does not carry over to the next speaker',
      'en',
      [
        ['unknown', 'we can give you a credit line of fifty k to start with'],
        ['unknown', 'okay and how long to pay'],
      ],
      { payment_terms: [0] },
    ],
  ]);
});

describe('rules-1.12.0: a period counted from delivery is still a due date for `dateTakenUp`', () => {
  itPoints([
    [
      'the buyer reads out a period from delivery, the rep says it back',
      'ru',
      [
        ['client', 'Теперь оплата: в течение двадцати дней с даты поставки, по счёту.'],
        ['rep', 'Двадцать дней с даты поставки — да, согласны.'],
      ],
      { deadline: [0, 1] },
    ],
    [
      'the buyer names a period from delivery, the rep takes it up',
      'en',
      [
        ['client', 'We will pay every invoice within twenty days from delivery.'],
        ['rep', 'Twenty days from delivery works for us.'],
      ],
      { deadline: [0, 1] },
    ],
  ]);
});

describe('rules-1.13.0 `nextPart`: terms in parts go on in the same speaker’s next segment', () => {
  itPoints([
    [
      'the advance, then the rest after shipment',
      'ru',
      [
        ['rep', 'По оплате сорок процентов аванс'],
        ['rep', 'и шестьдесят в течение десяти дней после отгрузки'],
        ['client', 'Понятно.'],
      ],
      { payment_terms: [0, 1] },
    ],
    [
      'a deposit, then the balance after installation',
      'en',
      [
        ['rep', 'We ask for a twenty percent deposit with the order'],
        ['rep', 'and the balance within ten days of installation'],
        ['client', 'Fair enough.'],
      ],
      { payment_terms: [0, 1] },
    ],
  ]);
  itPoints([
    [
      'both parts in one segment: the next one is something else',
      'en',
      [
        ['rep', 'Twenty percent deposit, the rest on delivery.'],
        ['rep', 'And the balance of the stock ships in two weeks from the depot.'],
        ['client', 'Good, send the invoice.'],
      ],
      { payment_terms: [0] },
    ],
    [
      'the next segment opens on no part',
      'ru',
      [
        ['rep', 'Предоплата пятьдесят процентов'],
        ['rep', 'машина придёт через два дня после оплаты'],
        ['client', 'Хорошо, счёт ждём.'],
      ],
      { payment_terms: [0] },
    ],
  ]);
});

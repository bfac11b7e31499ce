// Class 8 (issue 14): a statement that speech-to-text cut in two is found in both segments.
import { describe } from 'vitest';
import { itPoints } from './test-calls.ts';

describe('statementAcrossCut: a cue split over two segments of one speaker', () => {
  itPoints([
    [
      'a deferral cut between the word and its number is stated in both',
      'ru',
      [
        ['client', 'а как у нас с расчётами'],
        ['rep', 'значит рассчитываться будете с отсрочкой в'],
        ['rep', 'тридцать банковских дней после приёмки товара'],
        ['client', 'годится'],
      ],
      { payment_terms: [1, 2], deadline: [1, 2] },
    ],
    [
      'net cut from its days is stated in both',
      'en',
      [
        ['client', 'and how do we settle up'],
        ['rep', 'for the invoices we can give you net'],
        ['rep', 'sixty days counted from the delivery ticket'],
        ['client', 'works for me'],
      ],
      { payment_terms: [1, 2] },
    ],
    [
      'punctuation at the cut ends the statement: nothing is joined across it',
      'ru',
      [
        ['rep', 'Остаток оплачиваете с отсрочкой.'],
        ['rep', 'Двадцать дней на приёмку и разгрузку.'],
      ],
      { payment_terms: [0], deadline: [] },
    ],
    [
      'two speakers are never joined',
      'en',
      [
        ['client', 'we were hoping for net'],
        ['rep', 'forty days is what the warehouse needs to pick it'],
      ],
      { payment_terms: [] },
    ],
    [
      'a mono call is never joined',
      'ru',
      [
        ['unknown', 'хотелось бы отсрочку на'],
        ['unknown', 'двадцать дней нам на монтаж надо'],
      ],
      { deadline: [] },
    ],
    [
      'a consequence begun before the cut is stated in both',
      'ru',
      [
        ['rep', 'и сразу предупрежу если к двадцатому денег не будет то мы'],
        ['rep', 'остановим отгрузки пока долг не закроете'],
      ],
      { sanctions: [0, 1] },
    ],
    [
      'a consequence begun before the cut is stated in both',
      'en',
      [
        ['rep', 'and if you go past the due date we will'],
        ['rep', 'charge a late fee of two percent a month'],
      ],
      { sanctions: [0, 1] },
    ],
    [
      'a tail ending on a preposition is finished by the cue after the cut',
      'ru',
      [
        ['rep', 'лимит откроем пятьсот тысяч и рассчитываетесь вы с'],
        ['rep', 'отсрочкой двадцать один день с даты отгрузки'],
      ],
      { deadline: [0, 1] },
    ],
    [
      // (not read as one sentence: the deadline stays in the second; since rules-1.13.0 `nextPart` points
      // the terms at the rest's segment too — a moment, not a cue read across the cut)
      'two whole statements in a row are not joined',
      'en',
      [
        ['rep', 'we need a twenty percent deposit up front'],
        ['rep', 'and the rest within thirty days of delivery'],
      ],
      { payment_terms: [0, 1], deadline: [1] },
    ],
  ]);
});

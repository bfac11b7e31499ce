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

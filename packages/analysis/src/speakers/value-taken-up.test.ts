// Rule `valueTakenUp` (rules-1.13.0, round 14): the client names a term with its number — said or asked —
// and the rep's next turn says the number back and agrees (the agreement or the number opening the turn):
// the term is stated in both segments. Our own wording, ru and en; the client's numbers in a call about a
// debt, a refusal, a question back, a dodge and a number about the delivery state nothing.
import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../engine/analyze.ts';
import { exchange, itPoints, replies, type CallCase } from '../engine/test-calls.ts';

const cases: CallCase[] = [
  ...replies(
    'the client dictates the period, the rep says it back and agrees after it: terms and deadline',
    { payment_terms: [0, 1], deadline: [0, 1] },
    [
      'ru',
      'У нас для всех поставщиков отсрочка шестьдесят дней, так заведено.',
      'Шестьдесят… ну что ж, хорошо.',
    ],
    [
      'ru',
      'По нашему регламенту — отсрочка сорок пять календарных дней.',
      'Сорок пять... ладно, раз регламент.',
    ],
    ['en', 'Our standard is net sixty, that is how we buy.', 'Sixty days... fine, we can live with that.'],
  ),
  ...replies(
    'the client asks to confirm the usual period, the rep says yes and the number',
    { payment_terms: [0, 1], deadline: [0, 1] },
    ['ru', 'Отсрочка у нас как всегда, три недели?', 'Да, три недели.'],
    ['en', 'Still thirty days credit, same as last year?', 'Yes, thirty days.'],
  ),
  ...replies(
    'the rep refuses the number or asks it back: nothing',
    { payment_terms: [], deadline: [] },
    ['ru', 'У нас для всех поставщиков отсрочка шестьдесят дней.', 'Шестьдесят? Нет, это много для нас.'],
    ['ru', 'Нам нужна отсрочка шестьдесят дней.', 'Шестьдесят не дадим, хорошо бы вы это поняли.'],
    ['en', 'We buy on net sixty.', 'Sixty? No, that will not fly with our finance team.'],
  ),
  ...replies('the rep says the number but dodges: nothing', { payment_terms: [], deadline: [] }, [
    'ru',
    'Нам нужна отсрочка шестьдесят дней.',
    'Шестьдесят — хорошо, давайте это потом обсудим.',
  ]),
  ...replies('the number the rep says back is the delivery’s: nothing', { payment_terms: [], deadline: [] }, [
    'ru',
    'Отсрочка как всегда, и доставка за два дня?',
    'Да, доставка за два дня.',
  ]),
];

describe('rule valueTakenUp: the client’s term, its number said back and agreed by the rep', () => {
  itPoints(cases);
});

describe('rule valueTakenUp in a call about a debt', () => {
  it('the client’s number said back in a collection call is what is owed or promised, not a term agreed', () => {
    const t = exchange(
      'ru',
      'Отсрочка у нас была тридцать дней, мы в неё почти уложились.',
      'Тридцать… ну хорошо, только сорок уже прошло.',
    );
    expect(analyzeTranscript(t, 'collection').flags.payment_terms!.stated).toBe(false);
    // the same exchange in a negotiation is the rep agreeing to the client's term
    expect(analyzeTranscript(t).flags.payment_terms!.stated).toBe(true);
  });
});

// Rule `valueAnswered` for a credit period (checklist 1.10.0, round 14): the client asks what credit
// period they get and the rep answers with a bare period — both the terms and the deadline, in the
// answer (flags.md: «отсрочка N дней» states both). The client's own number said back is no answer.
describe('rule valueAnswered: a question about the credit period answered with a bare period', () => {
  itPoints([
    ...replies(
      'the answer is the period alone: terms and deadline in the answer',
      { payment_terms: [1], deadline: [1] },
      ['ru', 'А отсрочка для нас какая будет?', 'Для вас двадцать один день.'],
      ['en', 'What credit terms can you give a new account?', 'Forty five days for a start.'],
    ),
    ...replies(
      'the rep only says back the number the client named, with no agreement: nothing',
      { payment_terms: [], deadline: [] },
      [
        'en',
        'And your credit terms? We normally pay in sixty days.',
        'Sixty days, hmm… let us see how it goes first.',
      ],
      [
        'ru',
        'Какая отсрочка? Мы обычно платим через шестьдесят дней.',
        'Шестьдесят дней… ну посмотрим сначала.',
      ],
    ),
    ...replies(
      'a Scots «aye» agrees like a yes (rule valueTakenUp)',
      { payment_terms: [0, 1], deadline: [0, 1] },
      ['en', 'On the account as usual, thirty days credit?', 'Aye, thirty days as always.'],
    ),
  ]);
});

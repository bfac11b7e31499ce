import type { Language, Transcript } from '@onterms/contracts';
import { stem } from '../language/stem.ts';
import { tokenize } from '../language/tokenize.ts';

/**
 * The market's keyword tracker, for comparison in `npm run eval`: a flag is «stated» when a
 * stemmed keyword is said by our side (rep, or anyone in a mono call). No negation, no questions,
 * no topics, no confirmation. Deflection: a brush-off phrase by our side.
 */
const KEYWORDS: Record<Language, Record<string, string[]>> = {
  ru: {
    payment_terms: ['отсрочка', 'предоплата', 'рассрочка', 'аванс', 'лимит', 'постоплата', 'кредит'],
    deadline: [
      'дней',
      'числа',
      'срок',
      'позднее',
      'пятницы',
      'понедельника',
      'среды',
      'четверга',
      'вторника',
    ],
    sanctions: [
      'пени',
      'штраф',
      'неустойка',
      'приостанавливаем',
      'суд',
      'юристам',
      'претензия',
      'блокируем',
      'коллекторы',
    ],
    deflection: ['потом', 'переживайте', 'беспокойтесь', 'волнуйтесь', 'договоримся', 'решим'],
  },
  en: {
    payment_terms: ['net', 'terms', 'upfront', 'prepay', 'credit', 'deposit', 'installment', 'account'],
    deadline: ['days', 'due', 'friday', 'monday', 'wednesday', 'thursday', 'tuesday', 'month'],
    sanctions: ['fee', 'penalty', 'interest', 'hold', 'suspend', 'collections', 'legal', 'court'],
    deflection: ['worry', 'later', 'figure', 'flexible'],
  },
};

export function keywordTracker(t: Transcript): {
  flags: Record<string, { stated: boolean; moments: { segment: number }[] }>;
  deflection: { present: boolean; moments: { segment: number }[] };
} {
  const kw = KEYWORDS[t.language];
  const stems = Object.fromEntries(
    Object.entries(kw).map(([k, ws]) => [k, new Set(ws.map((w) => stem(w, t.language)))]),
  );
  const hits: Record<string, number[]> = { payment_terms: [], deadline: [], sanctions: [], deflection: [] };
  t.segments.forEach((s, i) => {
    if (s.speaker === 'client') return;
    const toks = tokenize(s.text, t.language).flatMap((c) => c.tokens);
    for (const [flag, set] of Object.entries(stems))
      if (toks.some((tk) => set.has(tk.stem))) hits[flag]!.push(i);
  });
  const view = (f: string) => ({
    stated: hits[f]!.length > 0,
    moments: hits[f]!.map((segment) => ({ segment })),
  });
  return {
    flags: { payment_terms: view('payment_terms'), deadline: view('deadline'), sanctions: view('sanctions') },
    deflection: {
      present: hits.deflection!.length > 0,
      moments: hits.deflection!.map((segment) => ({ segment })),
    },
  };
}

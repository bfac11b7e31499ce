import type { Language } from '@onterms/contracts';

/**
 * Built-in payment vocabulary, used when the caller passes none. The analysis package's checklist
 * terms should be passed as `vocabulary` instead when available (TranscriptionRequest.vocabulary).
 */
export const DEFAULT_VOCABULARY: Record<Language, readonly string[]> = {
  ru: [
    'отсрочка платежа',
    'предоплата',
    'постоплата',
    'пени',
    'неустойка',
    'штраф',
    'просрочка',
    'банковских дней',
    'календарных дней',
    'с момента отгрузки',
    'УПД',
    'счёт-фактура',
    'акт сверки',
    'аванс',
    'рассрочка',
    'кредитный лимит',
    'дебиторская задолженность',
    'ключевая ставка',
    'НДС',
  ],
  en: [
    'net 30',
    'net 60',
    'net 90',
    'late fee',
    'late payment',
    'prepayment',
    'upfront',
    'deposit',
    'invoice',
    'due date',
    'penalty',
    'interest',
    'credit limit',
    'installments',
    'past due',
    'VAT',
  ],
};

/** Whisper reads at most 224 prompt tokens; ~600 characters of Cyrillic stays well inside. */
const MAX_PROMPT_CHARS = 600;

/**
 * The prompt that biases recognition towards domain terms. Whisper treats the prompt as "previous
 * text", so it is phrased as a natural sentence in the call's language listing the terms. With no
 * language hint, both languages' lead-ins are avoided and the terms are listed bare.
 */
export function buildVocabularyPrompt(
  language: Language | null,
  vocabulary?: readonly string[],
): string | null {
  const terms =
    vocabulary && vocabulary.length > 0
      ? vocabulary
      : language
        ? DEFAULT_VOCABULARY[language]
        : [...DEFAULT_VOCABULARY.ru, ...DEFAULT_VOCABULARY.en];
  const unique = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
  if (unique.length === 0) return null;
  const lead =
    language === 'ru'
      ? 'Разговор об условиях оплаты: '
      : language === 'en'
        ? 'A call about payment terms: '
        : '';
  let prompt = lead;
  for (const [i, term] of unique.entries()) {
    const next = `${i === 0 ? '' : ', '}${term}`;
    if (prompt.length + next.length + 1 > MAX_PROMPT_CHARS) break;
    prompt += next;
  }
  return `${prompt}.`;
}

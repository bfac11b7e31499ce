import type { Language } from '@onterms/contracts';
import type { Token } from '../language/tokens.ts';
import { tokenize } from '../language/tokenize.ts';
import type { LanguageRules } from '../checklist/compile.ts';

/** A clause with what the engine needs to judge it. */
export interface ReadClause {
  tokens: Token[];
  ids: Int32Array[];
  question: boolean;
  hypothetical: boolean;
}

function startsWith(set: LanguageRules['markers']['openers'], toks: Token[], ids: Int32Array[], at: number): boolean {
  // a pattern matched exactly at position `at`
  let hit = false;
  set.scan(toks.slice(at, at + 4), ids.slice(at, at + 4), (_p, m) => {
    if (m.start === 0) hit = true;
  });
  return hit;
}

const THIRD_PERSON = new Set(['ему', 'ей', 'им', 'him', 'her', 'them']);

/** Index of the first token after clause openers («а», «ну», "so", "okay"). */
function afterOpeners(r: LanguageRules, toks: Token[], ids: Int32Array[]): number {
  let i = 0;
  while (i < toks.length && i < 3 && startsWith(r.markers.openers, toks, ids, i)) i++;
  return i;
}

/**
 * Is the clause a question? Punctuated text says so with «?». Raw ASR text has no punctuation, so
 * we read the shape: an interrogative near the start, «а если …» without a consequence, a yes/no
 * tail («а пени есть»), or a request («скажите …», "tell me").
 */
function isQuestion(r: LanguageRules, lang: Language, toks: Token[], ids: Int32Array[], questionMark: boolean, punctuated: boolean): boolean {
  if (questionMark) return true;
  if (toks.length === 0) return false;
  // «скажите, какая отсрочка», "tell me" ask; «скажите ему, что всё нормально» does not
  let request = false;
  r.markers.requests.scan(toks, ids, (_p, m) => {
    const next = toks[m.end]?.text;
    if (!next || !THIRD_PERSON.has(next)) request = true;
  });
  if (request) return true;
  if (punctuated) return false;
  const s = afterOpeners(r, toks, ids);
  const rest = toks.slice(s);
  const restIds = ids.slice(s);
  if (rest.length === 0) return false;
  if (r.markers.questionAnywhere.test(rest, restIds)) return true;
  // «а лимит?», "and the limit": a bare noun phrase after an opener asks about it
  if (s > 0 && rest.length <= 2 && rest.every((t) => t.num === undefined && !t.weekday)) return true;
  const first = r.markers.interrogatives.firstAt(rest, restIds);
  if (first === 0 || (first === 1 && lang === 'ru')) return true;
  const opensWithA = lang === 'ru' && toks[0]!.text === 'а';
  // «а если задержим?» asks; «если денег не будет, мы блокируем отгрузки» states a consequence
  if ((lang === 'en' || opensWithA) && startsWith(r.markers.questionOpeners, rest, restIds, 0)) return !r.markers.consequence.test(rest, restIds);
  if (opensWithA && first >= 0) return true;
  if (lang === 'en' && first >= 0 && rest.slice(first, first + 2).some((t) => t.text === 'happens')) return true;
  const lastAt = rest.length - 1;
  let tail = false;
  r.markers.questionTails.scan(rest, restIds, (_p, m) => {
    if ((m.end === rest.length && m.start >= Math.max(1, lastAt - 1)) || (opensWithA && m.start >= 1 && m.start <= 3)) tail = true;
  });
  if (tail && (lang === 'en' || opensWithA || rest.length <= 4)) return true;
  return false;
}

export function readSegment(text: string, lang: Language, r: LanguageRules): ReadClause[] {
  return tokenize(text, lang).map((c) => {
    const ids = c.tokens.map((t) => r.lex.termsOf(t));
    return {
      tokens: c.tokens,
      ids,
      question: isQuestion(r, lang, c.tokens, ids, c.questionMark, c.punctuated),
      hypothetical: r.markers.hypothetical.test(c.tokens, ids),
    };
  });
}

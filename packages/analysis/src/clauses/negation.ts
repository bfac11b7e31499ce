import type { ReadClause } from './read.ts';
import type { Match } from '../patterns/pattern.ts';
import { LANGUAGE_DATA, bothLanguages } from '../language/language-data.ts';

// The word data is kept once per language (language/ru.ts, en.ts); a clause does not know its
// language, so both languages' words are read (they do not overlap).
// Negators that scope over the noun right after them («без штрафов», «никаких пени», "no late
// fees", "without interest"): a condition before them does not take them over.
const NOUN_NEGATORS = bothLanguages((d) => d.nounNegators);
// «не позднее», «не более», "no later than", "not more than": a limit, not a negation
export const LIMITERS = bothLanguages((d) => d.limiters);
// a clause-initial «нет», "no" before a subject answers the question before: «нет, у нас отсрочка …»
const BARE_NO = bothLanguages((d) => d.bareNo);
// «без проблем», "no problem", "not a problem": assent, not a negation (rules-1.9.0)
const ASSENT = bothLanguages((d) => d.assentAfterNegator);
const ARTICLES = new Set(['a', 'an']);
const SUBJECTS = bothLanguages((d) => d.subjects);
// «штрафов за просрочку у нас нет»: an existential negator after the noun closes a longer stretch
const POSTPOSED = bothLanguages((d) => d.postposedNegators);
// «пени у нас для салонов не предусмотрены», «штрафы с постоянных клиентов не берём»: a «не» before
// a verb of charging, applying or including closes a longer stretch after the noun: as far as an
// existential «нет» reaches (rules-1.11.1: «неустойку по оплате мы в ваш договор не включаем», seven)
const WAIVER_VERBS = [LANGUAGE_DATA.ru.waiverVerbs, LANGUAGE_DATA.en.waiverVerbs];
const isWaiverVerb = (w: string) => WAIVER_VERBS[0]!.test(w) || WAIVER_VERBS[1]!.test(w);

// how far after the cue a negator can close it: «… у нас нет» at the end of a clause
const EXISTENTIAL_REACH = 8;
const VERB_REACH = EXISTENTIAL_REACH;

/** Rule `assentIdiom`: the negator at `k` opens «без проблем», «не вопрос», "no problem", "not a problem". */
export function assentIdiom(toks: ReadClause['tokens'], k: number): boolean {
  let j = k + 1;
  if (toks[j] && ARTICLES.has(toks[j]!.text)) j++;
  const w = toks[j];
  return w !== undefined && ASSENT.has(w.text);
}

function isNegator(c: ReadClause, k: number): boolean {
  if (!c.marks.at('negators', k)) return false;
  const toks = c.tokens;
  const nx = toks[k + 1];
  if (nx && LIMITERS.has(nx.text)) return false;
  if (assentIdiom(toks, k)) return false;
  if (k === 0 && nx && SUBJECTS.has(nx.text) && BARE_NO.has(toks[k]!.text)) return false;
  return true;
}

/**
 * Is the cue at `m` negated? A negator up to three words before it («без штрафов», «никаких пени»,
 * "no late fees", "we don't charge late fees") or right after it («пени не начисляем», «штрафов
 * нет»), within the same comma-delimited stretch. A «не» inside a condition («если денег не будет,
 * …», "if it's not in by Friday") belongs to the condition, not to the cue.
 */
export function isNegated(c: ReadClause, m: Match): boolean {
  const toks = c.tokens;
  for (let k = m.start - 1, d = 1; k >= 0 && d <= 3; k--, d++) {
    if (toks[k + 1]!.sep) break;
    if (isNegator(c, k)) {
      if (d <= 2 && NOUN_NEGATORS.has(toks[k]!.text)) return true;
      let conditional = false;
      for (let j = Math.max(0, k - 4); j < k; j++) if (c.marks.at('conditionals', j)) conditional = true;
      if (!conditional) return true;
    }
  }
  // «штрафов за просрочку у нас нет», «пени мы никогда не берём»: an existential «нет» / "none"
  // ends a longer stretch than a verb's «не»
  for (let k = m.end, d = 1; k < toks.length && d <= EXISTENTIAL_REACH; k++, d++) {
    if (toks[k]!.sep) break;
    if (c.marks.at('conditionals', k)) break;
    if (toks[k]!.num !== undefined) break;
    if (!isNegator(c, k)) continue;
    if (d <= 3 || (d <= 5 && POSTPOSED.has(toks[k]!.text))) return true;
    // «неустойки за опоздание с оплатой у нас нет»: an existential «нет» closing the clause reaches
    // over the whole noun phrase
    if (k === toks.length - 1 && POSTPOSED.has(toks[k]!.text)) return true;
    const nx = toks[k + 1];
    if (d <= VERB_REACH && nx && isWaiverVerb(nx.text)) return true;
  }
  return false;
}

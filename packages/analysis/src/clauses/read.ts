import type { Language } from '@onterms/contracts';
import type { Token } from '../language/tokens.ts';
import { tokenize } from '../language/tokenize.ts';
import type { LanguageRules } from '../checklist/compile.ts';
import { Marks } from './marks.ts';

/** A clause with what the engine needs to judge it. */
export interface ReadClause {
  tokens: Token[];
  ids: Int32Array[];
  marks: Marks;
  question: boolean;
  hypothetical: boolean;
}

/**
 * Is token `at` inside a condition contrary to fact («если бы у нас были пени, …», "if we had late
 * fees, …")? From the marker to the next comma or the consequence («я бы», "we would", «то»).
 */
export function inCounterfactual(c: ReadClause, at: number): boolean {
  for (const m of c.marks.all('counterfactual')) {
    if (m.start >= at) continue;
    let open = true;
    for (let k = m.end; k <= at && open; k++) {
      if (k > m.end && c.tokens[k]!.sep) open = false;
      else if (k < at && c.marks.at('counterfactualEnd', k)) open = false;
    }
    if (open) return true;
  }
  return false;
}

const PRONOUN = new Set(['you', 'we', 'i', 'they', 'it', 'he', 'she', 'that', 'there']);
const THIRD_PERSON = new Set(['ему', 'ей', 'им', 'him', 'her', 'them']);
// «скажите, что у вас по оплате», «что там с лимитом», «что за условия»: «что» asks after these
const ASKS_AFTER_WHAT = new Set([
  '',
  'у',
  'по',
  'с',
  'со',
  'за',
  'там',
  'насчет',
  'вообще',
  'же',
  'ли',
  'это',
  'тогда',
  'будет',
  'делать',
  'is',
  'about',
]);

/** Index of the first token after clause openers («а», «ну», "so", "okay"). */
function afterOpeners(marks: Marks, n: number): number {
  let i = 0;
  while (i < n && i < 3 && marks.at('openers', i)) i++;
  return i;
}

const CLEFT_SUBJECT = new Set(['i', 'we']);
// words that make the «что» after them a conjunction («так что», «потому что», «оттого что»; not «а по
// деньгам то что») or a relative word («единственное что скажу», «главное что …»: the one thing said)
const CONJUNCTION_BEFORE_CHTO = new Set(['так', 'потому', 'оттого', 'единственное', 'главное']);
const TELLING =
  /^(напомина|напомн|говор|скаж|предупрежд|предупред|сообща|сообщ|информир|учтите|учитывайте|знайте|помните|имейте|обращаю|отмеч)/;

/** «а отсрочка будет (в) тридцать дней»: a value right after the tail word states it, asks nothing. */
function valueFollows(toks: Token[], at: number): boolean {
  for (let k = at; k < at + 2 && k < toks.length; k++) if (toks[k]!.num !== undefined) return true;
  return false;
}

/**
 * Rule `ownHavingStates` (rules-1.9.0): «а ещё у нас есть правило: если просрочка …» — the
 * speaker's own «у нас есть» with words after it tells what we have; its «есть» is no yes/no tail
 * («а пени у вас есть», «а у вас есть отсрочка», «а отсрочка у нас есть» still ask).
 */
function ownHavingStates(marks: Marks, tailEnd: number, n: number): boolean {
  return tailEnd < n && marks.all('ownHaving').some((o) => o.end === tailEnd);
}

/**
 * Is the clause a question? Punctuated text says so with «?». Raw ASR text has no punctuation, so
 * we read the shape: an interrogative near the start, «а если …» without a consequence, a yes/no
 * tail («а пени есть»), or a request («скажите …», "tell me").
 */
function isQuestion(
  marks: Marks,
  lang: Language,
  toks: Token[],
  questionMark: boolean,
  punctuated: boolean,
): boolean {
  if (questionMark) return true;
  if (toks.length === 0) return false;
  // «скажите, какая отсрочка», "tell me" ask; «скажите ему, что всё нормально» does not
  let passOn = false;
  for (const m of marks.all('requests')) {
    const next = toks[m.end]?.text;
    if (next && THIRD_PERSON.has(next)) continue;
    // «скажите (им), что для вас открыт лимит», "tell them that": what to pass on, a statement;
    // «скажите, что у вас по отсрочке», «что за лимит» still ask
    // (an addressee may stand between: «скажите директору, что …», "tell your boss that …")
    let w = m.end;
    while (w < m.end + 3 && w < toks.length && toks[w]!.text !== 'что' && toks[w]!.text !== 'that') w++;
    const what = toks[w]?.text;
    if ((what === 'что' || what === 'that') && !ASKS_AFTER_WHAT.has(toks[w + 1]?.text ?? '')) {
      passOn = true;
      continue;
    }
    return true;
  }
  // «скажите (бухгалтеру), что всё решаемо»: the «что» that follows is a conjunction, not a question
  if (passOn) return false;
  if (punctuated) return false;
  const s = afterOpeners(marks, toks.length);
  const n = toks.length - s;
  if (n === 0) return false;
  if (marks.has('questionAnywhere', s)) return true;
  // «оплату сможете сделать до пятницы» asks; «если не сможете, …» is a condition
  for (const m of marks.all('questionModals')) {
    if (m.start < s) continue;
    let cond = false;
    for (let k = Math.max(0, m.start - 4); k < m.start; k++) if (marks.at('conditionals', k)) cond = true;
    // «не получится» refuses
    if (m.start > 0 && marks.at('negators', m.start - 1)) cond = true;
    if (!cond) return true;
  }
  // «а лимит?», "and the limit": a bare noun phrase after an opener asks about it
  if (s > 0 && n <= 2 && toks.slice(s).every((t) => t.num === undefined && !t.weekday)) return true;
  let f = marks.first('interrogatives', s);
  // "any late fees" asks; "any account more than sixty days over goes to collections" states
  if (f >= 0 && toks[f]!.text === 'any' && n > 4) f = -1;
  // "do not worry", "don't sweat it" (ASR "dont"): an imperative; "don't you charge …" still asks
  if (f >= 0 && toks[f + 1]?.text === 'not' && !PRONOUN.has(toks[f + 2]?.text ?? '')) f = -1;
  // «так что по итогу …», «значит так, что …», «потому что у нас правило …»: a
  // conjunction, not «что?» (rules-1.8.0: «потому что», «оттого что»)
  if (f >= 0 && toks[f]!.text === 'что' && CONJUNCTION_BEFORE_CHTO.has(toks[f - 1]?.text ?? '')) f = -1;
  // rule `asBefore` (rules-1.9.0): «значит, как в прошлый раз, пятьдесят процентов предоплата», «как
  // обычно, с отсрочкой»: «как» opens a comparison with what holds or held — it asks nothing
  if (f >= 0 && marks.all('asBefore').some((m) => m.start === f)) f = -1;
  // «напоминаю, что пени …», «учтите, что …», «предупреждаю, что …»: «что» after a verb of telling
  // joins what is told — a statement
  if (f >= 0 && toks[f]!.text === 'что' && TELLING.test(toks[f - 1]?.text ?? '')) f = -1;
  // "what I can do today is a credit limit of …", "how we do it is net thirty": a pseudo-cleft
  // (wh-word, a subject, later "is") states
  if (
    f >= 0 &&
    lang === 'en' &&
    (toks[f]!.text === 'what' || toks[f]!.text === 'how') &&
    CLEFT_SUBJECT.has(toks[f + 1]?.text ?? '') &&
    toks.slice(f + 3).some((t) => t.text === 'is' || t.text === 'was')
  )
    f = -1;
  const first = f < 0 ? -1 : f - s;
  if (first === 0 || (first === 1 && lang === 'ru')) return true;
  const opensWithA = lang === 'ru' && toks[0]!.text === 'а';
  // «а если задержим?» asks; «если денег не будет, мы блокируем отгрузки» states a consequence
  if ((lang === 'en' || opensWithA) && marks.at('questionOpeners', s)) return !marks.has('consequence', s);
  if (opensWithA && first >= 0) return true;
  if (lang === 'en' && first >= 0 && toks.slice(f, f + 2).some((t) => t.text === 'happens')) return true;
  const lastAt = n - 1;
  let tail = false;
  for (const mm of marks.all('questionTails')) {
    if (mm.start < s) continue;
    if (ownHavingStates(marks, mm.end, toks.length)) continue;
    const st = mm.start - s;
    if (
      (mm.end === toks.length && st >= Math.max(1, lastAt - 1)) ||
      (opensWithA && st >= 1 && st <= 3 && !valueFollows(toks, mm.end))
    )
      tail = true;
  }
  if (tail && (lang === 'en' || opensWithA || n <= 4)) return true;
  return false;
}

export function readSegment(text: string, lang: Language, r: LanguageRules): ReadClause[] {
  return tokenize(text, lang).map((c) => {
    const ids = c.tokens.map((t) => r.lex.termsOf(t));
    const marks = new Marks(r.allMarks, c.tokens, ids);
    // «если что, у нас без штрафов», "just in case": an idiom, not a condition
    const idioms = marks.all('notCondition');
    if (idioms.length)
      marks.keep('conditionals', (m) => !idioms.some((i) => m.start >= i.start && m.start < i.end));
    // rule `sameAsOthers` (rules-1.9.0): «отсрочка тридцать дней, как у всех», "net 45, same as
    // everybody else": the others are a comparison, our terms stay ours
    const likened = marks.all('sameAsOthers');
    if (likened.length)
      marks.keep('hypothetical', (m) => !likened.some((i) => m.start >= i.start && m.start < i.end));
    return {
      tokens: c.tokens,
      ids,
      marks,
      question: isQuestion(marks, lang, c.tokens, c.questionMark, c.punctuated),
      hypothetical: marks.has('hypothetical'),
    };
  });
}

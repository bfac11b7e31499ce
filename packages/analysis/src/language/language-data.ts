import type { Language } from '@onterms/contracts';
import { EN } from './en.ts';
import { RU } from './ru.ts';

/**
 * Word data kept once per language (`ru.ts`, `en.ts`) — it used to be repeated across the modules
 * that read it (day units in the echo and value readers, contrast words in the tokenizer and the
 * denial rule, negators in negation). Grammar marker phrases live in `markers.ts`.
 */
export interface LanguageData {
  /** A word naming a period, with its length in days. */
  dayUnits: [RegExp, number][];
  /** What a period counts from, by the first event word after its number («с даты отгрузки», "from invoice"). */
  periodAnchors: [RegExp, PeriodAnchor][];
  /**
   * A preposition that ties a period to the event it counts from («через две недели после …», «с
   * даты», "within 30 days of …", "from"): the words after it name the anchor, not the topic (rules-1.9.0).
   */
  anchorPrepositions: Set<string>;
  /** An event a period can run from («отгрузили — и дальше …», "after install"): a deadline's anchor. */
  eventWords: RegExp;
  /** A word that makes a period a credit period («отсрочка», "net", "terms"), not only a due date. */
  creditWords: RegExp;
  /** A word between a number and its unit that keeps it a day count («календарных», "business"). */
  dayQualifiers: RegExp;
  /** Rate periods after a percentage («0,1 % в день», "1.5 % a month"), tried in order on its next words. */
  ratePeriods: [RegExp, RatePeriod][];
  /** A word right after a bare rate that can lead to its period («в», "per", «день»). */
  ratePeriodLead: RegExp;
  /** A word naming the period of a bare rate («день», "month"). */
  ratePeriodWord: RegExp;
  /** The words just before a rate that make it monthly («ежемесячные пени», "monthly"). */
  monthlyBefore: RegExp;
  /** Words that name a prepayment's share without a percentage («стопроцентная», "in full", "half"). */
  prepaymentShares: [RegExp, number][];
  contrast: Set<string>;
  /** Words a phrase cannot end on (prepositions, articles, conjunctions): a segment ending so was cut. */
  danglingEnds: Set<string>;
  /** Every negator (marker patterns: `*` is a prefix), the one list the clause marks are built from. */
  negators: string[];
  nounNegators: Set<string>;
  postposedNegators: Set<string>;
  /** A word after a negator that makes it a limit («не позднее», "no later than"), not a negation. */
  limiters: Set<string>;
  // ---- rules-1.8.1 (values): rate periods said away from the rate, and a rate's usual period ----
  /** A rate's period named anywhere in the clause («за каждый день просрочки …», "for each day late"). */
  ratePeriodAnywhere: [RegExp, RatePeriod][];
  /** A penalty word whose rate runs per a period by definition when none is said («пени»: per day; "interest": per year). */
  usualRatePeriod: [RegExp, RatePeriod][];
  /** A word that puts a due date in the past («срок был пятого», "it was due on the 5th"): the debt's date, not a deadline. */
  pastDue: RegExp;
  /** A verb of stopping supply («останавливаем», "stop"): a suspension's own verb, beside a credit hold's. */
  stopVerbs: RegExp;
  /**
   * rules-1.13.0 (rule `supplyStops`; what is supplied is a marker, `supplied` in markers.ts): a word
   * that stops it near it («приостанавливаем», «блок», «стоп», "suspend", "stop") …
   */
  supplyStops: RegExp;
  /** … (a state word stops only after «на» / "on": «на паузу», «на холд», "on hold"; "hold the order" keeps it) … */
  supplyStates: RegExp;
  stateOn: RegExp;
  /** … or, for the next supply («следующая», "next"), the «не» / "not" of a verb after it («не едет», "is not going"). */
  nextSupply: RegExp;
  verbNegators: RegExp;
  /** A period changed «с тридцати до четырнадцати», "from sixty to thirty": the words before the old and the new length. */
  changeFrom: RegExp;
  changeTo: RegExp;
  /** «в течение», "within": a period counted to a deadline. */
  within: RegExp;
  /** A verb of the seller granting a period («дадим», «оставляем», "we're offering", "we'd do"). */
  grantVerbs: RegExp;
  /** «подписания», "signing": a period anchor that names its start by what is signed. */
  signing: RegExp;
  /**
   * rules-1.12.0 (values): a transfer document («УПД», «накладная», «документ о приёмке», "delivery note",
   * "acceptance certificate") whose signing by the buyer is the acceptance of the goods: a period counted
   * from that signing counts from delivery.
   */
  signedTransfer: RegExp;
  /** A word of recovering a debt («взыскание»): the legal route, not an agency, beside a court or lawyers. */
  debtRecovery: RegExp;
  /**
   * A word after a negator that makes it an idiom of assent («без проблем», «не вопрос», "no
   * problem", "not a problem"), not a negation of the term said next to it (rules-1.9.0).
   */
  assentAfterNegator: Set<string>;
  /** A clause-initial «нет», "no" … */
  bareNo: Set<string>;
  /** … before one of these subjects answers the question before («нет, у нас отсрочка …»). */
  subjects: Set<string>;
  /** A verb of charging or applying after «не»: closes a longer stretch after the noun. */
  waiverVerbs: RegExp;
}

export type PeriodAnchor = 'shipment' | 'delivery' | 'invoice' | 'contract';
export type RatePeriod = 'day' | 'week' | 'month' | 'year';

export const LANGUAGE_DATA: Record<Language, LanguageData> = { ru: RU, en: EN };

/** A set of the words of both languages, for readers that do not know the clause's language. */
export function bothLanguages(pick: (d: LanguageData) => Set<string>): Set<string> {
  return new Set([...pick(RU), ...pick(EN)]);
}

/** Days in one `word` of a period («недели» → 7, "months" → 30), or 0. */
export function daysPerUnit(word: string, lang: Language): number {
  for (const [re, days] of LANGUAGE_DATA[lang].dayUnits) if (re.test(word)) return days;
  return 0;
}

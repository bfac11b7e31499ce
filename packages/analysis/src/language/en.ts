import type { LanguageData } from './language-data.ts';

/** English word data shared by the tokenizer, the clause readings and the value readers. */
export const EN: LanguageData = {
  dayUnits: [
    [/^days?$/, 1],
    [/^weeks?$/, 7],
    [/^months?$/, 30],
  ],
  periodAnchors: [
    [/^ship/, 'shipment'],
    [/^(deliver|receipt|acceptance)/, 'delivery'],
    [/^(invoice|bill)/, 'invoice'],
    [/^contract/, 'contract'],
  ],
  eventWords: /^(after|following|deliver|ship|install|receipt|signing)/,
  creditWords: /^(net|terms)/,
  dayQualifiers: /^(business|calendar)$/,
  ratePeriods: [
    [/\b(day|daily)\b/, 'day'],
    [/\bweek/, 'week'],
    [/\b(month|monthly)\b/, 'month'],
    [/\b(year|annual|annually|apr|annum)\b/, 'year'],
  ],
  ratePeriodLead: /^(a|per|each|every|day|daily|month|monthly|week)$/,
  ratePeriodWord: /^(day|daily|month|monthly|week)$/,
  monthlyBefore: /monthly/,
  // "pay in full up front", "half up front"
  prepaymentShares: [
    [/^full$/, 100],
    [/^half$/, 50],
  ],
  contrast: new Set(['but', 'however', 'whereas']),
  negators: ['no', 'not', 'never', 'without', 'none', 'dropped', 'removed', 'waive*', 'neither', 'nor'],
  danglingEnds: new Set([
    'to',
    'of',
    'at',
    'for',
    'the',
    'a',
    'an',
    'and',
    'or',
    'on',
    'in',
    'by',
    'from',
    'with',
    'within',
    'net',
  ]),
  nounNegators: new Set(['no', 'without', 'none']),
  postposedNegators: new Set(['never', 'none']),
  // "no later than", "not more than": a limit, not a negation
  limiters: new Set(['later', 'more', 'less', 'earlier', 'sooner', 'than']),
  // ---- rules-1.8.1 (values) ----
  ratePeriodAnywhere: [
    [/\b(for|on) (each|every) day\b/, 'day'],
    [/\b(each|every|per) (month|calendar month)\b/, 'month'],
    [/\b(per annum|p a|a year|per year|annually|annual)\b/, 'year'],
  ],
  // an interest rate with no period is a yearly one (rates are quoted per annum unless said otherwise)
  usualRatePeriod: [[/^interest$/, 'year']],
  pastDue: /^(was|were|expired|lapsed|passed|ago)$/,
  changeFrom: /^from$/,
  changeTo: /^to$/,
  within: /^within$/,
  grantVerbs: /^(offer|offering|give|giving|extend|extending|doing|do|grant|granting)$/,
  signing: /^signing$/,
  signedTransfer: /^(acceptance|delivery|receipt|goods|pod|grn)$/,
  stopVerbs: /^(stop|stops|stopped|suspend|pause|halt|block|cut|shut|no|not)$/,
  supplyStops:
    /^(hold|stop|stops|stopped|suspend|suspended|pause|paused|halt|halted|block|blocked|freeze|frozen)$/,
  supplyStates: /^hold$/,
  stateOn: /^on$/,
  nextSupply: /^(next|further|new|future)$/,
  verbNegators: /^(not|never)$/,
  // "collection(s)" in English names the agency or the department, never the court route
  debtRecovery: /^recovery$/,
  // rules-1.9.0 (aflags2): "within thirty days of delivery to your warehouse": the anchor's words
  anchorPrepositions: new Set(['of', 'from', 'after', 'following']),
  // rules-1.9.0 (aflags2): "no problem", "not a problem", "no worries", "no issue" assent
  assentAfterNegator: new Set(['problem', 'problems', 'worries', 'issue', 'issues', 'sweat']),
  bareNo: new Set(['no', 'nope']),
  subjects: new Set(['we', 'i', 'our', 'it', 'that', 'there']),
  // "we don't charge …", "it doesn't apply", "we won't add"
  waiverVerbs: /^(charg|appl|add)/,
};

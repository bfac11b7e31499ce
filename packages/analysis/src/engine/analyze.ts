import type { AnalysisResult, CallType, FlagResult, Moment, Segment, Transcript } from '@onterms/contracts';
import type { CompiledChecklist } from '../checklist/compile.ts';
import { defaultChecklist } from '../checklist/load.ts';
import { readCall } from './read-call.ts';
import { attribute, type Attributed } from '../speakers/attribute.ts';
import { detectDeflection } from '../deflection/detect.ts';
import { extractValues, isSanctionHit } from '../values/extract.ts';
import { anchorRestatedPeriods } from '../values/restated.ts';
import { periodAnswersCredit } from '../values/answered-period.ts';
import { findWaivers } from '../speakers/waivers.ts';
import { findPromises, opensOnDebt } from '../promises/find-promises.ts';
import { acceptedPromiseDue } from '../speakers/promise-deadline.ts';
import { findOpportunities } from '../opportunities/find.ts';
import { cutTail, dateTakenUp, nextPart, periodStartSaid } from '../speakers/moments.ts';
import { deflectionConfidence, flagConfidence } from '../confidence/confidence.ts';

// rules-1.9.1: round 10's flag rules (1.9.0) merged with round 9's values pass (1.8.1)
// rules-1.11.0: round 11 — the flag rules of 1.10.0 (leftOpen, quotesTerm, our rule's scope, «единственное
// что», the client's current supplier) merged with the values and promises pass of 1.10.1 (number forms,
// the rest's sum, read-backs, N days from now)
// rules-1.11.1: and round 11's moments of 1.10.2 (`speakers/moments.ts`: where a stated item points, never whether)
// rules-1.11.2: and round 12 on the shared holdout-1 (demandedDate, «на N днях», negated charging verbs;
// written as rules-1.11.1 on its branch)
// rules-1.12.0: round 13 — values and promises (avalues4: signedTransfer, limitChangedTo, bare credit periods,
// street sums, presentPay) and flags (aflags4: dodges without the stock words, answersOtherItem, cannotTell,
// missedDate, earlyPaymentDiscount, sanctions said as a state)
// rules-1.12.1: and round 13's moments (amoments2: dodgedAgain, periodStartSaid, cutTail, anchored periods in
// dateTakenUp — where a stated item points, never whether)
// rules-1.13.0 (round 14): flags part (aflags5: valueTakenUp, credit-period questions, supplyStops); moments
// part (amoments3: nextPart, dodgeGoesOn — where a stated item points, never whether); values and promises
// part (avalues5: fullKept, splitTurns, dayRestated, countOfDays, periodAnswersCredit, hundredsAlike,
// clientCounters, holdExplained, «вроде», afterDate)
// rules-1.13.1: «долго», «долгий» are not «долг» (the stemmer folded them; «долг*» took them)
// rules-1.13.2 (checklist 1.10.1): "OA N days", trade finance's open account, is a credit period
export const RULES_ENGINE_VERSION = 'rules-1.13.2';

function moment(segments: Segment[], i: number): Moment {
  const s = segments[i]!;
  return { segment: i, start: s.start, end: s.end, speaker: s.speaker, quote: s.text };
}

/** Adds to a stated flag's moments the further segments `more` finds from the ones it has. */
function pointAlso(
  flag: FlagResult | undefined,
  segments: Segment[],
  more: (at: Set<number>) => number[],
): void {
  if (!flag?.stated) return;
  const at = new Set(flag.moments.map((m) => m.segment));
  for (const i of more(at)) {
    if (at.has(i)) continue;
    flag.moments.push(moment(segments, i));
    at.add(i);
  }
  flag.moments.sort((a, b) => a.segment - b.segment);
}

/** The speaker rules' attributions plus the deadlines of accepted promises, one entry per (segment, item). */
function withAcceptedPromises(attributed: Attributed[], promised: Attributed[]): Attributed[] {
  const have = new Set(attributed.map((a) => a.segment * 0x10000 + a.item));
  const extra = promised.filter((a) => a.item >= 0 && !have.has(a.segment * 0x10000 + a.item));
  if (!extra.length) return attributed;
  return [...attributed, ...extra].sort((a, b) => a.segment - b.segment || a.item - b.item);
}

/**
 * Analyses one transcript against a checklist (by default the one for its call type): for each
 * item whether it is stated and where, plus deflection. Pure: no I/O, no environment.
 */
export function analyzeTranscript(
  transcript: Transcript,
  checklist?: CompiledChecklist | CallType,
): AnalysisResult {
  const cl = typeof checklist === 'object' ? checklist : defaultChecklist(checklist ?? 'credit_negotiation');
  const lang = transcript.language;
  const rules = cl.languages[lang];
  const segments = transcript.segments;
  const readings = readCall(segments, lang, rules);
  // Promises to pay are what a collection call is for; a negotiation's "we'll pay by Friday" is its terms.
  // (rules-1.8.1: or a call that opens on an overdue debt, whatever its type)
  const collection = cl.id === 'collection' || rules.aboutArrears || opensOnDebt(segments, lang);
  const promises = collection ? findPromises(segments, lang) : undefined;
  const attributed = withAcceptedPromises(
    attribute(segments, readings, rules, lang),
    acceptedPromiseDue(
      segments,
      readings,
      promises ?? [],
      cl.items.findIndex((i) => i.id === 'deadline'),
    ),
  );

  const flags: Record<string, FlagResult> = {};
  cl.items.forEach((item, ii) => {
    const moments: Moment[] = [];
    for (const a of attributed) {
      if (a.item !== ii) continue;
      const m = moment(segments, a.segment);
      const values = extractValues(a.hits, lang);
      if (values) m.values = values;
      moments.push(m);
    }
    const stated = moments.length > 0;
    flags[item.id] = {
      stated,
      moments,
      confidence: flagConfidence(segments, readings, attributed, ii),
      ...(!stated && { opportunities: findOpportunities(segments, readings, ii) }),
    };
  });
  // where each stated item's evidence reaches (`speakers/moments.ts`): only more segments, never a verdict
  const deadlineItem = cl.items.findIndex((i) => i.id === 'deadline');
  pointAlso(flags.deadline, segments, (at) => [
    ...dateTakenUp(segments, readings, lang, deadlineItem, at),
    ...periodStartSaid(segments, readings, lang, at),
  ]);
  pointAlso(flags.payment_terms, segments, (at) => nextPart(segments, readings, lang, at));
  for (const flag of Object.values(flags))
    pointAlso(flag, segments, (at) => cutTail(segments, readings, lang, at));
  anchorRestatedPeriods(Object.values(flags).flatMap((f) => f.moments));
  periodAnswersCredit(
    Object.values(flags).flatMap((f) => f.moments),
    segments,
    readings,
    lang,
  );
  const sanctionsItem = cl.items.findIndex((i) => i.id === 'sanctions');
  const deflected = detectDeflection(segments, readings, attributed, sanctionsItem);
  const waivers = findWaivers(segments, readings, (h) => isSanctionHit(h, sanctionsItem)).map((w) => {
    const m = moment(segments, w.segment);
    const values = extractValues(w.hits, lang);
    if (values) m.values = values;
    return m;
  });
  return {
    checklist: { id: cl.id, version: cl.version },
    engine: { rules: RULES_ENGINE_VERSION, llmModel: null },
    flags,
    deflection: {
      present: deflected.length > 0,
      moments: deflected.map((i) => moment(segments, i)),
      confidence: deflectionConfidence(segments, readings, deflected),
    },
    waivers,
    ...(promises && { promises }),
  };
}

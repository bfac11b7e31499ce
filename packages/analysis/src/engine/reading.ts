import type { ReadClause } from '../clauses/read.ts';
import type { Token } from '../language/tokens.ts';
import type { Pattern } from '../patterns/pattern.ts';

/** A cue found in a segment. */
export interface Hit {
  item: number;
  kind: string;
  tokens: Token[];
  /** The clause the cue is in, for reading values around it. */
  clause: Token[];
  /** Index of the cue's first token in its clause. */
  start: number;
}

/** What one segment says, before the speaker rules. */
export interface SegmentReading {
  clauses: ReadClause[];
  /** Items stated (in a statement clause), with the cues that state them. */
  stated: Hit[];
  /**
   * Items said in a question that only asks to confirm them («…, правильно?», "…, right?"): the
   * speaker's read-back, stated once the other side confirms (rules-1.9.0, `tagReadBack`).
   */
  readBack: Hit[];
  /** Items mentioned in a question or request. */
  asked: Set<number>;
  /**
   * The cues of those questions, with the words around them: the number a client asks to have
   * confirmed («отсрочка как обычно, две недели?»), for rule `valueTakenUp`.
   */
  askedHits: Hit[];
  /** Items whose cue appears here at all, stated or not (negated, a question, someone else's …). */
  mentioned: Set<number>;
  /** The sale agreed here («отгружаем в понедельник», "we'll ship it"): where terms belong. */
  shipAgreement: boolean;
  /** Items asked about in a yes/no question («блокируете карты сразу?», "is there a late fee?"). */
  askedYesNo: Set<number>;
  /** Items a question asks for whose answer is a bare value («а лимит какой?» → «два миллиона»). */
  awaitingAnswer: { item: number; kind: string; answer: Pattern }[];
  /** A negated cue of any item: a waiver such as «пени не начисляем». */
  negatedCue: boolean;
  /** The negated cues themselves (for the credit-policy check: a required sanction waived). */
  negated: Hit[];
  questionAboutPayment: boolean;
  need: boolean;
  /**
   * The speaker worries about paying late or its consequences: talk of lateness, a sanction named
   * (stated, waived or asked about). From the client, this raises the topic for deflection.
   */
  worry: boolean;
  /** «давайте лучше по ассортименту», "anyway, the truck …": the talk moved elsewhere. */
  topicShift: boolean;
  /** Any payment word in the segment. */
  paymentTalk: boolean;
  insistence: boolean;
  evasive: boolean;
  waiver: boolean;
  confirmStrong: boolean;
  /** An explicit agreement at the head («всё верно», "that's right", "exactly"), more than a «да». */
  agrees: boolean;
  confirmWeak: boolean;
  refusal: boolean;
}

export function emptyReading(clauses: ReadClause[]): SegmentReading {
  return {
    clauses,
    stated: [],
    readBack: [],
    asked: new Set(),
    askedHits: [],
    mentioned: new Set(),
    shipAgreement: false,
    askedYesNo: new Set(),
    awaitingAnswer: [],
    negatedCue: false,
    negated: [],
    questionAboutPayment: false,
    need: false,
    worry: false,
    topicShift: false,
    paymentTalk: false,
    insistence: false,
    evasive: false,
    waiver: false,
    confirmStrong: false,
    agrees: false,
    confirmWeak: false,
    refusal: false,
  };
}

/** A hit for the cue matched at `start…end` of clause `c`. */
export function hitAt(item: number, kind: string, c: ReadClause, start: number, end: number): Hit {
  return { item, kind, tokens: c.tokens.slice(start, end), clause: c.tokens, start };
}

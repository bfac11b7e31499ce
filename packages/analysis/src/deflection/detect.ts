import type { Segment } from '@onterms/contracts';
import type { SegmentReading } from '../engine/read-call.ts';
import type { Attributed } from '../speakers/attribute.ts';

/**
 * Deflection (flags.md): the client raises payment — asks about terms, the deadline or late
 * payment, says they need to know, or insists after a dodge — and the rep's reply avoids a concrete
 * answer. A concrete answer is a stated item or a waiver («пени не начисляем»). Returns the rep's
 * evasive segments. Mono calls have no deflection: nobody can tell who the rep is.
 * `sanctionsItem` (the checklist's sanctions item, -1 if none) is for rule `answersOtherItem`.
 */
export function detectDeflection(
  segments: Segment[],
  readings: SegmentReading[],
  stated: Attributed[],
  sanctionsItem = -1,
): number[] {
  if (!segments.some((s) => s.speaker === 'rep') || !segments.some((s) => s.speaker === 'client')) return [];
  const out: number[] = [];
  // segments with a stated item (a Set: `stated.some` per rep segment was quadratic on long calls)
  const statedAt = new Set<number>();
  const sanctionsAt = new Set<number>();
  for (const a of stated) {
    statedAt.add(a.segment);
    if (a.item === sanctionsItem) sanctionsAt.add(a.segment);
  }
  let open = false;
  // the client asked what happens if they pay late (the sanctions item, or a worried question)
  let asksSanctions = false;
  let lastDodged = false;
  // the rep's last turn was itself a dodge found here (not only a reply that left payment unsaid)
  let lastEvasive = false;
  let pressed = false;
  let unclosed = false;
  let i = 0;
  while (i < segments.length) {
    const speaker = segments[i]!.speaker;
    let j = i;
    while (j < segments.length && segments[j]!.speaker === speaker) j++;
    const turn = Array.from({ length: j - i }, (_, k) => i + k);
    if (speaker === 'client') {
      // the client raises payment: asks, says they need to know, or worries aloud about paying late
      // and what follows («а если не уложимся …», "and if we run late on an invoice")
      const raises = turn.some(
        (t) => readings[t]!.questionAboutPayment || readings[t]!.need || readings[t]!.worry,
      );
      const persists =
        lastDodged &&
        turn.some(
          (t) =>
            readings[t]!.insistence ||
            readings[t]!.need ||
            readings[t]!.questionAboutPayment ||
            // after a dodge any question keeps the topic open ("I mean, is there a fee, or…?")
            readings[t]!.clauses.some((c) => c.question),
        );
      open = raises || persists;
      asksSanctions =
        open &&
        turn.some(
          (t) =>
            readings[t]!.asked.has(sanctionsItem) ||
            // "and if it lands late, is there a fee?": a question that worries about being late
            (readings[t]!.worry && readings[t]!.clauses.some((c) => c.question)),
        );
      // pressed after a dodge (rule `dodgedAgain`): the client pushes back («нет, ты скажи»), asks
      // again, says they need it, or names the item again ("…we got cut off mid-job") — and does not
      // close the topic by accepting («ладно», "okay sounds good") or turning to something else
      const closes = turn.some(
        (t) =>
          readings[t]!.confirmStrong ||
          readings[t]!.confirmWeak ||
          (readings[t]!.clauses.some((c) => c.question) && !readings[t]!.questionAboutPayment),
      );
      // (rule `dodgeGoesOn`: a turn after a dodge that does not close the topic leaves it unclosed)
      unclosed = lastEvasive && !closes;
      pressed =
        lastEvasive &&
        !closes &&
        turn.some(
          (t) =>
            readings[t]!.insistence ||
            readings[t]!.need ||
            readings[t]!.questionAboutPayment ||
            readings[t]!.worry ||
            readings[t]!.refusal ||
            readings[t]!.mentioned.size > 0,
        );
      open ||= pressed;
    } else if (speaker === 'rep') {
      if (open) {
        // rule `answersOtherItem`: to «а если не успею — штраф какой-то?» a brush-off that only
        // repeats the due date («давайте не будем, просто заплатите в понедельник») answers nothing
        // asked; only the sanction itself (or a waiver, a refusal) does
        const answers = asksSanctions ? sanctionsAt : statedAt;
        const concrete = turn.some(
          (t) =>
            answers.has(t) ||
            readings[t]!.waiver ||
            readings[t]!.negatedCue ||
            readings[t]!.refusal ||
            // "That's how it works, yes", «всё верно»: agreeing with what the client said answers it
            (t === i && readings[t]!.agrees),
        );
        // a turn that moves the talk elsewhere with no word about paying dodges too
        const shifts =
          turn.some((t) => readings[t]!.topicShift) && !turn.some((t) => readings[t]!.paymentTalk);
        const evasive = turn.filter((t) => readings[t]!.evasive || (shifts && readings[t]!.topicShift));
        if (evasive.length && !concrete) out.push(...evasive);
        else if (pressed && !concrete) out.push(...dodgedAgain(turn, readings));
        // rule `leftOpen`: a reply that says nothing about payment leaves the question open, dodge
        // phrase or not («Да ну, Николай Петрович…» — «Нет, я серьёзно спрашиваю. Что будет-то?» —
        // «не переживайте, договоримся»): the client's insistence after it still raises payment. A
        // counter-offer («а сорок пять никак?») talks terms: bargaining is not dodging.
        const talksPayment = turn.some(
          (t) =>
            readings[t]!.paymentTalk || readings[t]!.questionAboutPayment || readings[t]!.mentioned.size > 0,
        );
        lastDodged = (evasive.length > 0 || !talksPayment) && !concrete;
        lastEvasive = !concrete && out.length > 0 && out[out.length - 1]! >= i;
      } else {
        if (unclosed) out.push(...dodgeGoesOn(turn, readings, statedAt));
        lastDodged = lastEvasive = false;
      }
      open = false;
    }
    i = j;
  }
  return out;
}

/**
 * Rule `dodgedAgain` (rules-1.12.0, moments only): once the rep has dodged and the client presses
 * again («нет, ты скажи», "I need to know before I pay"), the rep's next turn that still answers
 * nothing — no item stated, no waiver, no refusal, no agreement — is the same dodge said again
 * («ну разберёмся, не переживайте», "we'll cross that bridge when we get to it"), stock words or
 * not. Its segments that say something (not a bare «угу», not a question back) are the dodge's
 * moments — unless they give a figure or talk of something else (the order, the delivery): that is
 * news, not the dodge. The verdict cannot move: the turn before was already a dodge.
 */
function dodgedAgain(turn: number[], readings: SegmentReading[]): number[] {
  return turn.filter((t) => {
    const rd = readings[t]!;
    const words = rd.clauses.reduce((n, c) => n + c.tokens.length, 0);
    return (
      words >= 3 &&
      !rd.clauses.some(
        (c) => c.question || c.marks.has('otherTopic') || c.tokens.some((x) => x.num !== undefined),
      )
    );
  });
}

/**
 * Rule `dodgeGoesOn` (rules-1.13.0, moments only): after a dodge, the client says something that
 * neither presses nor closes the topic («ну бывает по-разному», «мне это важно», "I'd rather know now
 * than find out later") and the rep answers in the stock words of a dodge again («ну договоримся,
 * я уверен», «потом вернёмся», "let's not get ahead of ourselves"): those segments are the same
 * dodge — unless they state an item, waive or refuse. The verdict cannot move: the turn before was a dodge.
 */
function dodgeGoesOn(turn: number[], readings: SegmentReading[], statedAt: Set<number>): number[] {
  return turn.filter((t) => {
    const rd = readings[t]!;
    return rd.evasive && !statedAt.has(t) && !rd.waiver && !rd.refusal && !rd.negatedCue;
  });
}

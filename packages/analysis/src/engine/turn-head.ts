import type { ReadClause } from '../clauses/read.ts';
import type { SegmentReading } from './reading.ts';

/**
 * How a turn opens: a confirmation («Да, всё верно», "Yes, exactly"), a weak one («хорошо»), an
 * explicit agreement, or a refusal — read at the start of the segment only.
 */

const YES_FIRST = new Set(['yeah', 'yes', 'yep', 'да']);
const NO_WORD = new Set(['no', 'нет']);
// a bare yes can open a dodge («да не переживайте», "yeah yeah, we'll figure it out"); «верно»,
// "exactly", "that's how it works" agree with what the client said
// (by the word itself: stems are too wide — «по договору» shares a stem with «договорились»)
const AGREE = new Set([
  'верно',
  'правильно',
  'именно',
  'точно',
  'так',
  'всё',
  'все',
  'correct',
  'exactly',
  'precisely',
  'that',
  'absolutely',
  'indeed',
  'agreed',
  'confirmed',
]);
// "Friday it is", «пятница — так и есть»: a confirmation closing a first clause this short
const SHORT_CLOSING_CONFIRMATION = 4;

/** A marker of `cat` at the head of the clause (a module function: no closure per segment). */
function atHead(c0: ReadClause, cat: 'refusal' | 'confirmStrong' | 'confirmWeak'): boolean {
  for (const m of c0.marks.all(cat)) if (m.start <= 1 && m.end <= 4) return true;
  return false;
}

/**
 * Rule `cannotTell`: «пока не могу назвать», "I can't say yet" — the «не могу» of a brush-off that
 * refuses to tell (an evasion phrase starting at the refusal) refuses no term: it is no answer.
 */
function refusesToTell(c0: ReadClause): boolean {
  const ev = c0.marks.all('evasion');
  return c0.marks.all('refusal').some((r) => r.start <= 1 && ev.some((e) => e.start === r.start));
}

/** "yeah no totally", «да нет, конечно»: a discourse marker after a yes, not a refusal. */
function yesNoMarker(c0: ReadClause): boolean {
  return c0.tokens.length > 1 && YES_FIRST.has(c0.tokens[0]!.text) && NO_WORD.has(c0.tokens[1]!.text);
}

/** «да, это знакомая история», "yeah, I hear you": sympathy, not agreement with the terms. */
function sympathises(clauses: ReadClause[]): boolean {
  return clauses[0]!.marks.has('sympathy') || (clauses[1]?.marks.has('sympathy') ?? false);
}

/** «всё верно», "exactly": an agreement word at the head, more than a «да». */
function explicitAgreement(c0: ReadClause): boolean {
  return c0.marks.all('confirmStrong').some((m) => m.start <= 1 && AGREE.has(c0.tokens[m.start]!.text));
}

/** "Friday it is", «пятница — так и есть»: a confirmation at the end of a short first clause. */
function closingConfirmation(c0: ReadClause): boolean {
  const n = c0.tokens.length;
  return n <= SHORT_CLOSING_CONFIRMATION && c0.marks.all('confirmStrong').some((m) => m.end === n);
}

/** Sets the reading's refusal and confirmation flags from the head of the turn. */
export function readTurnHead(reading: SegmentReading): void {
  const c0 = reading.clauses[0];
  if (!c0) return;
  reading.refusal = !yesNoMarker(c0) && atHead(c0, 'refusal') && !refusesToTell(c0);
  const sympathy = sympathises(reading.clauses);
  // «да, понял», "yeah, got it": acknowledging what was said, not agreeing to it — confirms only
  // with a restatement, like a weak «хорошо» (a client's threat «понял» was taken as a sanction)
  const acknowledged = c0.marks.has('acknowledgement');
  const open = !reading.refusal && !sympathy;
  reading.confirmStrong = open && !acknowledged && atHead(c0, 'confirmStrong');
  reading.agrees = reading.confirmStrong && explicitAgreement(c0);
  reading.confirmWeak = open && (atHead(c0, 'confirmWeak') || (acknowledged && atHead(c0, 'confirmStrong')));
  if (!reading.confirmStrong && open && closingConfirmation(c0)) reading.confirmStrong = true;
}

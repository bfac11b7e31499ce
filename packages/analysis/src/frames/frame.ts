import type { Speaker } from '@onterms/contracts';
import type { ReadClause } from '../clauses/read.ts';
import type { Match } from '../patterns/pattern.ts';

/**
 * A cue read as a small frame (issue 14): who commits to what. The flag rules count a cue only when
 * its frame is the seller side stating, now, about payment — everything else (a waiver, someone
 * else's practice, a past event, a penalty for late delivery, the client's own threat) is talk
 * about the term, not the term.
 */
export type Actor = 'seller' | 'client' | 'third_party';
export type Act = 'states' | 'waives' | 'names';
export type Modality = 'actual' | 'past' | 'other_party';
export type FrameTopic = 'payment' | 'delivery' | 'discount' | 'deadline_only' | 'consequence';

export interface Frame {
  actor: Actor;
  act: Act;
  modality: Modality;
  topic: FrameTopic;
  /** The named rule that set the frame apart from a plain statement, for tests and debugging. */
  rule: string | null;
}

/** What a frame rule sees: the cue, its clause, the segment's other clauses and who speaks. */
export interface CueContext {
  clauses: ReadClause[];
  ci: number;
  match: Match;
  /** Is the cue's item a sanction (penalty, suspension, …)? */
  sanction: boolean;
  kind: string;
  /** The cue's item id (payment_terms, deadline, …). */
  item: string;
  speaker: Speaker;
  /** The call is about an overdue debt (the collection checklist). */
  aboutArrears: boolean;
  /** The cue follows from late payment: arrears talk before it, or «после этого» after such talk. */
  consequenceOfArrears?: boolean;
}

export const STATED: Frame = {
  actor: 'seller',
  act: 'states',
  modality: 'actual',
  topic: 'payment',
  rule: null,
};

/** Does a frame state the term: the seller side committing, now, about payment? */
export function counts(f: Frame): boolean {
  return f.actor !== 'client' && f.act === 'states' && f.modality === 'actual' && f.topic === 'payment';
}

import { Type, type Static } from '@sinclair/typebox';
import { StrictObject } from '../schemas.ts';

/**
 * What the UI needs to put every person where their work is on the first day and every day after:
 * whether anyone can sign in yet, what this installation can do, and how much work waits for whom.
 */

/** `GET /api/auth/first-run` (public): a fresh install says how to create the first user. */
export const FirstRunInfo = Type.Object({
  usersExist: Type.Boolean({ description: 'false on a fresh install: nobody can sign in yet' }),
});
export type FirstRunInfo = Static<typeof FirstRunInfo>;

/** Part of `GET /api/auth/me`: what this installation can do, for the UI to warn before a dead end. */
export const WorkspaceInfo = Type.Object({
  /** A speech-to-text engine is configured: audio without a transcript gets transcribed. */
  speechToText: Type.Boolean(),
  /** COMPANY_TIME_ZONE: the UI shows dates and weeks in it, whatever the browser's zone. */
  timeZone: Type.String(),
});
export type WorkspaceInfo = Static<typeof WorkspaceInfo>;

/** `GET /api/inbox/counts`: the navigation's counters (zero where the role has no such queue). */
export const InboxCounts = Type.Object({
  /** Manager: analysed calls of their teams not reviewed yet. */
  toReview: Type.Integer({ minimum: 0 }),
  /** Manager: threads a rep disputed or replied to, not answered since. */
  replies: Type.Integer({ minimum: 0 }),
  /** Rep: feedback to acknowledge or dispute, or answered by a manager since their last word. */
  feedback: Type.Integer({ minimum: 0 }),
});
export type InboxCounts = Static<typeof InboxCounts>;

/** `POST /api/calls/:id/transcript`: a transcript file's name (for its format) and its text. */
export const AttachTranscriptBody = StrictObject({
  filename: Type.String({ minLength: 1, maxLength: 255, description: '.json (OnTerms), .vtt or .srt' }),
  content: Type.String({ minLength: 1 }),
});
export type AttachTranscriptBody = Static<typeof AttachTranscriptBody>;

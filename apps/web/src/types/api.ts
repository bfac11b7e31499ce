/**
 * Shapes of the API's answers as the UI uses them (apps/api call-schemas and the coaching contract).
 * Kept here, shared, so features never import each other's types.
 */
export type Role = 'rep' | 'manager' | 'director' | 'admin';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  teamIds: string[];
}

/** What this installation can do (`/api/auth/me`'s `workspace`). */
export interface Workspace {
  /** A speech-to-text engine is configured: audio without a transcript gets transcribed. */
  speechToText: boolean;
  /** COMPANY_TIME_ZONE: dates and weeks are shown in it, whatever the browser's zone. */
  timeZone: string;
}

export interface Session {
  user: User;
  csrfToken: string;
  workspace: Workspace;
}

/** `/api/inbox/counts`: the navigation's counters. */
export interface InboxCounts {
  toReview: number;
  replies: number;
  feedback: number;
}

export type CallStatus = 'queued' | 'processing' | 'waiting' | 'transcribed' | 'analyzed' | 'failed';
export type CallType = string;
export type Speaker = string;

export const FLAG_IDS = ['payment_terms', 'deadline', 'sanctions'] as const;
export type FlagId = (typeof FLAG_IDS)[number];

export interface MomentValues {
  deferralDays?: number;
  prepaymentPercent?: number;
  creditLimit?: { amount: number; currency?: string };
  dueDate?: {
    kind: 'absolute' | 'relative';
    date?: string;
    dayOfMonth?: number;
    weekday?: number;
    anchor?: string;
    days?: number;
    from?: 'shipment' | 'delivery' | 'invoice' | 'contract' | 'unspecified';
  };
  penalty?: { ratePercent: number; per: 'day' | 'week' | 'month' | 'year' | 'once' };
  sanctionKinds?: string[];
}

export interface Moment {
  segment: number;
  start: number;
  end: number;
  speaker: Speaker;
  quote: string;
  values?: MomentValues;
}

/** Where a flag not stated should have been said: the client's payment question, the agreement to ship. */
export interface Opportunity {
  segment: number;
  start: number;
  quote: string;
}

export interface FlagResult {
  stated: boolean;
  moments: Moment[];
  /** How sure the analysis is of `stated` (0–1); absent on older analyses. */
  confidence?: number;
  opportunities?: Opportunity[];
}

export interface Segment {
  start: number;
  end: number;
  speaker: Speaker;
  text: string;
}

export interface SearchHit {
  segment: number;
  start: number;
  text: string;
  ranges: [number, number][];
}

export interface CallSummary {
  id: string;
  status: CallStatus;
  failureReason: string | null;
  /** Stable code of the failure (translated in `callFailure.*`); absent from older servers. */
  failureCode?: string | null;
  repId: string;
  repName?: string | null;
  teamId?: string | null;
  teamName?: string | null;
  clientId: string | null;
  clientName: string | null;
  callType: CallType;
  recordedAt: string;
  durationSec: number;
  language: string | null;
  /** true stated, false missing, null not analysed yet; includes `deflection` once the coaching API runs. */
  flags: Record<string, boolean> | null;
  corrected?: string[];
  reviewedAt?: string | null;
  hits?: SearchHit[];
}

export interface CallList {
  items: CallSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Correction {
  stated: boolean;
  moments: Moment[];
  reason: string;
  by: { id: string; name: string };
  at: string;
}

export interface CallDetail extends Omit<CallSummary, 'flags' | 'hits' | 'corrected'> {
  channels: number;
  repChannel: 'left' | 'right' | null;
  originalFilename: string | null;
  analyzedAt: string | null;
  transcriptSource: 'upload' | 'stt' | null;
  engine: {
    stt: string | null;
    sttModel: string | null;
    sttAudioSeconds: number | null;
    sttNotes: string[];
    checklist: { id: string; version: string } | null;
    rules: string | null;
    llmModel: string | null;
  };
  transcript: { language: string | null; segments: Segment[] } | null;
  flags: Record<string, FlagResult> | null;
  deflection: { present: boolean; moments: Moment[] } | null;
  corrections?: Record<string, Correction>;
  effective?: Record<string, { stated: boolean; source: 'machine' | 'correction' }>;
}

export interface WaveformPeaks {
  version: number;
  durationSec: number;
  channels: number;
  pixelsPerSecond: number;
  length: number;
  peaks: number[][];
}

export interface Tag {
  id: string;
  label: { ru: string; en: string };
}

export interface Person {
  id: string;
  name: string;
  role?: Role;
}

export interface Reply {
  id: string;
  body: string;
  author: Person;
  createdAt: string;
}

export interface Thread {
  id: string;
  start: number;
  end: number | null;
  segment: number | null;
  tag: { id: string; label: { ru: string; en: string } | string } | null;
  body: string;
  author: Person;
  createdAt: string;
  status: 'open' | 'acknowledged' | 'disputed';
  statusComment: string | null;
  /** When the rep acknowledged or disputed it. */
  statusAt?: string | null;
  replies: Reply[];
}

export interface FeedbackItem {
  callId: string;
  clientName: string | null;
  recordedAt: string;
  thread: Thread;
}

import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as Kysely sees it. Table interfaces describe columns only; queries return
 * `Selectable<…>` rows, which repositories map to domain types at their edge.
 */
export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  team_managers: TeamManagersTable;
  clients: ClientsTable;
  calls: CallsTable;
  transcript_segments: TranscriptSegmentsTable;
  analyses: AnalysesTable;
  analysis_flags: AnalysisFlagsTable;
  analysis_moments: AnalysisMomentsTable;
  annotations: AnnotationsTable;
  flag_corrections: FlagCorrectionsTable;
  effective_flags: EffectiveFlagsView;
  coaching_tags: CoachingTagsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  credit_policy_versions: CreditPolicyVersionsTable;
  company_checklist_versions: CompanyChecklistVersionsTable;
  call_policy_checks: CallPolicyChecksTable;
  call_policy_findings: CallPolicyFindingsTable;
  policy_rechecks: PolicyRechecksTable;
  receivable_imports: ReceivableImportsTable;
  receivable_invoices: ReceivableInvoicesTable;
  receivable_payments: ReceivablePaymentsTable;
  payment_promises: PaymentPromisesTable;
  follow_up_snoozes: FollowUpSnoozesTable;
  receivable_column_mappings: ReceivableColumnMappingsTable;
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** pg returns bigint as a string; we write numbers. */
type BigIntColumn = ColumnType<string, number | bigint | string, number | bigint | string>;

export type Role = 'rep' | 'manager' | 'director' | 'admin';
export type CallStatus = 'queued' | 'processing' | 'waiting' | 'transcribed' | 'analyzed' | 'failed';

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  password_hash: string | null;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
  password_changed_at: Timestamp | null;
}

export interface TeamManagersTable {
  team_id: string;
  user_id: string;
}

export interface ClientsTable {
  id: Generated<string>;
  name: string;
  name_key: string;
  created_at: CreatedAt;
  /** The client's credit-policy segment; null: the policy's default. */
  segment: ColumnType<string | null, string | null | undefined, string | null>;
  /** ИНН / tax id, unique when known. */
  tax_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The name without legal form and punctuation («Ромашка, ООО» = «ООО "Ромашка"»); see clientMatchKey. */
  match_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** The rep who looks after the client: their receivables are in that rep's scope. */
  rep_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CallsTable {
  id: Generated<string>;
  rep_id: string;
  client_id: string | null;
  call_type: 'credit_negotiation' | 'collection';
  recorded_at: Timestamp;
  language: 'ru' | 'en' | null;
  status: Generated<CallStatus>;
  failure_reason: string | null;
  /** Why the call failed, as a stable code (see @onterms/pipeline's failure codes); null unless failed. */
  failure_code: ColumnType<string | null, string | null | undefined, string | null>;
  /** Times the system retried this call on its own after an outage failed it. */
  auto_retries: Generated<number>;
  audio_key: string;
  audio_sha256: string;
  audio_bytes: BigIntColumn;
  audio_format: string;
  original_filename: string | null;
  duration_sec: number;
  channels: number;
  sample_rate: number | null;
  rep_channel: 'left' | 'right' | null;
  speech_audio_key: string | null;
  review_audio_key: string | null;
  peaks_key: string | null;
  transcript_upload_key: string | null;
  transcript_source: 'upload' | 'stt' | null;
  stt_engine: string | null;
  stt_model: string | null;
  stt_audio_seconds: number | null;
  /** JSON array of plain-language notes from the speech-to-text engine. */
  stt_notes: ColumnType<string[] | null, string | null | undefined, string | null>;
  uploaded_by: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  analyzed_at: Timestamp | null;
  /** When a manager reviewed the call (the "To review" inbox); null until then. */
  reviewed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  reviewed_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TranscriptSegmentsTable {
  call_id: string;
  idx: number;
  start_sec: number;
  end_sec: number;
  speaker: 'rep' | 'client' | 'unknown';
  text: string;
  /** Generated: `to_tsvector('russian', text) || to_tsvector('english', text)`, GIN-indexed. */
  search: ColumnType<string, never, never>;
}

export interface AnalysesTable {
  call_id: string;
  checklist_id: string;
  checklist_version: string;
  rules_version: string;
  llm_model: string | null;
  created_at: CreatedAt;
  /** Moments where the seller side waived a sanction; null for analyses stored before waivers were read. */
  waivers: ColumnType<unknown, string | null | undefined, string | null> | null;
  /** The company checklist version the analysis used; null: the default checklist. */
  company_checklist_version: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface AnalysisFlagsTable {
  call_id: string;
  /** A checklist item id, or `deflection`. */
  flag: string;
  stated: boolean;
  /** How sure the analysis is of `stated` (0–1); null for analyses stored before it existed. */
  confidence: number | null;
  /** For a flag not stated: [{segment, start, quote}] where it should have been said. */
  opportunities: ColumnType<unknown, string | null, string | null> | null;
}

export interface AnalysisMomentsTable {
  call_id: string;
  flag: string;
  ordinal: number;
  segment_idx: number;
  start_sec: number;
  end_sec: number;
  speaker: 'rep' | 'client' | 'unknown';
  quote: string;
  moment_values: ColumnType<unknown, string | null, string | null> | null;
}

export interface AnnotationsTable {
  id: Generated<string>;
  call_id: string;
  author_id: string;
  parent_id: string | null;
  start_sec: number | null;
  end_sec: number | null;
  segment_idx: number | null;
  /** Legacy free-text tag from the first schema; unused — threads carry `tag_id`. */
  tag: ColumnType<string | null, string | null | undefined, string | null>;
  tag_id: ColumnType<string | null, string | null | undefined, string | null>;
  body: string;
  /** Only on thread roots: the rep's answer to the feedback. */
  status: Generated<'open' | 'acknowledged' | 'disputed'>;
  status_comment: ColumnType<string | null, string | null | undefined, string | null>;
  status_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
}

export interface FlagCorrectionsTable {
  call_id: string;
  /** A checklist item id, or `deflection`. */
  flag: string;
  stated: boolean;
  /** Moments in the contracts' `Moment` shape. */
  moments: ColumnType<unknown, string, string>;
  reason: string;
  author_id: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A correction wins over the machine: what lists, inboxes and stats count. */
export interface EffectiveFlagsView {
  call_id: ColumnType<string, never, never>;
  flag: ColumnType<string, never, never>;
  stated: ColumnType<boolean, never, never>;
  source: ColumnType<'machine' | 'correction', never, never>;
}

export interface CoachingTagsTable {
  id: Generated<string>;
  label_ru: string;
  label_en: string;
  position: Generated<number>;
  created_at: CreatedAt;
  archived_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the session id in the cookie; the id itself is never stored. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailuresTable {
  id: Generated<string>;
  key: string;
  at: Timestamp;
}

export type TokenScope = 'calls:upload' | 'calls:read' | 'receivables:import';

export interface ApiTokensTable {
  id: Generated<string>;
  name: string;
  token_hash: string;
  token_prefix: string;
  scopes: TokenScope[];
  team_ids: string[];
  created_by: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: ColumnType<Date, Date | string | undefined, never>;
  actor_user_id: string | null;
  actor_token_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  details: ColumnType<unknown, string | null, never> | null;
  ip: string | null;
}

/** A published credit policy version: never updated or deleted (a trigger refuses). */
export interface CreditPolicyVersionsTable {
  version: number;
  policy_id: string;
  /** The policy document (contracts' CreditPolicy), with `version` equal to the row's. */
  document: ColumnType<unknown, string, never>;
  published_by: string | null;
  published_at: CreatedAt;
  note: string | null;
}

/** A published company checklist version per call type: never updated or deleted. */
export interface CompanyChecklistVersionsTable {
  call_type: 'credit_negotiation' | 'collection';
  version: number;
  document: ColumnType<unknown, string, never>;
  published_by: string | null;
  published_at: CreatedAt;
}

export interface CallPolicyChecksTable {
  call_id: string;
  policy_version: number;
  segment: string;
  default_segment_used: boolean;
  breaches: number;
  omissions: number;
  checked_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CallPolicyFindingsTable {
  call_id: string;
  ordinal: number;
  kind: string;
  severity: 'breach' | 'omission';
  segment_idx: number | null;
  start_sec: number | null;
  quote: string | null;
  stated: ColumnType<unknown, string | null, string | null>;
  allowed: ColumnType<unknown, string | null, string | null>;
}

/** A re-check run: against a policy version, or a company checklist version of one call type. */
export interface PolicyRechecksTable {
  id: Generated<string>;
  policy_version: number | null;
  call_type: 'credit_negotiation' | 'collection' | null;
  checklist_version: number | null;
  total: number;
  done: ColumnType<number, number | undefined, number>;
  status: ColumnType<'running' | 'done' | 'superseded', 'running' | 'done' | 'superseded' | undefined>;
  started_at: CreatedAt;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type CallRow = Selectable<CallsTable>;
export type NewCall = Insertable<CallsTable>;
export type CallUpdate = Updateable<CallsTable>;
export type UserRow = Selectable<UsersTable>;

/** pg returns numeric as a string (exact); we write numbers or strings. */
type Money = ColumnType<string, number | string, number | string>;
type DateOnly = ColumnType<string, string, string>;

export interface ReceivableImportsTable {
  id: Generated<string>;
  filename: string | null;
  as_of: DateOnly;
  imported_by: string | null;
  token_id: string | null;
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  created_at: CreatedAt;
}

export interface ReceivableInvoicesTable {
  id: Generated<string>;
  client_id: string;
  number: string;
  issued_on: DateOnly;
  due_on: DateOnly;
  currency: string;
  amount: Money;
  balance: Money;
  rep_id: string | null;
  paid_on: ColumnType<string | null, string | null | undefined, string | null>;
  last_import_id: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ReceivablePaymentsTable {
  id: Generated<string>;
  invoice_id: string;
  import_id: string;
  amount: Money;
  paid_on: DateOnly;
}

export type PromiseStatus = 'open' | 'kept' | 'partly_kept' | 'broken';

export interface PaymentPromisesTable {
  call_id: string;
  ordinal: number;
  amount: ColumnType<string | null, number | string | null, number | string | null>;
  currency: string | null;
  full: boolean;
  due: ColumnType<unknown, string, string>;
  due_on: ColumnType<string | null, string | null, string | null>;
  moments: ColumnType<unknown, string, string>;
  status: ColumnType<PromiseStatus, PromiseStatus | undefined, PromiseStatus>;
  paid: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  checked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface FollowUpSnoozesTable {
  item_key: string;
  until: Timestamp;
  reason: string;
  snoozed_by: string;
  created_at: CreatedAt;
}

export interface ReceivableColumnMappingsTable {
  signature: string;
  mapping: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
}

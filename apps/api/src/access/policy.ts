import type { Kysely } from 'kysely';
import type { Database, Role } from '@onterms/db';
import { listUserIdsInTeams } from '@onterms/db';
import type { Principal } from './principal.ts';

/**
 * The access policy: every action any route performs, the resource it belongs to, who may perform it,
 * and — for actions on one object — which route parameter names that object. Routes declare their
 * action in `config.policy` (with `withPolicy(action, schema)`, route-options.ts); the access-control hook (access-control.ts) enforces it before the
 * handler runs, and refuses to boot when an /api route declares neither a policy nor `public: true`.
 *
 * Rules in words: a rep — their own calls (view, upload, reply to and acknowledge feedback); a manager —
 * the calls of reps in the teams they lead (view, upload for them, annotate, correct flags); a director —
 * every call read-only, plus stats; an admin — users, teams, tokens, checklists and the audit log, but
 * no recordings. An API token acts only through its scopes (`calls:upload`, `calls:read`) and only for
 * reps of its teams.
 *
 * Objects you may not see answer 404, exactly as if they did not exist; an object you may see but your
 * role may not act on answers 403. Admin resources (users, teams, tokens, audit) answer 403 to everyone
 * else whatever the id, so they reveal nothing either.
 */
export type PolicyResource =
  | 'calls'
  | 'annotations'
  | 'inbox'
  | 'coaching'
  | 'stats'
  | 'checklists'
  | 'creditPolicy'
  | 'clients'
  | 'users'
  | 'teams'
  | 'tokens'
  | 'audit'
  | 'account'
  | 'receivables'
  | 'clients'
  | 'followUps';

export interface ObjectRef {
  /** `call`: the call itself; `annotation`: an annotation, visible through its call. */
  type: 'call' | 'annotation';
  /** The route parameter holding the object's id. */
  param: string;
}

export interface ActionDefinition {
  resource: PolicyResource;
  /** Set for actions on one object: checked (404, then 403) before the handler runs. */
  object?: ObjectRef;
  /** Whether this kind of principal may perform the action at all (object scope aside). */
  allow: (principal: Principal) => boolean;
  description: string;
}

const userRoles =
  (...roles: Role[]) =>
  (p: Principal) =>
    p.kind === 'user' && roles.includes(p.role);
const callReaders = (p: Principal) =>
  p.kind === 'user' ? ['rep', 'manager', 'director'].includes(p.role) : p.scopes.includes('calls:read');
const callUploaders = (p: Principal) =>
  p.kind === 'user' ? ['rep', 'manager'].includes(p.role) : p.scopes.includes('calls:upload');
const anyUser = (p: Principal) => p.kind === 'user';
const admin = userRoles('admin');
const call = (param = 'id'): ObjectRef => ({ type: 'call', param });
const annotation = (param = 'id'): ObjectRef => ({ type: 'annotation', param });

export const POLICY = {
  'calls.list': { resource: 'calls', allow: callReaders, description: 'List the calls in your scope' },
  'calls.view': {
    resource: 'calls',
    object: call(),
    allow: callReaders,
    description: 'A call with its transcript and flags',
  },
  'calls.audio': {
    resource: 'calls',
    object: call(),
    allow: callReaders,
    description: 'Play or download the recording (audited)',
  },
  'calls.peaks': {
    resource: 'calls',
    object: call(),
    allow: callReaders,
    description: 'The waveform of the recording',
  },
  'calls.transcript': {
    resource: 'calls',
    object: call(),
    allow: callReaders,
    description: 'The transcript of a call',
  },
  'calls.upload': {
    resource: 'calls',
    allow: callUploaders,
    description: 'Upload a recording as your own call, or for a rep in your scope (managers, tokens)',
  },
  'calls.reanalyze': {
    resource: 'calls',
    object: call(),
    allow: userRoles('rep', 'manager'),
    description: 'Run the transcription or the analysis again',
  },
  'calls.attachTranscript': {
    resource: 'calls',
    object: call(),
    allow: userRoles('rep', 'manager'),
    description: 'Attach a transcript to a call (when no engine transcribed it, or to replace a poor one)',
  },
  'calls.retry': {
    resource: 'calls',
    object: call(),
    allow: userRoles('rep', 'manager'),
    description: 'Send a failed call through processing again',
  },
  'calls.correctFlag': {
    resource: 'calls',
    object: call(),
    allow: userRoles('manager'),
    description: "Correct the machine's verdict on a checklist item (audited)",
  },
  'calls.markReviewed': {
    resource: 'calls',
    object: call(),
    allow: userRoles('manager'),
    description: 'Mark a call reviewed (it leaves the "To review" inbox)',
  },
  'annotations.list': {
    resource: 'annotations',
    object: call(),
    allow: userRoles('rep', 'manager', 'director'),
    description: 'Read the feedback on a call',
  },
  'annotations.create': {
    resource: 'annotations',
    object: call(),
    allow: userRoles('manager'),
    description: 'Annotate a moment of a call',
  },
  'annotations.reply': {
    resource: 'annotations',
    object: annotation(),
    allow: userRoles('rep', 'manager'),
    description: 'Reply to feedback',
  },
  'annotations.acknowledge': {
    resource: 'annotations',
    object: annotation(),
    allow: userRoles('rep'),
    description: 'Acknowledge feedback on your own call',
  },
  'inbox.feedback': {
    resource: 'inbox',
    allow: userRoles('rep'),
    description: 'Feedback on your own calls still to acknowledge or dispute',
  },
  'inbox.review': {
    resource: 'inbox',
    allow: userRoles('manager'),
    description: 'Analysed calls of your teams not reviewed yet',
  },
  'inbox.counts': {
    resource: 'inbox',
    allow: userRoles('rep', 'manager', 'director', 'admin'),
    description: 'How much work waits in your queues (navigation counters)',
  },
  'coaching.viewTags': { resource: 'coaching', allow: anyUser, description: 'Read the coaching tags' },
  'coaching.manageTags': { resource: 'coaching', allow: admin, description: 'Add and remove coaching tags' },
  'stats.view': {
    resource: 'stats',
    allow: userRoles('rep', 'manager', 'director'),
    description: 'Statistics over the calls in your scope (a director: everyone)',
  },
  'checklists.view': { resource: 'checklists', allow: anyUser, description: 'Read the checklists' },
  'creditPolicy.view': {
    resource: 'creditPolicy',
    allow: userRoles('manager', 'director', 'admin'),
    description: 'Read the credit policy, its versions and the re-check progress',
  },
  'creditPolicy.manage': {
    resource: 'creditPolicy',
    allow: userRoles('director', 'admin'),
    description: 'Validate and publish credit policy versions (audited)',
  },
  'creditPolicy.card': {
    resource: 'creditPolicy',
    allow: anyUser,
    description: "The rep's card: what to say for each client segment",
  },
  'creditPolicy.breaches': {
    resource: 'creditPolicy',
    allow: userRoles('manager'),
    description: 'Unreviewed calls of your teams that break the credit policy',
  },
  'clients.segments': {
    resource: 'clients',
    allow: userRoles('manager', 'director', 'admin'),
    description: 'List clients with their credit-policy segment',
  },
  'clients.setSegment': {
    resource: 'clients',
    allow: userRoles('director', 'admin'),
    description: "Set a client's credit-policy segment (audited)",
  },
  'checklists.manage': {
    resource: 'checklists',
    allow: userRoles('director', 'admin'),
    description: "Validate and publish the company's checklists (audited)",
  },
  'users.manage': {
    resource: 'users',
    allow: admin,
    description: 'List, create and change users (role changes audited)',
  },
  'teams.manage': { resource: 'teams', allow: admin, description: 'List, create and rename teams' },
  'tokens.manage': {
    resource: 'tokens',
    allow: admin,
    description: 'Create, list and revoke API tokens (audited)',
  },
  'audit.view': { resource: 'audit', allow: admin, description: 'Read the audit log' },
  'receivables.import': {
    resource: 'receivables',
    allow: (p) =>
      p.kind === 'user' ? ['director', 'admin'].includes(p.role) : p.scopes.includes('receivables:import'),
    description:
      'Import a receivables report (CSV or XLSX): directors, admins, tokens with `receivables:import`',
  },
  'clients.view': {
    resource: 'clients',
    allow: userRoles('rep', 'manager', 'director'),
    description:
      "Find clients and open a client's page: a rep their own clients, a manager their teams', a director all",
  },
  'followUps.list': {
    resource: 'followUps',
    allow: userRoles('rep', 'manager', 'director'),
    description:
      'The follow-up queue: overdue invoices nobody called about, broken promises, negotiations with overdue clients',
  },
  'followUps.snooze': {
    resource: 'followUps',
    allow: userRoles('manager'),
    description: 'Put a follow-up aside until a date, with a reason (audited)',
  },
  'api.describe': {
    resource: 'account',
    allow: () => true,
    description: 'The OpenAPI document, for any signed-in person or API token',
  },
  'account.self': {
    resource: 'account',
    allow: anyUser,
    description: 'Your own session and password (people only, not tokens)',
  },
} as const satisfies Record<string, ActionDefinition>;

export type PolicyAction = keyof typeof POLICY;
export const POLICY_ACTIONS = Object.keys(POLICY) as PolicyAction[];

export function isPolicyAction(value: unknown): value is PolicyAction {
  return typeof value === 'string' && Object.hasOwn(POLICY, value);
}

export function definitionOf(action: PolicyAction): ActionDefinition {
  return POLICY[action];
}

/** Whether the principal may perform the action at all, objects aside. */
export function allows(principal: Principal, action: PolicyAction): boolean {
  return definitionOf(action).allow(principal);
}

/**
 * The reps whose calls the principal may see (and so list, play, read); `null` means every rep.
 * The scope of stats is the same set.
 */
export async function visibleRepIds(db: Kysely<Database>, principal: Principal): Promise<string[] | null> {
  if (principal.kind === 'token') {
    return principal.scopes.includes('calls:read') ? listUserIdsInTeams(db, principal.teamIds) : [];
  }
  switch (principal.role) {
    case 'director':
      return null;
    case 'rep':
      return [principal.userId];
    case 'manager':
      return listUserIdsInTeams(db, principal.teamIds);
    case 'admin':
      return [];
  }
}

/** The reps the principal may upload calls for. */
export async function uploadableRepIds(db: Kysely<Database>, principal: Principal): Promise<string[]> {
  if (!allows(principal, 'calls.upload')) return [];
  if (principal.kind === 'user' && principal.role === 'rep') return [principal.userId];
  return listUserIdsInTeams(db, principal.teamIds);
}

export function inScope(scope: string[] | null, repId: string): boolean {
  return scope === null || scope.includes(repId);
}

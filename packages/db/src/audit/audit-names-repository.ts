import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an id in the audit log stands for, for a reader: a person, a team, a token, a call, a client. */
export interface AuditName {
  kind: 'user' | 'team' | 'token' | 'call' | 'client';
  /** A person's or team's name; a call's client and time are given apart. */
  name: string;
  /** For a call: when it was recorded. */
  at?: Date;
}

/**
 * The names behind every id-shaped value in a page of audit entries (their objects and the ids inside
 * their details), so the log reads «Ирина: role manager → director» instead of two UUIDs. Ids of
 * things since deleted are simply absent.
 */
export async function findAuditNames(db: Db, values: unknown[]): Promise<Map<string, AuditName>> {
  const ids = [...new Set(values.flatMap(uuidsIn))];
  const out = new Map<string, AuditName>();
  if (ids.length === 0) return out;
  const [users, teams, tokens, calls, clients] = await Promise.all([
    db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute(),
    db.selectFrom('teams').select(['id', 'name']).where('id', 'in', ids).execute(),
    db.selectFrom('api_tokens').select(['id', 'name']).where('id', 'in', ids).execute(),
    db
      .selectFrom('calls')
      .leftJoin('clients', 'clients.id', 'calls.client_id')
      .select(['calls.id', 'clients.name as client', 'calls.recorded_at'])
      .where('calls.id', 'in', ids)
      .execute(),
    db.selectFrom('clients').select(['id', 'name']).where('id', 'in', ids).execute(),
  ]);
  for (const u of users) out.set(u.id, { kind: 'user', name: u.name || u.email });
  for (const t of teams) out.set(t.id, { kind: 'team', name: t.name });
  for (const t of tokens) out.set(t.id, { kind: 'token', name: t.name });
  for (const c of calls) out.set(c.id, { kind: 'call', name: c.client ?? '', at: c.recorded_at });
  for (const c of clients) out.set(c.id, { kind: 'client', name: c.name });
  return out;
}

/** Every id-shaped string in a value, however deep (audit details are free-form JSON). */
export function uuidsIn(value: unknown): string[] {
  if (typeof value === 'string') return UUID.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(uuidsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(uuidsIn);
  return [];
}

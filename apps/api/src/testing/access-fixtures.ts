/**
 * The cast of the access tests: two teams, three reps, a manager of the first team, a director, an
 * admin, two API tokens — and one call per rep, with real audio and peaks blobs in the store, one
 * annotation on each call. "own", "team" and "other" name the three calls relative to the rep.
 */
import { randomUUID } from 'node:crypto';
import {
  ensureClient,
  insertCall,
  insertCoachingTag,
  insertImportedClient,
  insertTeam,
  insertUser,
  setManagedTeams,
  type Role,
} from '@onterms/db';
import { newCallRow } from '@onterms/db/testing';
import { sessionHeaders } from '../auth/session-headers.ts';
import type { SuiteApp } from './test-app.ts';

export type Relation = 'own' | 'team' | 'other';
export const RELATIONS: Relation[] = ['own', 'team', 'other'];
export type Actor = 'anonymous' | 'rep' | 'manager' | 'director' | 'admin' | 'token:read' | 'token:upload';
export const ACTORS: Actor[] = [
  'anonymous',
  'rep',
  'manager',
  'director',
  'admin',
  'token:read',
  'token:upload',
];

export interface AccessFixtures {
  teams: { a: string; b: string; spare: string };
  users: Record<'rep' | 'rep2' | 'rep3' | 'manager' | 'director' | 'admin' | 'target', string>;
  calls: Record<Relation, string>;
  annotations: Record<Relation, string>;
  tokens: { read: string; upload: string; spareId: string };
  /** A coaching tag nobody uses, for the admin's DELETE row. */
  tags: { spare: string };
  /** `own`: a client looked after by the rep (in the rep's, the manager's and the director's scope); `spare`: one for the segment editor's row. */
  clients: { own: string; spare: string };
  /** Fresh credentials for one request (a new session per call, so logout in one row cannot spoil the next). */
  headersFor(actor: Actor): Promise<Record<string, string>>;
}

export const AUDIO_BYTES = Buffer.from('RIFF....WAVEfmt fake audio bytes for access tests');
export const PEAKS_JSON = Buffer.from('{"peaks":[0,1,0]}');

export async function createAccessFixtures(t: SuiteApp): Promise<AccessFixtures> {
  const db = t.database.db;
  const a = (await insertTeam(db, `A ${randomUUID()}`)).id;
  const b = (await insertTeam(db, `B ${randomUUID()}`)).id;
  const spare = (await insertTeam(db, `Spare ${randomUUID()}`)).id;
  const user = async (role: Role, teamId: string | null = null) =>
    (await insertUser(db, { email: `${role}-${randomUUID()}@example.com`, name: role, role, teamId })).id;
  const users = {
    rep: await user('rep', a),
    rep2: await user('rep', a),
    rep3: await user('rep', b),
    manager: await user('manager'),
    director: await user('director'),
    admin: await user('admin'),
    target: await user('rep', b),
  };
  await setManagedTeams(db, users.manager, [a]);

  const callOf = async (repId: string) => {
    const id = randomUUID();
    await t.store.put(`calls/${id}/original.wav`, AUDIO_BYTES);
    await t.store.put(`calls/${id}/peaks.json`, PEAKS_JSON);
    const call = await insertCall(
      db,
      newCallRow({
        id,
        rep_id: repId,
        uploaded_by: repId,
        call_type: 'credit_negotiation',
        recorded_at: new Date('2026-11-01T10:00:00Z'),
        language: 'ru',
        status: 'analyzed',
        audio_key: `calls/${id}/original.wav`,
        audio_sha256: randomUUID(),
        audio_bytes: AUDIO_BYTES.length,
        audio_format: 'pcm_s16le',
        original_filename: 'call.wav',
        duration_sec: 1,
        channels: 1,
        sample_rate: 16000,
        peaks_key: `calls/${id}/peaks.json`,
      }),
    );
    return call.id;
  };
  const calls = {
    own: await callOf(users.rep),
    team: await callOf(users.rep2),
    other: await callOf(users.rep3),
  };
  const annotationOn = async (callId: string) =>
    (
      await db
        .insertInto('annotations')
        .values({
          call_id: callId,
          author_id: users.manager,
          body: 'Назовите срок оплаты явно.',
          parent_id: null,
          start_sec: 0,
          end_sec: 1,
          segment_idx: 0,
          tag: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const annotations = {
    own: await annotationOn(calls.own),
    team: await annotationOn(calls.team),
    other: await annotationOn(calls.other),
  };

  const read = await t.auth.tokens.create({
    name: 'reader',
    scopes: ['calls:read'],
    teamIds: [a],
    createdBy: users.admin,
  });
  const upload = await t.auth.tokens.create({
    name: 'pbx',
    scopes: ['calls:upload'],
    teamIds: [a],
    createdBy: users.admin,
  });
  const sparetoken = await t.auth.tokens.create({
    name: 'spare',
    scopes: ['calls:read'],
    teamIds: [b],
    createdBy: users.admin,
  });

  const spareTag = await insertCoachingTag(db, { ru: 'запасной', en: 'spare' });
  const ownClient = await insertImportedClient(db, {
    name: `ООО Клиент ${randomUUID()}`,
    taxId: null,
    repId: users.rep,
  });

  const spareClient = await ensureClient(db, `ООО «Клиент ${randomUUID()}»`);
  return {
    teams: { a, b, spare },
    tags: { spare: spareTag.id },
    clients: { spare: spareClient.id, own: ownClient.id },
    users,
    calls,
    annotations,
    tokens: { read: read.secret, upload: upload.secret, spareId: sparetoken.token.id },
    headersFor: async (actor) => {
      switch (actor) {
        case 'anonymous':
          return {};
        case 'token:read':
          return { authorization: `Bearer ${read.secret}` };
        case 'token:upload':
          return { authorization: `Bearer ${upload.secret}` };
        default:
          return sessionHeaders(t.auth, users[actor]);
      }
    },
  };
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Role } from '../database.ts';
import { camelRow } from '../rows.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type ThreadStatus = 'open' | 'acknowledged' | 'disputed';

export interface AnnotationAuthor {
  id: string;
  name: string;
  role: Role;
}

export interface Reply {
  id: string;
  body: string;
  author: AnnotationAuthor;
  createdAt: Date;
}

/** Feedback on a moment of a call: the root annotation, with its replies in order. */
export interface Thread {
  id: string;
  callId: string;
  start: number;
  end: number;
  segment: number | null;
  tag: { id: string; label: { ru: string; en: string } } | null;
  body: string;
  author: AnnotationAuthor;
  createdAt: Date;
  status: ThreadStatus;
  statusComment: string | null;
  statusAt: Date | null;
  replies: Reply[];
}

export interface NewThread {
  callId: string;
  authorId: string;
  start: number;
  end: number;
  segment: number | null;
  tagId: string | null;
  body: string;
}

export async function insertThread(db: Db, t: NewThread): Promise<string> {
  const row = await db
    .insertInto('annotations')
    .values({
      call_id: t.callId,
      author_id: t.authorId,
      parent_id: null,
      start_sec: t.start,
      end_sec: t.end,
      segment_idx: t.segment,
      tag_id: t.tagId,
      body: t.body,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertReply(
  db: Db,
  r: { threadId: string; callId: string; authorId: string; body: string },
): Promise<Reply> {
  const row = await db
    .insertInto('annotations')
    .values({
      call_id: r.callId,
      author_id: r.authorId,
      parent_id: r.threadId,
      start_sec: null,
      end_sec: null,
      segment_idx: null,
      body: r.body,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const replies = await repliesOf(db, [r.threadId]);
  return replies.get(r.threadId)!.find((x) => x.id === row.id)!;
}

/** Who wrote an annotation and on which call — what an access check needs. */
export interface AnnotationRef {
  id: string;
  callId: string;
  authorId: string;
}

export async function findAnnotationRef(db: Db, annotationId: string): Promise<AnnotationRef | null> {
  const row = await db
    .selectFrom('annotations')
    .select(['id', 'call_id', 'author_id'])
    .where('id', '=', annotationId)
    .executeTakeFirst();
  return row ? camelRow(row) : null;
}

/** The thread an annotation belongs to: itself for a root, its parent for a reply. */
export async function threadIdOf(db: Db, annotationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('annotations')
    .select(['id', 'parent_id'])
    .where('id', '=', annotationId)
    .executeTakeFirst();
  return row ? (row.parent_id ?? row.id) : null;
}

export async function setThreadStatus(
  db: Db,
  threadId: string,
  status: ThreadStatus,
  comment: string | null,
): Promise<void> {
  await db
    .updateTable('annotations')
    .set({ status, status_comment: comment, status_at: new Date() })
    .where('id', '=', threadId)
    .where('parent_id', 'is', null)
    .execute();
}

/** The threads on a call, by their start in the recording. */
export async function listThreadsOfCall(db: Db, callId: string): Promise<Thread[]> {
  return selectThreads(db, (q) => q.where('a.call_id', '=', callId));
}

export async function findThread(db: Db, threadId: string): Promise<Thread | null> {
  return (await selectThreads(db, (q) => q.where('a.id', '=', threadId)))[0] ?? null;
}

export interface FeedbackItem {
  callId: string;
  clientName: string | null;
  recordedAt: Date;
  thread: Thread;
}

/** Open feedback on a rep's calls — what they still have to acknowledge or dispute — newest first. */
export async function listOpenFeedbackForRep(db: Db, repId: string, limit = 200): Promise<FeedbackItem[]> {
  const rows = await db
    .selectFrom('annotations as a')
    .innerJoin('calls', 'calls.id', 'a.call_id')
    .leftJoin('clients', 'clients.id', 'calls.client_id')
    .select(['a.id', 'calls.id as call_id', 'clients.name as client_name', 'calls.recorded_at'])
    .where('calls.rep_id', '=', repId)
    .where('a.parent_id', 'is', null)
    .where('a.status', '=', 'open')
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const threads = new Map((await selectThreads(db, (q) => q.where('a.id', 'in', ids))).map((t) => [t.id, t]));
  return rows.map((r) => ({
    callId: r.call_id,
    clientName: r.client_name,
    recordedAt: r.recorded_at,
    thread: threads.get(r.id)!,
  }));
}

type RootQuery = ReturnType<typeof rootQuery>;

/** Annotations (`a`) with what threads and replies both show: body, time and author (`u`). */
function withAuthors(db: Db) {
  return db
    .selectFrom('annotations as a')
    .innerJoin('users as u', 'u.id', 'a.author_id')
    .select([
      'a.id',
      'a.body',
      'a.created_at',
      'u.id as author_id',
      'u.name as author_name',
      'u.role as author_role',
    ]);
}

const authorOf = (r: { author_id: string; author_name: string; author_role: Role }): AnnotationAuthor => ({
  id: r.author_id,
  name: r.author_name,
  role: r.author_role,
});

function rootQuery(db: Db) {
  return withAuthors(db)
    .leftJoin('coaching_tags as t', 't.id', 'a.tag_id')
    .select([
      'a.call_id',
      'a.start_sec',
      'a.end_sec',
      'a.segment_idx',
      'a.status',
      'a.status_comment',
      'a.status_at',
      't.id as tag_id',
      't.label_ru',
      't.label_en',
    ])
    .where('a.parent_id', 'is', null);
}

async function selectThreads(db: Db, where: (q: RootQuery) => RootQuery): Promise<Thread[]> {
  const rows = await where(rootQuery(db))
    .orderBy('a.start_sec')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  const replies = await repliesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    callId: r.call_id,
    start: r.start_sec ?? 0,
    end: r.end_sec ?? r.start_sec ?? 0,
    segment: r.segment_idx,
    tag: r.tag_id ? { id: r.tag_id, label: { ru: r.label_ru!, en: r.label_en! } } : null,
    body: r.body,
    author: authorOf(r),
    createdAt: r.created_at,
    status: r.status,
    statusComment: r.status_comment,
    statusAt: r.status_at,
    replies: replies.get(r.id) ?? [],
  }));
}

async function repliesOf(db: Db, threadIds: string[]): Promise<Map<string, Reply[]>> {
  const out = new Map<string, Reply[]>();
  if (threadIds.length === 0) return out;
  const rows = await withAuthors(db)
    .select('a.parent_id')
    .where('a.parent_id', 'in', threadIds)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.parent_id!) ?? [];
    list.push({
      id: r.id,
      body: r.body,
      author: authorOf(r),
      createdAt: r.created_at,
    });
    out.set(r.parent_id!, list);
  }
  return out;
}

/**
 * Whose move it is in a thread. The manager's: the rep disputed it or replied, and no manager has
 * answered since. The rep's: it is still open (to acknowledge or dispute), or a manager answered after
 * the rep's last word. Both sides see the same thread, so the two queues close the review loop.
 */
export type AwaitingSide = 'manager' | 'rep';

function awaitingCondition(side: AwaitingSide) {
  const repReply = sql<Date | null>`(select max(r.created_at) from annotations r join users ru on ru.id = r.author_id
    where r.parent_id = a.id and ru.role = 'rep')`;
  const managerReply = sql<Date | null>`(select max(r.created_at) from annotations r join users ru on ru.id = r.author_id
    where r.parent_id = a.id and ru.role <> 'rep')`;
  if (side === 'manager') {
    return sql<boolean>`greatest(${repReply}, case when a.status = 'disputed' then a.status_at end)
      > coalesce(${managerReply}, a.created_at)`;
  }
  return sql<boolean>`(a.status = 'open' or ${managerReply}
      > coalesce(greatest(${repReply}, case when a.status <> 'open' then a.status_at end), a.created_at))`;
}

function awaitingQuery(db: Db, side: AwaitingSide, repIds: string[]) {
  return db
    .selectFrom('annotations as a')
    .innerJoin('calls', 'calls.id', 'a.call_id')
    .where('a.parent_id', 'is', null)
    .where('calls.rep_id', 'in', repIds)
    .where(awaitingCondition(side));
}

/** Threads on the given reps' calls waiting for `side`, most recently active first. */
export async function listThreadsAwaiting(
  db: Db,
  side: AwaitingSide,
  repIds: string[],
  limit = 200,
): Promise<FeedbackItem[]> {
  if (repIds.length === 0) return [];
  const rows = await awaitingQuery(db, side, repIds)
    .leftJoin('clients', 'clients.id', 'calls.client_id')
    .select(['a.id', 'calls.id as call_id', 'clients.name as client_name', 'calls.recorded_at'])
    .orderBy(sql`coalesce(a.status_at, a.created_at)`, 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const threads = new Map(
    (
      await selectThreads(db, (q) =>
        q.where(
          'a.id',
          'in',
          rows.map((r) => r.id),
        ),
      )
    ).map((t) => [t.id, t]),
  );
  return rows.map((r) => ({
    callId: r.call_id,
    clientName: r.client_name,
    recordedAt: r.recorded_at,
    thread: threads.get(r.id)!,
  }));
}

export async function countThreadsAwaiting(db: Db, side: AwaitingSide, repIds: string[]): Promise<number> {
  if (repIds.length === 0) return 0;
  const row = await awaitingQuery(db, side, repIds)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

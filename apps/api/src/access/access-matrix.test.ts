/**
 * The access matrix, generated from the route table: every registered /api route × every actor
 * (anonymous, each role, each kind of API token) × own / same-team / other-team object, against the real
 * database, store and app. The expectations below are written out by hand from the issue's rules — they
 * are not derived from policy.ts — so a wrong policy fails here, and a new route or policy action
 * without an expectation fails too.
 */
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { principalForUser, type Principal } from './principal.ts';
import { registerAccessControl } from './access-control.ts';
import { loadAnnotation, loadCall } from './call-policy.ts';
import { allows, POLICY, POLICY_ACTIONS, type PolicyAction } from './policy.ts';
import { AppError } from '@onterms/domain';
import {
  ACTORS,
  AUDIO_BYTES,
  createAccessFixtures,
  RELATIONS,
  type Actor,
  type Relation,
} from '../testing/access-fixtures.ts';
import { createTestApp } from '../testing/test-app.ts';

type Who = Exclude<Actor, 'anonymous'>;
/** Non-object actions: may this actor do it at all. Object actions: on which of the three calls. */
type Expectation = Record<Who, boolean | Relation[]>;

const WHO: Who[] = ['rep', 'manager', 'director', 'admin', 'token:read', 'token:upload'];
const ALL: Relation[] = ['own', 'team', 'other'];
const OWN: Relation[] = ['own'];
const TEAM: Relation[] = ['own', 'team'];
const NONE: Relation[] = [];

/** Which calls each actor may see at all: outside these, any call route answers 404, never 403. */
const VISIBLE: Record<Who, Relation[]> = {
  rep: OWN,
  manager: TEAM,
  director: ALL,
  admin: NONE,
  'token:read': TEAM,
  'token:upload': NONE,
};

/** Reading a call is allowed exactly where the call is visible. */
const readCalls: Expectation = VISIBLE;
/** A non-object action: true for the actors listed, false for every other. */
function only(...allowed: Who[]): Expectation {
  return Object.fromEntries(WHO.map((who) => [who, allowed.includes(who)])) as Expectation;
}
const adminOnly = only('admin');
const people = only('rep', 'manager', 'director', 'admin');
const onCalls = (rep: Relation[], manager: Relation[]): Expectation => ({
  rep,
  manager,
  director: NONE,
  admin: NONE,
  'token:read': NONE,
  'token:upload': NONE,
});

const EXPECTED: Record<string, Expectation> = {
  'calls.list': only('rep', 'manager', 'director', 'token:read'),
  'calls.view': readCalls,
  'calls.audio': readCalls,
  'calls.peaks': readCalls,
  'calls.transcript': readCalls,
  'calls.upload': only('rep', 'manager', 'token:upload'),
  'calls.reanalyze': onCalls(OWN, TEAM),
  'calls.attachTranscript': onCalls(OWN, TEAM),
  'calls.retry': onCalls(OWN, TEAM),
  'calls.correctFlag': onCalls(NONE, TEAM),
  'calls.markReviewed': onCalls(NONE, TEAM),
  'annotations.list': { ...onCalls(OWN, TEAM), director: ALL },
  'annotations.create': onCalls(NONE, TEAM),
  'annotations.reply': onCalls(OWN, TEAM),
  'annotations.acknowledge': onCalls(OWN, NONE),
  'inbox.feedback': only('rep'),
  'inbox.review': only('manager'),
  'inbox.counts': people,
  'coaching.viewTags': people,
  'coaching.manageTags': adminOnly,
  'stats.view': only('rep', 'manager', 'director'),
  'checklists.view': people,
  'creditPolicy.view': { ...adminOnly, manager: true, director: true },
  'creditPolicy.manage': { ...adminOnly, director: true },
  'creditPolicy.card': people,
  'creditPolicy.breaches': { ...adminOnly, admin: false, manager: true },
  'clients.segments': { ...adminOnly, manager: true, director: true },
  'clients.setSegment': { ...adminOnly, director: true },
  'checklists.manage': { ...adminOnly, director: true },
  'users.manage': adminOnly,
  'teams.manage': adminOnly,
  'tokens.manage': adminOnly,
  'audit.view': adminOnly,
  'account.self': people,
  'receivables.import': only('director', 'admin'),
  'clients.view': only('rep', 'manager', 'director'),
  'followUps.list': only('rep', 'manager', 'director'),
  'followUps.snooze': only('manager'),
  'api.describe': only('rep', 'manager', 'director', 'admin', 'token:read', 'token:upload'),
};

const t = await createTestApp();
const fx = await createAccessFixtures(t);
afterAll(async () => {
  await t.close();
});

const apiRoutes = t.routes.filter((r) => r.url.startsWith('/api/'));

/** The object a route's `:param` names, for the row's relation. */
function urlFor(url: string, action: PolicyAction | undefined, relation: Relation | null): string {
  return url.replace(/:(\w+)/g, (_, param: string) => {
    const def = action ? POLICY[action] : undefined;
    if (def && 'object' in def && def.object.param === param) {
      return def.object.type === 'call' ? fx.calls[relation!] : fx.annotations[relation!];
    }
    if (param === 'id' && def?.resource === 'users') return fx.users.target;
    if (param === 'id' && def?.resource === 'teams') return fx.teams.spare;
    if (param === 'id' && def?.resource === 'tokens') return fx.tokens.spareId;
    if (param === 'id' && def?.resource === 'coaching') return fx.tags.spare;
    if (param === 'flag') return 'sanctions';
    if (param === 'id' && def?.resource === 'clients') return fx.clients.spare;
    if (param === 'clientId') return fx.clients.own;
    throw new Error(
      `The matrix has no fixture for :${param} in ${url}: add one to access-fixtures.ts and urlFor.`,
    );
  });
}

async function send(method: string, url: string, actor: Actor) {
  const headers = await fx.headersFor(actor);
  const body = ['POST', 'PUT', 'PATCH'].includes(method) ? { payload: {} } : {};
  return t.sut.inject({ method: method as 'GET', url, headers, ...body });
}

describe('the route table', () => {
  it('has the routes we know of, each public or with a policy that has expectations here', () => {
    const names = apiRoutes.map((r) => `${r.method} ${r.url}`);
    for (const known of [
      'POST /api/auth/login',
      'GET /api/auth/me',
      'GET /api/calls',
      'GET /api/calls/:id/audio',
      'GET /api/calls/:id/peaks',
      'DELETE /api/admin/tokens/:id',
      'GET /api/admin/audit',
    ]) {
      expect(names).toContain(known);
    }
    for (const route of apiRoutes) {
      if (route.config.public) continue;
      expect(EXPECTED, `${route.method} ${route.url}`).toHaveProperty([route.config.policy!]);
    }
    // HEAD routes are Fastify's automatic twins of GET routes, with the same config and so the same policy.
    expect(
      apiRoutes
        .filter((r) => r.config.public && r.method !== 'HEAD')
        .map((r) => `${r.method} ${r.url}`)
        .sort(),
    ).toEqual(['GET /api/health', 'POST /api/auth/login', 'GET /api/auth/first-run'].sort());
  });

  it('every policy action has expectations, and every expectation is a policy action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...POLICY_ACTIONS].sort());
  });

  it('refuses to boot with an /api route that declares no policy', async () => {
    const app = Fastify();
    await registerAccessControl(app, { db: t.database.db, auth: t.auth });
    await expect(
      (async () => {
        await app.register(async (scope) => {
          scope.get('/api/forgotten', async () => 'oops');
        });
        await app.ready();
      })(),
    ).rejects.toThrow(/GET \/api\/forgotten declares no access policy/);
    await app.close().catch(() => {});
  });

  it('refuses an unknown policy, and an object policy on a route without the object parameter', async () => {
    for (const [url, config, message] of [
      ['/api/typo', { policy: 'calls.veiw' }, /unknown policy "calls.veiw"/],
      ['/api/calls-without-id', { policy: 'calls.view' }, /needs the route parameter :id/],
    ] as const) {
      const app = Fastify();
      await registerAccessControl(app, { db: t.database.db, auth: t.auth });
      await expect(
        (async () => {
          await app.register(async (scope) => {
            scope.get(url, { config: config as never }, async () => 'oops');
          });
          await app.ready();
        })(),
      ).rejects.toThrow(message);
      await app.close().catch(() => {});
    }
  });
});

describe.each(apiRoutes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', (_name, route) => {
  const action = route.config.policy as PolicyAction | undefined;
  const object = action ? (POLICY[action] as { object?: unknown }).object : undefined;
  const relations: (Relation | null)[] = object ? RELATIONS : [null];

  if (route.config.public) {
    it('is open to anonymous callers', async () => {
      const res = await send(route.method, urlFor(route.url, action, null), 'anonymous');
      expect(res.statusCode, res.body).not.toBe(401);
      expect(res.statusCode, res.body).toBeLessThan(500);
    });
    return;
  }

  it.each(ACTORS)('as %s', async (actor) => {
    for (const relation of relations) {
      const url = urlFor(route.url, action, relation);
      const res = await send(route.method, url, actor);
      const where = `${route.method} ${url} as ${actor}${relation ? ` on the ${relation} call` : ''}: ${res.statusCode} ${res.body}`;
      if (actor === 'anonymous') {
        expect(res.statusCode, where).toBe(401);
        if (route.method !== 'HEAD') {
          expect(res.json(), where).toEqual({ error: 'unauthorized', message: 'Please sign in.' });
        }
        continue;
      }
      const rule = EXPECTED[action!]![actor];
      const allowed = relation ? (rule as Relation[]).includes(relation) : (rule as boolean);
      if (allowed) {
        expect(res.statusCode, where).toBeLessThan(500);
        expect([401, 403, 404], where).not.toContain(res.statusCode);
        if (route.method === 'GET') expect(res.statusCode, where).toBeLessThan(300);
      } else if (relation && !VISIBLE[actor].includes(relation)) {
        expect(res.statusCode, where).toBe(404);
      } else {
        expect(res.statusCode, where).toBe(403);
      }
    }
  });
});

describe('the policy itself, for every action — with or without a route yet', () => {
  async function principalOf(actor: Who): Promise<Principal> {
    if (actor === 'token:read') return (await t.auth.tokens.authenticate(fx.tokens.read))!;
    if (actor === 'token:upload') return (await t.auth.tokens.authenticate(fx.tokens.upload))!;
    return (await principalForUser(t.database.db, fx.users[actor]))!;
  }

  it.each(POLICY_ACTIONS)('%s', async (action) => {
    const def = POLICY[action] as { object?: { type: 'call' | 'annotation' } };
    for (const actor of ACTORS.filter((a): a is Who => a !== 'anonymous')) {
      const principal = await principalOf(actor);
      const rule = EXPECTED[action]![actor];
      if (!def.object) {
        expect(allows(principal, action), `${action} as ${actor}`).toBe(rule);
        continue;
      }
      for (const relation of RELATIONS) {
        const outcome = await (
          def.object.type === 'call'
            ? loadCall(t.database.db, principal, fx.calls[relation], action)
            : loadAnnotation(t.database.db, principal, fx.annotations[relation], action)
        ).then(
          () => 'allowed',
          (error: AppError) => error.code,
        );
        const expected = (rule as Relation[]).includes(relation)
          ? 'allowed'
          : VISIBLE[actor].includes(relation)
            ? 'forbidden'
            : 'not_found';
        expect(outcome, `${action} as ${actor} on the ${relation} call`).toBe(expected);
      }
    }
  });
});

describe('objects out of reach look missing', () => {
  it("answers the same 404 for another team's call as for a call that does not exist", async () => {
    const headers = await fx.headersFor('rep');
    const other = await t.sut.inject({ method: 'GET', url: `/api/calls/${fx.calls.other}/audio`, headers });
    const missing = await t.sut.inject({
      method: 'GET',
      url: '/api/calls/00000000-0000-4000-8000-000000000000/audio',
      headers,
    });
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
  });

  it('serves the real bytes when allowed (so an allowed 200 is not a storage 404)', async () => {
    const res = await t.sut.inject({
      method: 'GET',
      url: `/api/calls/${fx.calls.team}/audio`,
      headers: { ...(await fx.headersFor('manager')), range: 'bytes=0-3' },
    });
    expect(res.statusCode).toBe(206);
    expect(res.rawPayload).toEqual(AUDIO_BYTES.subarray(0, 4));
  });

  it('lists only the calls in scope', async () => {
    const ids = async (actor: Actor) =>
      (
        (
          await t.sut.inject({ method: 'GET', url: '/api/calls', headers: await fx.headersFor(actor) })
        ).json() as { items: { id: string }[] }
      ).items
        .map((c) => c.id)
        .sort();
    expect(await ids('rep')).toEqual([fx.calls.own]);
    expect(await ids('manager')).toEqual([fx.calls.own, fx.calls.team].sort());
    expect(await ids('token:read')).toEqual([fx.calls.own, fx.calls.team].sort());
    expect(await ids('director')).toEqual(expect.arrayContaining(Object.values(fx.calls)));
  });
});

/**
 * The same routes spelled the ways an attacker spells them. The router decodes `%61` before it
 * matches, so a percent-encoded spelling reaches the very same route — and must meet the very same
 * policy. Spellings the router does not treat as the same path (double encoding, dot segments, a
 * doubled or trailing slash, other case) must reach no handler at all: 404, never data.
 */
function spellings(url: string): { name: string; url: string; same: boolean }[] {
  const encodeAt = (s: string, i: number, upper = false) => {
    const hex = s.charCodeAt(i).toString(16).padStart(2, '0');
    return s.slice(0, i) + '%' + (upper ? hex.toUpperCase() : hex) + s.slice(i + 1);
  };
  const rest = url.slice('/api'.length);
  const firstLetter = rest.search(/[a-z]/);
  return [
    { name: '/%61pi', url: encodeAt(url, 1), same: true },
    { name: '/a%70i', url: encodeAt(url, 2), same: true },
    { name: '/ap%69', url: encodeAt(url, 3), same: true },
    { name: 'upper-case hex escape', url: '/api' + encodeAt(rest, firstLetter, true), same: true },
    { name: 'a later letter encoded', url: '/api' + encodeAt(rest, firstLetter), same: true },
    { name: 'double-encoded', url: url.replace(/^\/a/, '/%2561'), same: false },
    { name: 'dot segment', url: '/api/..' + url, same: false },
    { name: 'duplicate slash', url: '/' + url, same: false },
    { name: 'inner duplicate slash', url: url.replace('/api/', '/api//'), same: false },
    { name: 'trailing slash', url: url + '/', same: false },
    { name: 'mixed case', url: url.replace('/api/', '/Api/'), same: false },
  ];
}

describe.each(apiRoutes.map((r) => [`${r.method} ${r.url}`, r] as const))(
  'odd spellings of %s',
  (_name, route) => {
    const action = route.config.policy as PolicyAction | undefined;
    const object = action ? (POLICY[action] as { object?: unknown }).object : undefined;
    const plainUrl = urlFor(route.url, action, object ? 'other' : null);

    it.each(['anonymous', 'rep'] as const)('as %s, get what the plain path gets or a 404', async (actor) => {
      const plain = await send(route.method, plainUrl, actor);
      for (const variant of spellings(plainUrl)) {
        const res = await send(route.method, variant.url, actor);
        const where = `${route.method} ${variant.url} (${variant.name}) as ${actor}: ${res.statusCode} ${res.body} — plain ${plain.statusCode}`;
        if (variant.same) expect(res.statusCode, where).toBe(plain.statusCode);
        else expect([plain.statusCode, 404], where).toContain(res.statusCode);
        if (res.statusCode < 300) expect(plain.statusCode, where).toBeLessThan(300);
      }
    });
  },
);

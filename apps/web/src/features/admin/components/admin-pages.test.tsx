// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetchPerTest, renderRoute, sessionAnswer } from '../../../testing/render.tsx';
import type { AdminTeam, AdminToken, AdminUser } from '../admin-types.ts';

const TEAM: AdminTeam = { id: 't1', name: 'Север', memberCount: 1, managerIds: [] };
const ADMIN: AdminUser = {
  id: 'a1',
  email: 'admin@x.ru',
  name: 'Админ',
  role: 'admin',
  teamId: null,
  teamName: null,
  managedTeamIds: [],
  disabled: false,
  createdAt: '2026-05-01T10:00:00Z',
};

type Answer = { status?: number; body: unknown };
type Handler = (url: URL, init: RequestInit | undefined) => Answer;

/** A fetch answering by `METHOD /path`, with any status (the shared fakeApi answers 200 only). */
function fakeFetch(handlers: Record<string, Handler>) {
  const calls: { url: URL; init: RequestInit | undefined }[] = [];
  const fetchMock = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    calls.push({ url, init });
    const handler = handlers[`${init?.method ?? 'GET'} ${url.pathname}`];
    const { status = 200, body } = handler
      ? handler(url, init)
      : { status: 404, body: { error: 'not_found', message: 'No route' } };
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetchMock as typeof fetch, calls };
}

let users: AdminUser[];
let tokens: AdminToken[];
const extra: Record<string, Handler> = {};

const api = fakeFetchPerTest(() => {
  users = [ADMIN];
  tokens = [];
  for (const key of Object.keys(extra)) delete extra[key];
  const handlers: Record<string, Handler> = {
    'GET /api/auth/me': () => ({
      body: sessionAnswer({ id: 'a1', email: 'admin@x.ru', name: 'Админ', role: 'admin' }, 'csrf-1'),
    }),
    'GET /api/admin/users': () => ({ body: users }),
    'GET /api/admin/teams': () => ({ body: [TEAM] }),
    'GET /api/admin/tokens': () => ({ body: tokens }),
    'GET /api/admin/audit': (url) => ({
      body: {
        items: [
          {
            id: 'e1',
            at: '2026-05-01T10:00:00Z',
            actorUserId: 'a1',
            actorEmail: 'admin@x.ru',
            actorTokenId: null,
            actorTokenName: null,
            action: 'user.role_changed',
            objectType: 'user',
            objectId: 'u2',
            details: { from: 'rep', to: 'manager' },
            ip: null,
            actorName: 'Админ',
            names: { u2: { kind: 'user', name: 'Анна' } },
          },
          {
            id: 'e2',
            at: '2026-05-01T11:00:00Z',
            actorUserId: null,
            actorEmail: null,
            actorTokenId: null,
            actorTokenName: null,
            action: 'user.disabled',
            objectType: 'user',
            objectId: 'u3',
            details: { via: 'command_line', osUser: 'deploy' },
            ip: null,
            actorName: null,
            names: { u3: { kind: 'user', name: 'Борис' } },
          },
        ],
        total: 120,
        page: Number(url.searchParams.get('page') ?? 1),
        pageSize: 50,
      },
    }),
  };
  return fakeFetch(new Proxy(handlers, { get: (target, key: string) => extra[key] ?? target[key] }));
});

describe('admin: tokens', () => {
  it('shows a new token’s secret once and refreshes the list', async () => {
    extra['POST /api/admin/tokens'] = (_url, init) => {
      const input = JSON.parse(String(init?.body)) as { name: string; scopes: []; teamIds: [] };
      const token: AdminToken = {
        id: 'k1',
        prefix: 'ot_abc',
        createdBy: 'a1',
        createdAt: '2026-05-02T10:00:00Z',
        lastUsedAt: null,
        revokedAt: null,
        ...input,
      };
      tokens = [token];
      return { status: 201, body: { token, secret: 'ot_abc_SECRET' } };
    };
    const user = userEvent.setup();
    renderRoute('/admin?tab=tokens');
    await screen.findByText('Токенов нет.');
    await user.type(screen.getByLabelText('Название токена'), 'АТС');
    await user.click(screen.getByRole('checkbox', { name: /calls:read/ }));
    await user.click(await screen.findByRole('checkbox', { name: 'Север' }));
    await user.click(screen.getByRole('button', { name: 'Создать токен' }));

    const secret = await screen.findByRole('region', { name: 'Токен «АТС»' });
    expect(within(secret).getByText('ot_abc_SECRET')).toBeTruthy();
    expect(within(secret).getByText(/больше он показан не будет/)).toBeTruthy();
    // the list is asked again and shows the token, never its secret
    const table = await screen.findByRole('table');
    expect(within(table).getByText('АТС')).toBeTruthy();
    expect(within(table).queryByText('ot_abc_SECRET')).toBeNull();
    const post = api.current.calls.find((c) => c.init?.method === 'POST')!;
    expect(JSON.parse(String(post.init!.body))).toEqual({
      name: 'АТС',
      scopes: ['calls:upload', 'calls:read'],
      teamIds: ['t1'],
    });
    expect(new Headers(post.init!.headers).get('x-csrf-token')).toBe('csrf-1');

    await user.click(within(secret).getByRole('button', { name: /скрыть/ }));
    expect(screen.queryByText('ot_abc_SECRET')).toBeNull();
  });
});

describe('admin: users', () => {
  it('shows the generated password when a user is created without one', async () => {
    extra['POST /api/admin/users'] = (_url, init) => {
      const input = JSON.parse(String(init?.body)) as { email: string; role: 'rep'; teamId?: string };
      expect(input).not.toHaveProperty('password');
      const created = { ...ADMIN, id: 'u2', name: 'anna', ...input, teamId: input.teamId ?? null };
      users = [...users, created];
      return { status: 201, body: { user: created, generatedPassword: 'Gen-Pass-123' } };
    };
    const user = userEvent.setup();
    renderRoute('/admin');
    const form = await screen.findByRole('form', { name: 'Новый пользователь' });
    await user.type(within(form).getByLabelText('Эл. почта'), 'anna@x.ru');
    await waitFor(() => expect(within(form).getAllByRole('option', { name: 'Север' }).length).toBe(1));
    await user.selectOptions(within(form).getByLabelText('Команда'), 't1');
    await user.click(within(form).getByRole('button', { name: 'Создать пользователя' }));

    const secret = await screen.findByRole('region', { name: 'Пароль для anna@x.ru' });
    expect(within(secret).getByText('Gen-Pass-123')).toBeTruthy();
    expect(await screen.findByText('anna@x.ru')).toBeTruthy();
  });

  it('asks before changing a role, and saves nothing when the admin says no', async () => {
    const rep: AdminUser = { ...ADMIN, id: 'u3', email: 'rep@x.ru', name: 'Павел', role: 'rep' };
    users = [ADMIN, rep];
    const patches: unknown[] = [];
    extra['PATCH /api/admin/users/u3'] = (_url, init) => {
      patches.push(JSON.parse(String(init?.body)));
      return { body: { ...rep, role: 'manager' } };
    };
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const user = userEvent.setup();
    renderRoute('/admin');
    const select = await screen.findByLabelText('Роль: Павел');
    await user.selectOptions(select, 'manager');
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Сделать Павел — руководитель?'));
    expect(patches).toEqual([]);
    expect((select as HTMLSelectElement).value).toBe('rep');
    confirm.mockReturnValue(true);
    await user.selectOptions(select, 'manager');
    await waitFor(() => expect(patches).toEqual([{ role: 'manager' }]));
  });

  it('says in plain words that the email is taken', async () => {
    extra['POST /api/admin/users'] = () => ({
      status: 409,
      body: { error: 'conflict', message: 'A user with the email admin@x.ru already exists.' },
    });
    const user = userEvent.setup();
    renderRoute('/admin?tab=users');
    const form = await screen.findByRole('form', { name: 'Новый пользователь' });
    await user.type(within(form).getByLabelText('Эл. почта'), 'admin@x.ru');
    await user.click(within(form).getByRole('button', { name: 'Создать пользователя' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Пользователь с такой эл. почтой уже есть/,
    );
  });
});

describe('admin: audit log', () => {
  it('keeps the filters and the page in the URL and sends them to the API', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/admin?tab=audit');
    expect(await screen.findByRole('cell', { name: /смена роли/ })).toBeTruthy();
    // people by name and the change as before → after, not ids and codes
    expect(screen.getByRole('cell', { name: 'пользователь Анна' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'роль: менеджер по продажам → руководитель' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Админ' })).toBeTruthy();
    // a change made on the server's command line says so, and who ran it, instead of a blank actor
    const cli = screen.getByRole('cell', { name: 'командная строка сервера (deploy)' }).closest('tr')!;
    expect(within(cli).queryByText(/command_line|deploy\b.*:/)).toBeNull();
    await user.selectOptions(screen.getByLabelText('Действие'), 'user.');
    await waitFor(() => expect(router.state.location.search).toContain('action=user.'));
    await user.click(await screen.findByRole('button', { name: 'Вперёд' }));
    await waitFor(() => expect(router.state.location.search).toContain('page=2'));
    const last = () =>
      api.current.calls.filter((c) => c.url.pathname === '/api/admin/audit').at(-1)!.url.searchParams;
    await waitFor(() => expect(last().get('page')).toBe('2'));
    expect(last().get('action')).toBe('user.');
    // a filter change goes back to page 1
    await user.selectOptions(screen.getByLabelText('Кто'), 'a1');
    await waitFor(() => expect(router.state.location.search).not.toContain('page='));
    expect(new URLSearchParams(router.state.location.search).get('actor')).toBe('a1');
    expect(new URLSearchParams(router.state.location.search).get('tab')).toBe('audit');
  });

  it('reads a date range from a shared link', async () => {
    renderRoute('/admin?tab=audit&from=2026-05-01&to=2026-05-03');
    await screen.findByRole('cell', { name: /смена роли/ });
    const asked = api.current.calls.filter((c) => c.url.pathname === '/api/admin/audit').at(-1)!.url
      .searchParams;
    expect(new Date(asked.get('from')!).getTime()).toBe(new Date(2026, 4, 1).getTime());
    expect(new Date(asked.get('to')!).getTime()).toBe(new Date(2026, 4, 3, 23, 59, 59, 999).getTime());
    expect((screen.getByLabelText('С') as HTMLInputElement).value).toBe('2026-05-01');
  });
});

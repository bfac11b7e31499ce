// `onterms user …` and `onterms team …`: accounts from the command line, against the configured
// database (DATABASE_URL, or the embedded one under ONTERMS_DATA_DIR — only while the server is stopped:
// one process at a time may open the embedded database).
import { ConfigError, loadConfig } from '@onterms/config';
import {
  findUserByEmail,
  listTeams,
  listUsers,
  migrateToLatest,
  openDatabase,
  type DatabaseHandle,
} from '@onterms/db';
import {
  changeAccount,
  commandLineAudit,
  createUser,
  ensureTeam,
  isRole,
  resetPassword,
  ROLES,
  type Audit,
} from '@onterms/domain';
import { createPasswordHasher, passwordProblem } from '@onterms/domain';
import { AppError } from '@onterms/domain';
import type { Kysely } from 'kysely';
import type { Database } from '@onterms/db';
import { list, one, parseArgs, required, UsageError } from './args.ts';
import { promptSecretOnTerminal, type PromptSecret } from './prompt.ts';

export interface AccountsIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Asks for a password without echo; null when there is no terminal (then one is generated). */
  promptSecret?: PromptSecret;
  /** Tests pass their database; by default the configured one is opened and migrated. */
  openDatabase?: () => Promise<DatabaseHandle>;
}

export const USER_HELP = [
  'user create --email E --role rep|manager|director|admin [--team T]... [--name N] [--password P]',
  '      without --password: asked for on a terminal, otherwise generated and printed once;',
  "      --team: a rep's own team, or the teams a manager leads (created when missing)",
  'user list',
  'user set-role --email E --role R [--team T]...',
  "user set-password --email E [--password P]   (ends the user's sessions)",
  'user disable --email E | user enable --email E',
];
export const TEAM_HELP = ['team create --name N', 'team list'];

export async function userCommand(args: string[], io: AccountsIo): Promise<number> {
  const [sub, ...rest] = args;
  return run(io, USER_HELP, async (db) => {
    const passwords = createPasswordHasher();
    // Every change made here is in the audit log, marked as made on the server's command line.
    const audit = commandLineAudit(db);
    switch (sub) {
      case 'create': {
        const p = parseArgs(rest, ['email', 'role', 'team', 'name', 'password']);
        const email = required(p, 'email');
        const role = required(p, 'role');
        if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
        const teams = await resolveTeams(db, list(p, 'team'), io, audit);
        if (teams.length > 1 && role !== 'manager')
          throw new UsageError('only a manager leads several teams');
        const password = one(p, 'password') ?? (await askPassword(io, email));
        const { user, generatedPassword } = await createUser(
          db,
          passwords,
          {
            email,
            role,
            ...(one(p, 'name') !== undefined && { name: one(p, 'name') }),
            ...(role === 'rep' && teams[0] && { teamId: teams[0].id }),
            ...(role === 'manager' && { managedTeamIds: teams.map((t) => t.id) }),
            password,
          },
          audit,
        );
        const where = teams.length
          ? ` (${role === 'manager' ? 'leads' : 'team'} ${teams.map((t) => t.name).join(', ')})`
          : '';
        io.out(`Created ${user.role} ${user.email}${where}.`);
        if (generatedPassword)
          io.out(`Password (shown only now — pass it on securely): ${generatedPassword}`);
        return 0;
      }
      case 'list': {
        parseArgs(rest, []);
        const teams = new Map((await listTeams(db)).map((t) => [t.id, t.name]));
        for (const u of await listUsers(db)) {
          const led = u.managedTeamIds.map((id) => teams.get(id)).join(', ');
          const team = u.role === 'manager' ? (led ? `leads ${led}` : '') : (u.teamName ?? '');
          io.out([u.email, u.role, team, u.disabled ? 'disabled' : ''].filter(Boolean).join('\t'));
        }
        return 0;
      }
      case 'set-role': {
        const p = parseArgs(rest, ['email', 'role', 'team']);
        const user = await userByEmail(db, required(p, 'email'));
        const role = required(p, 'role');
        if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
        const teams = await resolveTeams(db, list(p, 'team'), io, audit);
        const { changes } = await changeAccount(
          db,
          user.id,
          {
            role,
            ...(role === 'rep' && teams.length > 0 && { teamId: teams[0]!.id }),
            ...(role === 'manager' && teams.length > 0 && { managedTeamIds: teams.map((t) => t.id) }),
          },
          audit,
        );
        io.out(
          changes.role
            ? `${user.email}: ${changes.role.from} → ${changes.role.to}.`
            : `${user.email} is already ${role}.`,
        );
        return 0;
      }
      case 'set-password': {
        const p = parseArgs(rest, ['email', 'password']);
        const user = await userByEmail(db, required(p, 'email'));
        const password = one(p, 'password') ?? (await askPassword(io, user.email));
        const { generatedPassword } = await resetPassword(db, passwords, user.id, password, audit);
        io.out(`Password of ${user.email} changed; their sessions have ended.`);
        if (generatedPassword)
          io.out(`Password (shown only now — pass it on securely): ${generatedPassword}`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        const p = parseArgs(rest, ['email']);
        const user = await userByEmail(db, required(p, 'email'));
        await changeAccount(db, user.id, { disabled: sub === 'disable' }, audit);
        io.out(`${user.email} ${sub === 'disable' ? 'disabled; their sessions have ended' : 'enabled'}.`);
        return 0;
      }
      default:
        throw new UsageError(sub ? `unknown command "user ${sub}"` : 'which user command?');
    }
  });
}

export async function teamCommand(args: string[], io: AccountsIo): Promise<number> {
  const [sub, ...rest] = args;
  return run(io, TEAM_HELP, async (db) => {
    switch (sub) {
      case 'create': {
        const p = parseArgs(rest, ['name']);
        const team = await ensureTeam(db, required(p, 'name'), commandLineAudit(db));
        io.out(team.created ? `Created team ${team.name}.` : `Team ${team.name} already exists.`);
        return 0;
      }
      case 'list': {
        parseArgs(rest, []);
        for (const t of await listTeams(db))
          io.out(`${t.name}\t${t.memberCount} member${t.memberCount === 1 ? '' : 's'}`);
        return 0;
      }
      default:
        throw new UsageError(sub ? `unknown command "team ${sub}"` : 'which team command?');
    }
  });
}

async function run(
  io: AccountsIo,
  help: string[],
  body: (db: Kysely<Database>) => Promise<number>,
): Promise<number> {
  let handle: DatabaseHandle | null = null;
  try {
    handle = io.openDatabase ? await io.openDatabase() : await openConfigured(io);
    return await body(handle.db);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(
        `onterms: ${error.message}\nusage:\n${help.map((h) => (h.startsWith(' ') ? `  ${h}` : `  onterms ${h}`)).join('\n')}`,
      );
      return 2;
    }
    if (error instanceof AppError || error instanceof ConfigError) {
      io.err(`onterms: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    if (handle && !io.openDatabase) await handle.close();
  }
}

async function openConfigured(io: AccountsIo): Promise<DatabaseHandle> {
  const config = loadConfig(io.env);
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 1,
  });
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

async function userByEmail(db: Kysely<Database>, email: string) {
  const user = await findUserByEmail(db, email);
  if (!user) throw new AppError('not_found', `No user with the email ${email}.`);
  return user;
}

async function resolveTeams(db: Kysely<Database>, names: string[], io: AccountsIo, audit: Audit) {
  const teams = [];
  for (const name of names) {
    const team = await ensureTeam(db, name, audit);
    if (team.created) io.out(`Created team ${team.name}.`);
    teams.push(team);
  }
  return teams;
}

/** On a terminal: asked twice (empty = generate one). Elsewhere: null, so a password is generated. */
async function askPassword(io: AccountsIo, email: string): Promise<string | null> {
  const prompt = io.promptSecret ?? promptSecretOnTerminal;
  for (let attempt = 0; attempt < 3; attempt++) {
    const first = await prompt('Password (empty: generate one): ');
    if (first === null || first === '') return null;
    const problem = await passwordProblem(first, email);
    if (problem) {
      io.err(problem);
      continue;
    }
    if ((await prompt('Repeat the password: ')) === first) return first;
    io.err('The passwords differ.');
  }
  throw new AppError('bad_request', 'No password set: try again.');
}

// `onterms <command> …`: a small dispatcher; each subcommand lives in src/commands/.
import { analyzeCommand } from './commands/analyze.ts';
import { STORAGE_HELP, storageCommand } from './commands/storage.ts';
import { TEAM_HELP, teamCommand, USER_HELP, userCommand } from './users/user-commands.ts';

type Command = (args: string[], io: Io) => Promise<number>;
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

const COMMANDS: Record<string, { run: Command; help: string }> = {
  user: { run: userCommand, help: USER_HELP.join('\n    ') },
  team: { run: teamCommand, help: TEAM_HELP.join('\n    ') },
  storage: { run: storageCommand, help: STORAGE_HELP },
  analyze: {
    run: analyzeCommand,
    help: 'analyze [--policy policy.json [--segment ID]] FILE...   flags and deflection of transcripts (.json, .vtt, .srt), one JSON line per file; with --policy, the findings against the credit policy',
  },
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const cmd = name ? COMMANDS[name] : undefined;
  if (!cmd) {
    io.err(
      `usage: onterms <command>\n${Object.entries(COMMANDS)
        .map(([, c]) => `  onterms ${c.help}`)
        .join('\n')}`,
    );
    return 2;
  }
  return cmd.run(rest, io);
}

if (process.argv[1] && /onterms(\.js)?$|main\.ts$/.test(process.argv[1])) {
  const code = await main(process.argv.slice(2), {
    out: (l) => process.stdout.write(l + '\n'),
    err: (l) => process.stderr.write(l + '\n'),
    env: process.env,
  });
  process.exitCode = code;
}

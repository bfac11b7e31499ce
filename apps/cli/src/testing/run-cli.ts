import { main } from '../main.ts';

/** Runs `onterms <args>` in-process, as the tests do, and collects what it printed and its exit code. */
export async function runCli(args: string[], env: Parameters<typeof main>[1]['env'] = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out, err };
}

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DemoCredential } from '@onterms/domain';

/**
 * The demo's passwords live next to its data (ONTERMS_DATA_DIR/demo-passwords.json, readable by the
 * owner only): the same on every start, so a bookmark or a colleague's note keeps working, and gone
 * with the data when the demo is deleted.
 */
export const DEMO_PASSWORDS_FILE = 'demo-passwords.json';

export async function readDemoPasswords(dataDir: string): Promise<Record<string, string>> {
  try {
    const parsed = JSON.parse(await readFile(path.join(dataDir, DEMO_PASSWORDS_FILE), 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {}; // first start, or a damaged file: new passwords are made and written
  }
}

export async function writeDemoPasswords(dataDir: string, credentials: DemoCredential[]): Promise<void> {
  const content = Object.fromEntries(credentials.map((c) => [c.email, c.password]));
  await writeFile(path.join(dataDir, DEMO_PASSWORDS_FILE), `${JSON.stringify(content, null, 2)}\n`, {
    mode: 0o600,
  });
}

/** A plain table for the terminal: role, email, password, one person a line. */
export function demoCredentialsTable(credentials: DemoCredential[], roleLabel = (r: string) => r): string {
  const rows = [
    ['role', 'email', 'password'],
    ...credentials.map((c) => [roleLabel(c.role), c.email, c.password]),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `  ${r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  const rule = `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

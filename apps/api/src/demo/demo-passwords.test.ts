import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORDS_FILE,
  demoCredentialsTable,
  readDemoPasswords,
  writeDemoPasswords,
} from './demo-passwords.ts';

const dir = await mkdtemp(path.join(tmpdir(), 'onterms-demo-passwords-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const people = [
  { email: 'rep@demo.onterms.local', role: 'rep' as const, password: 'Aa1Bb2Cc3Dd4Ee5Ff6' },
  { email: 'director@demo.onterms.local', role: 'director' as const, password: 'Zz9Yy8Xx7Ww6Vv5Uu4' },
];

describe('demo passwords in the data directory', () => {
  it('are remembered between starts, readable by the owner only', async () => {
    expect(await readDemoPasswords(dir)).toEqual({});
    await writeDemoPasswords(dir, people);
    expect(await readDemoPasswords(dir)).toEqual({
      'rep@demo.onterms.local': 'Aa1Bb2Cc3Dd4Ee5Ff6',
      'director@demo.onterms.local': 'Zz9Yy8Xx7Ww6Vv5Uu4',
    });
    expect((await stat(path.join(dir, DEMO_PASSWORDS_FILE))).mode & 0o777).toBe(0o600);
  });

  it('a damaged file means new passwords, not a crash', async () => {
    await writeFile(path.join(dir, DEMO_PASSWORDS_FILE), '{not json');
    expect(await readDemoPasswords(dir)).toEqual({});
  });

  it('prints as an aligned table', () => {
    expect(demoCredentialsTable(people).split('\n')).toEqual([
      '  role      email                        password',
      '  --------  ---------------------------  ------------------',
      '  rep       rep@demo.onterms.local       Aa1Bb2Cc3Dd4Ee5Ff6',
      '  director  director@demo.onterms.local  Zz9Yy8Xx7Ww6Vv5Uu4',
    ]);
  });
});

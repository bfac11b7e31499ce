import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} }).then((code) => ({
    code,
    out,
    err,
  }));
}

describe('onterms analyze', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onterms-cli-'));
  const good = join(dir, 'call.json');
  writeFileSync(
    good,
    JSON.stringify({
      id: 'c1',
      callType: 'credit_negotiation',
      labels: { payment_terms: { stated: true, segments: [0] } },
      notes: 'ignored',
      language: 'ru',
      segments: [
        {
          start: 0,
          end: 4,
          speaker: 'rep',
          text: 'Отсрочка тридцать дней с даты отгрузки, при просрочке пени.',
        },
      ],
    }),
  );
  const vtt = join(dir, 'call.vtt');
  writeFileSync(
    vtt,
    'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n<v client>What are the terms?\n\n00:00:03.000 --> 00:00:06.000\n<v rep>Net 45.\n',
  );
  const notJson = join(dir, 'broken.json');
  writeFileSync(notJson, '{"language":');
  const wrongLang = join(dir, 'de.json');
  writeFileSync(wrongLang, JSON.stringify({ language: 'de', segments: [] }));

  it('prints one JSON line per file with flags and deflection, also for a labelled corpus file', async () => {
    const { code, out, err } = await run(['analyze', good, vtt]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const [a, b] = out.map((l) => JSON.parse(l));
    expect(Object.keys(a)).toEqual(['file', 'flags', 'deflection']);
    expect(a.file).toBe(good);
    expect(Object.keys(a.flags)).toEqual(['payment_terms', 'deadline', 'sanctions']);
    expect(a.flags.sanctions.stated).toBe(true);
    expect(b.flags.payment_terms.moments.map((m: { segment: number }) => m.segment)).toEqual([1]);
  });

  it('reports bad files on stderr, one line each naming the file, analyses the rest, exits 2', async () => {
    const { code, out, err } = await run(['analyze', notJson, good, wrongLang, join(dir, 'missing.json')]);
    expect(code).toBe(2);
    expect(out).toHaveLength(1);
    expect(err).toHaveLength(3);
    expect(err[0]).toMatch(new RegExp(`^${notJson}: not JSON`));
    expect(err[1]).toMatch(/de\.json: \/language: unknown language "de"/);
    expect(err[2]).toMatch(/missing\.json: cannot read: ENOENT/);
  });

  it('prints usage for an unknown command', async () => {
    const { code, err } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/usage: onterms/);
  });
});

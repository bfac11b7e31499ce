import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';

/** Writes a file into `dir` (an object as JSON, a string as it is) and returns its path. */
function fileIn(dir: string, name: string, content: object | string): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('onterms analyze', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onterms-cli-'));
  const good = fileIn(dir, 'call.json', {
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
  });
  const vtt = fileIn(
    dir,
    'call.vtt',
    'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n<v client>What are the terms?\n\n00:00:03.000 --> 00:00:06.000\n<v rep>Net 45.\n',
  );
  const notJson = fileIn(dir, 'broken.json', '{"language":');
  const wrongLang = fileIn(dir, 'de.json', { language: 'de', segments: [] });

  it('prints one JSON line per file with flags and deflection, also for a labelled corpus file', async () => {
    const { code, out, err } = await runCli(['analyze', good, vtt]);
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
    const { code, out, err } = await runCli(['analyze', notJson, good, wrongLang, join(dir, 'missing.json')]);
    expect(code).toBe(2);
    expect(out).toHaveLength(1);
    expect(err).toHaveLength(3);
    expect(err[0]).toMatch(new RegExp(`^${notJson}: not JSON`));
    expect(err[1]).toMatch(/de\.json: \/language: unknown language "de"/);
    expect(err[2]).toMatch(/missing\.json: cannot read: ENOENT/);
  });

  it('prints usage for an unknown command', async () => {
    const { code, err } = await runCli(['frobnicate']);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/usage: onterms/);
  });
});

describe('onterms analyze --policy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onterms-cli-policy-'));
  const policy = fileIn(dir, 'policy.json', {
    id: 'credit-rules',
    version: 3,
    defaultSegment: 'regular',
    segments: [
      {
        id: 'regular',
        name: 'Постоянные клиенты',
        maxDeferralDays: 30,
        penalty: { ratePercent: 0.1, per: 'day' },
        requiredSanctions: ['penalty', 'suspension'],
      },
      { id: 'key', name: 'Ключевые', maxDeferralDays: 90 },
    ],
  });
  const sixty = fileIn(dir, 'sixty.json', {
    language: 'ru',
    segments: [
      { start: 0, end: 3, speaker: 'client', text: 'Какая у вас отсрочка?' },
      { start: 3, end: 7, speaker: 'rep', text: 'Дадим отсрочку шестьдесят дней с даты отгрузки.' },
    ],
  });
  const badPolicy = fileIn(dir, 'bad-policy.json', {
    id: 'x',
    version: 1,
    defaultSegment: 'a',
    segments: [{ id: 'a', name: 'A', maxDeferralDays: 'thirty' }],
  });

  it('adds the policy check to each line: the 60-day promise against 30, the sanctions never stated', async () => {
    const { code, out, err } = await runCli(['analyze', '--policy', policy, sixty]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const line = JSON.parse(out[0]!);
    expect(Object.keys(line)).toEqual(['file', 'flags', 'deflection', 'policy']);
    expect(line.policy).toEqual({
      id: 'credit-rules',
      version: 3,
      segment: 'regular',
      findings: [
        {
          kind: 'deferral_over_limit',
          severity: 'breach',
          segment: 1,
          start: 3,
          quote: 'Дадим отсрочку шестьдесят дней с даты отгрузки.',
          stated: 60,
          allowed: 30,
        },
        ...['penalty', 'suspension'].map((kind) => ({
          kind: 'required_sanction_not_stated',
          severity: 'omission',
          segment: null,
          start: null,
          quote: null,
          stated: null,
          allowed: { kind },
        })),
      ],
    });
  });

  it('checks against the segment asked for', async () => {
    const { code, out } = await runCli(['analyze', '--policy', policy, '--segment', 'key', sixty]);
    expect(code).toBe(0);
    expect(JSON.parse(out[0]!).policy).toMatchObject({ segment: 'key', findings: [] });
  });

  it('a bad policy file: one line naming the file and the JSON path, exit 2, nothing analysed', async () => {
    const { code, out, err } = await runCli(['analyze', '--policy', badPolicy, sixty]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^${badPolicy}: /segments/0/maxDeferralDays: `));
  });

  it('an unknown segment is refused, naming the ones there are', async () => {
    const { code, err } = await runCli(['analyze', '--policy', policy, '--segment', 'vip', sixty]);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/--segment vip: no such segment .* \(regular, key\)/);
  });
});

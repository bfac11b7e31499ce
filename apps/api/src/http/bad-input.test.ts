import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_TRANSCRIPT_SEGMENTS } from '@onterms/transcription';
import { multipart, postUpload, type FilePart } from '../testing/multipart.ts';
import { rep as repSays, seedCall } from '../testing/seed-calls.ts';
import { useTestApp, type TestUser as Actor } from '../testing/test-app.ts';
import { callAnalysed } from '../testing/waiting.ts';

/**
 * Inputs that used to reach PostgreSQL or busboy and come back as a 500: each is now a 4xx with
 * `{error, message}` naming what is wrong, and nothing is stored — no row, no blob, no directory.
 */
const DEMO = path.resolve(import.meta.dirname, '../../demo-data');
const NUL = '\u0000';

const t = useTestApp({ maxUploadBytes: 5 * 1024 * 1024 });
let rep: Actor;
let manager: Actor;
let admin: Actor;
let recording: Buffer;
let transcript: {
  language: string;
  segments: { start: number; end: number; speaker: string; text: string }[];
};
let callId: string;

beforeAll(async () => {
  manager = await t.createUser('manager');
  rep = await t.createUser('rep', { teamId: manager.teamId! });
  admin = await t.createUser('admin');
  recording = await readFile(path.join(DEMO, 'stroymarket-terms.ogg'));
  transcript = JSON.parse(await readFile(path.join(DEMO, 'stroymarket-terms.json'), 'utf8'));
  callId = await seedCall(t.database.db, {
    repId: rep.id,
    segments: [repSays('Отсрочка платежа 30 дней', 0)],
    verdict: { payment_terms: true, deadline: false, sanctions: false, deflection: false },
  });
});

async function stored() {
  const calls = await t.database.db.selectFrom('calls').select('id').execute();
  const entries = await readdir(path.join(t.dir, 'blobs'), { recursive: true }).catch(() => []);
  const temps = (await readdir(path.join(t.dir, 'blobs', '.tmp')).catch(() => [])).length;
  return { calls: calls.length, entries: entries.filter((e) => !e.startsWith('.tmp')).sort(), temps };
}

function upload(fields: Record<string, string>, files: FilePart[]) {
  return postUpload(t.sut, rep.headers, fields, files);
}
const audio = (filename = 'call.ogg'): FilePart => ({ name: 'audio', filename, content: recording });
const transcriptPart = (value: unknown): FilePart => ({
  name: 'transcript',
  filename: 'call.json',
  content: JSON.stringify(value),
});

describe('a control character in any text a person sends is a 400 naming the field', () => {
  const json = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object, who: () => Actor) => ({
    method,
    url,
    payload,
    who,
  });
  const cases = () =>
    [
      [
        'search q',
        {
          method: 'GET' as const,
          url: `/api/calls?q=${encodeURIComponent(`отсрочка${NUL}`)}`,
          who: () => rep,
        },
        /q/,
      ],
      [
        'tag label',
        json('POST', '/api/coaching/tags', { label: { ru: `метка${NUL}`, en: 'tag' } }, () => admin),
        /label\.ru/,
      ],
      [
        'user name',
        json(
          'POST',
          '/api/admin/users',
          { email: 'x@example.com', name: `Имя${NUL}`, role: 'director' },
          () => admin,
        ),
        /name/,
      ],
      ['team name', json('POST', '/api/admin/teams', { name: `Юг${NUL}` }, () => admin), /name/],
      [
        'annotation body',
        json('POST', `/api/calls/${callId}/annotations`, { start: 0, body: `тут${NUL}` }, () => manager),
        /body/,
      ],
      [
        'flag reason',
        json(
          'PUT',
          `/api/calls/${callId}/flags/deadline`,
          { stated: true, reason: `сказал${'\u0007'}` },
          () => manager,
        ),
        /reason.*U\+0007/,
      ],
    ] as const;

  it.each(cases().map(([name, , field], i) => [name, i, field] as const))('%s', async (_name, i, field) => {
    const [, request] = cases()[i]!;
    const res = await t.sut.inject({
      method: request.method,
      url: request.url,
      ...('payload' in request && { payload: request.payload }),
      headers: request.who().headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'bad_request', message: expect.stringMatching(field) });
  });

  it('a reply body', async () => {
    const thread = await t.sut.inject({
      method: 'POST',
      url: `/api/calls/${callId}/annotations`,
      payload: { start: 0, body: 'Хорошо сказано' },
      headers: manager.headers,
    });
    expect(thread.statusCode).toBe(201);
    const res = await t.sut.inject({
      method: 'POST',
      url: `/api/annotations/${thread.json().id}/replies`,
      payload: { body: `спасибо${NUL}` },
      headers: rep.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/body.*U\+0000/);
  });

  it('an upload field or file name: nothing stored', async () => {
    const before = await stored();
    const named = await upload({ clientName: `ООО «Ромашка»${NUL}` }, [audio()]);
    expect(named.statusCode).toBe(400);
    expect(named.json().message).toMatch(/clientName/);
    const file = await upload({}, [audio(`call${NUL}.ogg`)]);
    expect(file.statusCode).toBe(400);
    expect(file.json().message).toMatch(/audio filename/);
    expect(await stored()).toEqual(before);
  });
});

describe('impossible dates and broken bodies', () => {
  it.each(['2020-13-45', '2020-02-30'])('stats from=%s is a 400', async (day) => {
    const res = await t.sut.inject({
      method: 'GET',
      url: `/api/stats/terms?from=${day}`,
      headers: rep.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('bad_request');
  });

  it('an upload recordedAt of February 30th is a 400', async () => {
    const res = await upload({ recordedAt: '2026-02-30T10:00:00Z' }, [audio()]);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/recordedAt/);
  });

  it('a multipart body cut off mid-file is a 400, and nothing is stored', async () => {
    const before = await stored();
    const form = multipart({ clientName: 'Ромашка' }, [audio()]);
    const res = await t.sut.inject({
      method: 'POST',
      url: '/api/calls',
      payload: form.body.subarray(0, Math.floor(form.body.length / 2)),
      headers: { ...form.headers, ...rep.headers },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'bad_request', message: expect.stringMatching(/incomplete/) });
    expect(await stored()).toEqual(before);
  });
});

describe('transcripts: limits and machine-made text', () => {
  const segments = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      start: i,
      end: i + 0.5,
      speaker: i % 2 ? 'client' : 'rep',
      text: i === 1 ? 'Отсрочка платежа 30 дней' : `фраза ${i}`,
    }));

  it(`more than ${MAX_TRANSCRIPT_SEGMENTS} segments is a 413 at upload, and nothing is stored`, async () => {
    const before = await stored();
    const res = await upload({}, [
      audio(),
      transcriptPart({ language: 'ru', segments: segments(MAX_TRANSCRIPT_SEGMENTS + 1) }),
    ]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      error: 'transcript_too_long',
      message: expect.stringMatching(/20000/),
    });
    expect(await stored()).toEqual(before);
  });

  it('the largest accepted transcript is stored and analysed', async () => {
    const res = await upload({ clientName: 'Крупный' }, [
      audio(),
      transcriptPart({ language: 'ru', segments: segments(MAX_TRANSCRIPT_SEGMENTS) }),
    ]);
    expect(res.statusCode).toBe(202);
    const id = res.json().id as string;
    await callAnalysed(t.sut, id, rep.headers, { what: 'the big transcript analysed', timeoutMs: 90_000 });
    const count = await t.database.db
      .selectFrom('transcript_segments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('call_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(MAX_TRANSCRIPT_SEGMENTS);
  }, 120_000);

  it('a machine-made transcript with U+0000 in its text is cleaned, not failed', async () => {
    const dirty = {
      ...transcript,
      segments: transcript.segments.map((s, i) => (i === 0 ? { ...s, text: `${s.text}${NUL}` } : s)),
    };
    // Another rep of the team, so the same recording is a new call, not a duplicate.
    const second = await t.createUser('rep', { teamId: manager.teamId! });
    const res = await postUpload(t.sut, second.headers, { clientName: 'Чистка' }, [
      audio(),
      transcriptPart(dirty),
    ]);
    expect(res.statusCode).toBe(202);
    const id = res.json().id as string;
    const call = await callAnalysed(t.sut, id, second.headers, { what: 'analysed', timeoutMs: 30_000 });
    expect(call.status).toBe('analyzed');
    expect(call.transcript.segments[0].text).toBe(transcript.segments[0]!.text);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { postUpload } from '../testing/multipart.ts';
import { waitFor } from '../testing/waiting.ts';
import { demoCall } from '../testing/demo-call.ts';
import { useTestApp, type TestUser } from '../testing/test-app.ts';

/**
 * No speech-to-text engine configured: audio alone waits, and is not a dead end — a transcript
 * attached to the existing call (or the same audio uploaded again with one) gets it analysed.
 */
const t = useTestApp();
let rep: TestUser;
let manager: TestUser;
let stranger: TestUser;
let audio: Buffer;
let transcript: string;

beforeAll(async () => {
  rep = await t.createUser('rep');
  manager = await t.createUser('manager', { teamId: rep.teamId! });
  stranger = await t.createUser('rep');
  ({ audio, transcript } = await demoCall());
});

const getCall = async (id: string, who = rep) =>
  (await t.sut.inject({ method: 'GET', url: `/api/calls/${id}`, headers: who.headers })).json();

const statusBecomes = (id: string, status: string, who = rep) =>
  waitFor(
    async () => {
      const call = await getCall(id, who);
      return call.status === status ? call : undefined;
    },
    `the call to be ${status}`,
    60_000,
  );

function uploadAudio(content: Buffer, withTranscript = false) {
  return postUpload(t.sut, rep.headers, { language: 'ru', clientName: 'Строймаркет' }, [
    { name: 'audio', filename: 'call.ogg', content },
    ...(withTranscript ? [{ name: 'transcript', filename: 'call.json', content: transcript }] : []),
  ]);
}

describe('a recording without a transcript and no engine', () => {
  it('waits, says why, and is analysed once a transcript is attached to it', async () => {
    const res = await uploadAudio(audio);
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json();
    const waiting = await statusBecomes(id, 'waiting');
    expect(waiting.failureReason).toMatch(/No speech-to-text engine/);

    const attach = (body: object, who = rep) =>
      t.sut.inject({
        method: 'POST',
        url: `/api/calls/${id}/transcript`,
        headers: who.headers,
        payload: body,
      });

    // An unreadable file changes nothing.
    const bad = await attach({ filename: 'call.srt', content: 'not a subtitle file' });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error).toBe('invalid_transcript');
    expect((await getCall(id)).status).toBe('waiting');
    // Someone outside the rep's team does not even see the call.
    expect((await attach({ filename: 'call.json', content: transcript }, stranger)).statusCode).toBe(404);

    const ok = await attach({ filename: 'call.json', content: transcript });
    expect(ok.statusCode, ok.body).toBe(202);
    const analysed = await statusBecomes(id, 'analyzed');
    expect(analysed.failureReason).toBeNull();
    expect(JSON.stringify(analysed)).toContain('отсрочк'); // the transcript's words are the call's

    // The manager of the team may replace it too (e.g. a better transcript).
    expect((await attach({ filename: 'call.json', content: transcript }, manager)).statusCode).toBe(202);
    await statusBecomes(id, 'analyzed');
  }, 120_000);

  it('uploading the same audio again with its transcript attaches the transcript', async () => {
    // The rep uploaded these bytes in the first test (now analysed from an attached transcript): another
    // rep of the team starts afresh with audio alone.
    const other = await t.createUser('rep', { teamId: rep.teamId! });
    const audioPart = { name: 'audio', filename: 'call.ogg', content: audio };
    const alone = await postUpload(t.sut, other.headers, { language: 'ru' }, [audioPart]);
    expect(alone.statusCode, alone.body).toBe(202);
    const id = alone.json().id as string;
    await statusBecomes(id, 'waiting', other);
    const res = await postUpload(t.sut, other.headers, { language: 'ru' }, [
      audioPart,
      { name: 'transcript', filename: 'call.json', content: transcript },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id, status: 'queued' });
    await statusBecomes(id, 'analyzed', other);
  }, 120_000);
});

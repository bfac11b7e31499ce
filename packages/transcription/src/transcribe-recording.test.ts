import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMedia, probeAndDeriveCopies } from '@onterms/media';
import {
  buildTrack,
  encodeAs,
  utter,
  stereoFrom,
  type Track,
  type Utterance,
} from '@onterms/media/chunk-test-audio';
import { ffmpeg } from '@onterms/media/testing/fixtures';
import { TranscriptionError } from './engine.ts';
import { createOpenAIEngine } from './openai-engine.ts';
import type { SpeechEngine } from './speech-engine.ts';
import { startFakeOpenAI, type FakeServer, type ReceivedRequest } from './testing/fake-openai-server.ts';
import { transcriptionRequest } from './testing/requests.ts';
import { createRecordingTranscriber } from './transcribe-recording.ts';

const media = createMedia();
let dir: string;
let server: FakeServer;
let utterances: Utterance[];
let uploads = 0;

/**
 * The fake server "listens": it finds the speech in the uploaded chunk with silencedetect (at −55 dB,
 * so it also hears faint cross-talk, as Whisper does) and names each stretch after the utterance of
 * the nearest length. When the chunk ends in a long pause it adds Whisper's favourite phantom.
 */
async function listen(req: ReceivedRequest) {
  const file = join(dir, `upload-${uploads++}${extname(req.file!.filename)}`);
  await writeFile(file, req.file!.bytes);
  // Pauses ≥ 0.1 s (so a short lead-in before the first word is seen), speech stretches joined across gaps < 0.3 s.
  const { durationSec, silences } = await media.detectSilence(file, { noiseDb: -55, minSilenceSec: 0.1 });
  const spans: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const s of [...silences, { start: durationSec, end: durationSec }]) {
    if (s.start > cursor) {
      const last = spans.at(-1);
      if (last && cursor - last.end < 0.3) last.end = s.start;
      else spans.push({ start: cursor, end: s.start });
    }
    cursor = s.end;
  }
  const segments: { start: number; end: number; text: string; no_speech_prob: number }[] = [];
  for (const span of spans.filter((x) => x.end - x.start > 0.3)) {
    const length = span.end - span.start;
    const best = utterances.reduce((a, b) =>
      Math.abs(b.durationSec - length) < Math.abs(a.durationSec - length) ? b : a,
    );
    segments.push({ ...span, text: ` ${best.text}`, no_speech_prob: 0.02 });
  }
  const tail = silences.at(-1);
  if (tail && tail.end >= durationSec - 0.01 && tail.end - tail.start > 1) {
    segments.push({
      start: tail.start + 0.2,
      end: durationSec,
      text: ' Продолжение следует...',
      no_speech_prob: 0.3,
    });
  }
  return {
    json: {
      task: 'transcribe',
      language: 'russian',
      duration: durationSec,
      text: segments.map((s) => s.text).join(''),
      segments,
    },
  };
}

let rep: Utterance[];
let client: Utterance[];
let repTrack: Track;
let clientTrack: Track;
let stereoOgg: string;
let speechWav: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'onterms-stt-test-'));
  rep = [
    await utter(dir, 'r1', 'Оплата через тридцать календарных дней после поставки.'),
    await utter(dir, 'r2', 'Пени ноль целых одна десятая процента за каждый день просрочки платежа.'),
  ];
  client = [
    await utter(dir, 'c1', 'А если мы задержим оплату на две недели?'),
    await utter(dir, 'c2', 'Понятно.'),
  ];
  utterances = [...rep, ...client];
  const [r1, r2] = rep as [Utterance, Utterance];
  const [c1, c2] = client as [Utterance, Utterance];
  repTrack = await buildTrack(dir, 'rep', [
    { silenceSec: 0.6 },
    { utterance: r1 },
    { silenceSec: 0.8 + c1.durationSec + 0.8 },
    { utterance: r2 },
    { silenceSec: 0.8 + c2.durationSec + 2.5 },
  ]);
  clientTrack = await buildTrack(dir, 'client', [
    { silenceSec: 0.6 + r1.durationSec + 0.8 },
    { utterance: c1 },
    { silenceSec: 0.8 + r2.durationSec + 0.8 },
    { utterance: c2 },
    { silenceSec: 2.5 },
  ]);
  // Telephony stereo, rep on the left, each side hearing the other at −22 dB; as uploaded (Ogg Opus).
  const wav = await stereoFrom(dir, 'call', repTrack.path, clientTrack.path, 0.08);
  stereoOgg = join(dir, 'call.ogg');
  await encodeAs(wav, stereoOgg);
  speechWav = join(dir, 'speech.wav');
  await media.normalizeForSpeech(stereoOgg, speechWav);
  server = await startFakeOpenAI(listen);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const engine = () =>
  createOpenAIEngine({ apiKey: 'sk-test', baseURL: server.baseURL, retry: { baseDelayMs: 5 } });

describe('transcribeRecording: stereo split', () => {
  it("transcribes each channel; the rep's words get rep, the client's client; cross-talk and phantoms dropped", async () => {
    const before = server.requests.length;
    const stt = createRecordingTranscriber(media, engine());
    const result = await stt.transcribe(
      transcriptionRequest(speechWav, { originalAudioPath: stereoOgg, channels: 2, repChannel: 'left' }),
    );
    expect(stt.name).toBe('openai');
    expect(result.model).toBe('whisper-1');
    expect(result.requests).toBe(2);
    expect(server.requests.length - before).toBe(2);
    expect(result.audioSeconds).toBeCloseTo(2 * repTrack.durationSec, 0);
    const expected = [
      { speaker: 'rep', at: repTrack.placed[0]! },
      { speaker: 'client', at: clientTrack.placed[0]! },
      { speaker: 'rep', at: repTrack.placed[1]! },
      { speaker: 'client', at: clientTrack.placed[1]! },
    ];
    expect(result.transcript.segments.map((s) => [s.speaker, s.text])).toEqual(
      expected.map((e) => [e.speaker, e.at.text]),
    );
    result.transcript.segments.forEach((segment, i) => {
      expect(Math.abs(segment.start - expected[i]!.at.start)).toBeLessThan(0.1);
    });
    expect(result.notes?.join(' ')).toMatch(/cross-talk/);
    expect(result.notes?.join(' ')).toMatch(/phantom/);
    // The server asked for the vocabulary prompt in Russian.
    expect(server.requests.at(-1)!.fields['prompt']).toMatch(
      /^Разговор об условиях оплаты: отсрочка платежа, предоплата/,
    );
  }, 60_000);

  it('rep on the right swaps the speakers', async () => {
    const result = await createRecordingTranscriber(media, engine()).transcribe(
      transcriptionRequest(speechWav, {
        originalAudioPath: stereoOgg,
        channels: 2,
        repChannel: 'right',
        language: null,
      }),
    );
    expect(result.transcript.language).toBe('ru');
    expect(result.transcript.segments.map((s) => s.speaker)).toEqual(['client', 'rep', 'client', 'rep']);
  }, 60_000);

  it('a speech copy still to be made is the mix, written beside the split; the speakers are the same', async () => {
    const made = join(dir, 'split-made-speech.wav');
    const prepared: string[] = [];
    const result = await createRecordingTranscriber(media, engine()).transcribe(
      transcriptionRequest(made, {
        originalAudioPath: stereoOgg,
        channels: 2,
        repChannel: 'left',
        makeSpeechAudio: { onPrepared: () => prepared.push(made) },
      }),
    );
    expect(prepared).toEqual([made]);
    expect(readFileSync(made).equals(readFileSync(speechWav))).toBe(true);
    expect(result.transcript.segments.map((s) => s.speaker)).toEqual(['rep', 'client', 'rep', 'client']);
  }, 60_000);

  it('without the original (or a rep channel): the mono copy, speakers unknown', async () => {
    const result = await createRecordingTranscriber(media, engine()).transcribe(
      transcriptionRequest(speechWav, { channels: 2 }),
    );
    expect(result.requests).toBe(1);
    expect(result.transcript.segments.map((s) => s.text)).toEqual([
      rep[0]!.text,
      client[0]!.text,
      rep[1]!.text,
      client[1]!.text,
    ]);
    expect(new Set(result.transcript.segments.map((s) => s.speaker))).toEqual(new Set(['unknown']));
  }, 60_000);
});

describe('transcribeRecording: a long mono call in chunks', () => {
  it('cuts in pauses, sends chunks in parallel, stitches with offsets: each utterance once, within 0.1 s', async () => {
    const items = utterances.flatMap((u, i) => [{ utterance: u }, { silenceSec: 0.5 + (i % 3) * 0.6 }]);
    const track = await buildTrack(dir, 'mono-long', items, 24); // ~5 minutes
    const before = server.requests.length;
    const stt = createRecordingTranscriber(
      media,
      createOpenAIEngine({ apiKey: 'sk-test', baseURL: server.baseURL, maxDurationSec: 45, format: 'flac' }),
      { concurrency: 3 },
    );
    const result = await stt.transcribe(transcriptionRequest(track.path));
    const sent = server.requests.slice(before);
    expect(sent.length).toBeGreaterThanOrEqual(Math.ceil(track.durationSec / 45));
    expect(sent.every((r) => r.file!.mimeType === 'audio/flac')).toBe(true);
    const segments = result.transcript.segments.filter((s) => !/Продолжение/.test(s.text));
    expect(segments).toHaveLength(track.placed.length);
    segments.forEach((segment, i) => {
      expect(segment.text).toBe(track.placed[i]!.text);
      expect(Math.abs(segment.start - track.placed[i]!.start)).toBeLessThan(0.1);
    });
  }, 90_000);
});

describe('transcribeRecording: making the speech copy from the original', () => {
  let longOriginal: Promise<string> | undefined;
  /** A phone recorder's MP3 of ~20 minutes, built once: long enough to be cut while it is decoded. */
  const longMp3 = () =>
    (longOriginal ??= (async () => {
      const items = utterances.flatMap((u, i) => [{ utterance: u }, { silenceSec: 0.5 + (i % 3) * 0.6 }]);
      const track = await buildTrack(dir, 'made-long', items, 12);
      const part = join(dir, 'made-part.mp3');
      await ffmpeg(['-v', 'error', '-i', track.path, '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '32k', part]);
      // The part ten times over (MP3 frames concatenate).
      const original = join(dir, 'made-long.mp3');
      await writeFile(original, Buffer.concat(Array.from({ length: 10 }, () => readFileSync(part))));
      return original;
    })());

  it('sends the first chunk while the decode is still writing the speech copy, then reports it prepared', async () => {
    const original = await longMp3();
    const speech = join(dir, 'made-speech.wav');
    const events: string[] = [];
    /** What the speech copy held when each chunk was sent: ffmpeg writes it front to back. */
    const heldAtSend: number[] = [];
    const recorder: SpeechEngine = {
      name: 'recorder',
      model: null,
      limits: { maxBytes: 25_000_000, maxDurationSec: 60, format: 'flac' },
      transcribeChunk: async (chunk) => {
        heldAtSend.push(statSync(speech).size);
        events.push('sent');
        return {
          segments: [{ start: 0, end: chunk.durationSec, text: `${chunk.durationSec.toFixed(3)} s` }],
          timing: 'segments',
          diarized: false,
          language: 'ru',
          model: null,
        };
      },
    };

    const made = await createRecordingTranscriber(media, recorder).transcribe(
      transcriptionRequest(speech, {
        originalAudioPath: original,
        makeSpeechAudio: { onPrepared: () => events.push('prepared') },
      }),
    );

    // The copy is the one the pipeline's prepare-audio step writes, and transcribing it gives the same.
    const stored = join(dir, 'stored-speech.wav');
    const work = await mkdtemp(join(dir, 'stored-'));
    await probeAndDeriveCopies(original, { speech: stored }, { workDir: work });
    expect(readFileSync(speech).equals(readFileSync(stored))).toBe(true);
    const fromStored = await createRecordingTranscriber(media, recorder).transcribe(
      transcriptionRequest(stored),
    );
    expect(made.transcript).toEqual(fromStored.transcript);
    expect(made.requests).toBe(fromStored.requests);
    expect(made.requests).toBeGreaterThan(10);

    expect(events.filter((e) => e === 'prepared')).toHaveLength(1);
    // Chunks went out before the copy and the chunks were all done…
    expect(events.indexOf('sent')).toBeLessThan(events.indexOf('prepared'));
    // …the first of them while most of the speech copy was still to be decoded.
    expect(heldAtSend[0]).toBeLessThan(statSync(speech).size / 2);
  }, 120_000);

  it('an engine failing on a chunk while the copy is made: its error, nothing left in the work directory', async () => {
    const original = await longMp3();
    const work = await mkdtemp(join(dir, 'failing-'));
    let sent = 0;
    const failing: SpeechEngine = {
      name: 'failing',
      model: null,
      limits: { maxBytes: 25_000_000, maxDurationSec: 60, format: 'flac' },
      transcribeChunk: async () => {
        if (sent++ === 1) throw new TranscriptionError('The service refused the audio.', true);
        return { segments: [], timing: 'segments', diarized: false, language: null, model: null };
      },
    };
    const error = await createRecordingTranscriber(media, failing, { workDir: work, concurrency: 1 })
      .transcribe(
        transcriptionRequest(join(dir, 'failing-speech.wav'), {
          originalAudioPath: original,
          makeSpeechAudio: { onPrepared: () => {} },
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptionError);
    expect(sent).toBe(2); // nothing more was sent after the failure
    expect(await readdir(work)).toEqual([]);
  }, 120_000);
});

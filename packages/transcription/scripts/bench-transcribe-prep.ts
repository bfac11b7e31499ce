/**
 * npm run bench:transcribe-prep — what getting a 60-minute call ready for speech-to-text costs:
 * probe + normalise to the 16 kHz speech copy + find pauses + cut/encode chunks, against a bare
 * ffmpeg decode of the same file in the same run. Prints figures; asserts nothing.
 *
 * The recording is generated (speech-like sound from the bundled ffmpeg: phrases with pauses, looped to 60 min)
 * and encoded as a typical call-recorder MP3 (mono, 32 kbit/s).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createMedia, type ChunkFormat } from '@onterms/media';
import { DEFAULT_BINARY_PATHS } from '@onterms/media/binaries';
import { buildTrack, utter } from '@onterms/media/chunk-test-audio';
import { GPT4O_MAX_DURATION_SEC, OPENAI_MAX_BYTES } from '../src/openai-engine.ts';

const run = promisify(execFile);
const media = createMedia();
const ffmpeg = DEFAULT_BINARY_PATHS.ffmpegPath;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, (performance.now() - t0) / 1000];
}

const dir = await mkdtemp(join(tmpdir(), 'onterms-bench-stt-'));
try {
  const a = await utter(dir, 'a', 'Оплата в течение тридцати банковских дней после поставки товара.');
  const b = await utter(dir, 'b', 'We can offer net thirty with a late fee of one percent per month.');
  const c = await utter(dir, 'c', 'Пени ноль целых одна десятая процента за каждый день просрочки.');
  const items = [
    { utterance: a },
    { silenceSec: 0.6 },
    { utterance: b },
    { silenceSec: 1.4 },
    { utterance: c },
    { silenceSec: 2.2 },
  ];
  const unit = await buildTrack(dir, 'unit', items);
  const track = await buildTrack(dir, 'long', items, Math.ceil(3600 / unit.durationSec) - 1);
  const input = join(dir, 'call.mp3');
  await run(ffmpeg, [
    '-v',
    'error',
    '-i',
    track.path,
    '-ac',
    '1',
    '-c:a',
    'libmp3lame',
    '-b:a',
    '32k',
    '-f',
    'mp3',
    input,
  ]);
  console.log(
    `recording: ${(track.durationSec / 60).toFixed(1)} min, MP3 mono 32 kbit/s, ${((await stat(input)).size / 1e6).toFixed(1)} MB`,
  );

  const [, decodeSec] = await timed(() =>
    run(ffmpeg, ['-hide_banner', '-nostdin', '-v', 'error', '-i', input, '-f', 'null', '-']),
  );
  const [info, probeSec] = await timed(() => media.probe(input));
  const speech = join(dir, 'speech.wav');
  const [, normaliseSec] = await timed(() => media.normalizeForSpeech(input, speech));
  const [map, silenceSec] = await timed(() => media.detectSilence(speech));

  const variants: { label: string; format: ChunkFormat; maxBytes: number; maxDurationSec: number }[] = [
    {
      label: 'whisper-1, flac (default)',
      format: 'flac',
      maxBytes: OPENAI_MAX_BYTES,
      maxDurationSec: Infinity,
    },
    {
      label: 'gpt-4o limit 1400 s, flac',
      format: 'flac',
      maxBytes: OPENAI_MAX_BYTES,
      maxDurationSec: GPT4O_MAX_DURATION_SEC,
    },
    { label: 'local engine, wav ≤ 25 s', format: 'wav', maxBytes: Infinity, maxDurationSec: 25 },
    {
      label: 'whisper-1, opus 16 kbit/s',
      format: 'opus',
      maxBytes: OPENAI_MAX_BYTES,
      maxDurationSec: Infinity,
    },
  ];
  const rows: string[] = [];
  for (const v of variants) {
    const out = join(dir, v.label.replace(/\W+/g, '-'));
    await mkdir(out);
    const [chunks, chunkSec] = await timed(() => media.splitAtSilences(speech, out, { ...map, ...v }));
    const prep = probeSec + normaliseSec + silenceSec + chunkSec;
    const biggest = Math.max(...chunks.map((ch) => ch.bytes));
    rows.push(
      `${v.label.padEnd(28)} chunks ${String(chunks.length).padStart(3)}  largest ${(biggest / 1e6).toFixed(1).padStart(5)} MB  ` +
        `chunk ${chunkSec.toFixed(2)} s  prep ${prep.toFixed(2)} s = ${(prep / decodeSec).toFixed(2)}×  ` +
        `(transcriber's own part: ${((silenceSec + chunkSec) / decodeSec).toFixed(2)}×)`,
    );
  }
  console.log(`bare ffmpeg decode      ${decodeSec.toFixed(2)} s`);
  console.log(
    `probe                   ${probeSec.toFixed(2)} s  (${info.codec}, ${info.durationSec.toFixed(0)} s)`,
  );
  console.log(`normalise (16 kHz wav)  ${normaliseSec.toFixed(2)} s`);
  console.log(`silencedetect           ${silenceSec.toFixed(2)} s  (${map.silences.length} pauses)`);
  for (const row of rows) console.log(row);
  console.log(
    'prep = probe + normalise + silencedetect + chunk, as a multiple of the bare decode (target ≤ 1.5×).',
  );
  console.log(
    "transcriber's own part = silencedetect + chunk: probe and normalise already run in the pipeline's earlier steps.",
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}

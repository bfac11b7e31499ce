/**
 * npm run bench:transcribe-prep — what getting a 60-minute call ready for speech-to-text costs:
 * probe + prepareSpeechChunks (decode to the speech WAV, pauses read from its samples, chunks cut
 * from it), against a bare ffmpeg decode of the same file in the same run; beside it the same as two
 * calls (prepareSpeech, then splitAtSilences — what the pipeline does, two jobs apart), the older
 * two-run path (normalise, then ffmpeg silencedetect) and the removed Opus encoder. Prints wall and
 * CPU figures; asserts nothing.
 *
 * The recording is generated (speech-like sound from the bundled ffmpeg: phrases with pauses, looped to 60 min)
 * and encoded as a typical call-recorder MP3 (mono, 32 kbit/s).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createMedia, FLAC_ENCODER_ARGS, type ChunkFormat } from '@onterms/media';
import { DEFAULT_BINARY_PATHS } from '@onterms/media/binaries';
import { DEFAULT_TIMEOUT_MS, toRunControl } from '@onterms/media/run-control';
import { runSilencedetect } from '@onterms/media/silence';
import { buildTrack, utter } from '@onterms/media/chunk-test-audio';
import { GPT4O_MAX_DURATION_SEC, OPENAI_MAX_BYTES } from '../src/openai-engine.ts';

const run = promisify(execFile);
const media = createMedia();
const ffmpeg = DEFAULT_BINARY_PATHS.ffmpegPath;

/**
 * Wall seconds, and CPU seconds of this process plus the ffmpeg children it ran (Linux: cutime/cstime
 * of /proc/self/stat). On a shared machine the CPU figures are the steadier ones: other people's load
 * stretches wall time, hardly the work done.
 */
const cpu: Map<number, number> = new Map();
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const c0 = cpuSeconds();
  const value = await fn();
  const wall = (performance.now() - t0) / 1000;
  cpu.set(wall, cpuSeconds() - c0);
  return [value, wall];
}
function cpuSeconds(): number {
  const own = process.cpuUsage();
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  return (own.user + own.system) / 1e6 + ticks / 100;
}
/** CPU seconds of the run that took `wall` seconds. */
const cpuOf = (wall: number) => cpu.get(wall) ?? NaN;

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
  // Before: the normalisation and ffmpeg's silencedetect were two decoding runs.
  const [, oldNormaliseSec] = await timed(() => media.normalizeForSpeech(input, join(dir, 'old.wav')));
  const control = toRunControl({}, DEFAULT_TIMEOUT_MS.transcode);
  const [, oldSilenceSec] = await timed(() => runSilencedetect(join(dir, 'old.wav'), {}, control));
  await rm(join(dir, 'old.wav'));
  // Now: one decode writes the speech WAV; the pauses are read from its samples.
  const speech = join(dir, 'speech.wav');
  const [[prepared], prepareSec] = await timed(() =>
    media.prepareSpeech(input, [{ output: speech, channel: 'mix' }]),
  );

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
  ];
  const rows: string[] = [];
  for (const v of variants) {
    const out = join(dir, v.label.replace(/\W+/g, '-'));
    await mkdir(out);
    const [chunks, chunkSec] = await timed(() => media.splitAtSilences(speech, out, { ...prepared!, ...v }));
    const prep = probeSec + prepareSec + chunkSec;
    const before = probeSec + oldNormaliseSec + oldSilenceSec + chunkSec;
    const prepCpu = cpuOf(probeSec) + cpuOf(prepareSec) + cpuOf(chunkSec);
    const beforeCpu = cpuOf(probeSec) + cpuOf(oldNormaliseSec) + cpuOf(oldSilenceSec) + cpuOf(chunkSec);
    const biggest = Math.max(...chunks.map((ch) => ch.bytes));
    // The same in one call.
    const onePassDir = `${out}-one-pass`;
    await mkdir(onePassDir);
    const [one, oneSec] = await timed(() =>
      media.prepareSpeechChunks(
        input,
        { output: join(dir, 'one-pass.wav'), channel: 'mix', outDir: onePassDir, split: v },
        { info },
      ),
    );
    const same =
      JSON.stringify(one.chunks.map((ch) => [ch.start, ch.end])) ===
      JSON.stringify(chunks.map((ch) => [ch.start, ch.end]));
    const onePass = probeSec + oneSec;
    const onePassCpu = cpuOf(probeSec) + cpuOf(oneSec);
    rows.push(
      `${v.label.padEnd(28)} chunks ${String(chunks.length).padStart(3)}  largest ${(biggest / 1e6).toFixed(1).padStart(5)} MB\n` +
        `  one call (prepareSpeechChunks) prep ${onePass.toFixed(2)} s = ${(onePass / decodeSec).toFixed(2)}× wall, ` +
        `${(onePassCpu / cpuOf(decodeSec)).toFixed(2)}× CPU  (same cuts as two steps: ${same ? 'yes' : 'NO'})\n` +
        `  two steps (prepareSpeech, then splitAtSilences ${chunkSec.toFixed(2)} s) prep ${prep.toFixed(2)} s = ${(prep / decodeSec).toFixed(2)}× wall, ` +
        `${(prepCpu / cpuOf(decodeSec)).toFixed(2)}× CPU\n` +
        `  before (normalise + silencedetect + split) ${(before / decodeSec).toFixed(2)}× wall, ${(beforeCpu / cpuOf(decodeSec)).toFixed(2)}× CPU`,
    );
  }
  // What the FLAC chunks' encoder settings save: the whole speech WAV encoded at ffmpeg's default
  // (level 5), at level 0, and at the settings the chunks use.
  const flacRuns: [string, number, number][] = [];
  for (const [label, args] of [
    ['default (level 5)', ['-c:a', 'flac']],
    ['-compression_level 0', ['-c:a', 'flac', '-compression_level', '0']],
    ['chunk settings', FLAC_ENCODER_ARGS.slice(0, -2)],
  ] as const) {
    const out = join(dir, 'whole.flac');
    const [, sec] = await timed(() =>
      run(ffmpeg, ['-hide_banner', '-nostdin', '-v', 'error', '-i', speech, ...args, '-f', 'flac', out]),
    );
    flacRuns.push([label, sec, (await stat(out)).size]);
    await rm(out);
  }
  // Opus chunks were removed: their encoder alone, on the first 2 minutes, extrapolated to the call.
  const sampleSec = Math.min(120, prepared!.durationSec);
  const [, opusSec] = await timed(() =>
    run(ffmpeg, [
      ...['-hide_banner', '-nostdin', '-v', 'error', '-t', String(sampleSec), '-i', speech],
      ...['-c:a', 'libopus', '-b:a', '16k', '-application', 'voip', '-compression_level', '0'],
      ...['-f', 'ogg', join(dir, 'opus-sample.ogg')],
    ]),
  );
  const opusCall = (opusSec * prepared!.durationSec) / sampleSec;
  cpu.set(opusCall, (cpuOf(opusSec) * prepared!.durationSec) / sampleSec);

  const ratio = (sec: number) =>
    `${sec.toFixed(2)} s (${(sec / decodeSec).toFixed(2)}×), CPU ${cpuOf(sec).toFixed(2)} s (${(cpuOf(sec) / cpuOf(decodeSec)).toFixed(2)}×)`;
  console.log(`bare ffmpeg decode           ${decodeSec.toFixed(2)} s, CPU ${cpuOf(decodeSec).toFixed(2)} s`);
  console.log(
    `probe                        ${ratio(probeSec)}  (${info.codec}, ${info.durationSec.toFixed(0)} s)`,
  );
  console.log(`before: normalise            ${ratio(oldNormaliseSec)}`);
  console.log(`before: ffmpeg silencedetect ${ratio(oldSilenceSec)}`);
  console.log(`now: prepareSpeech (1 decode) ${ratio(prepareSec)}  (${prepared!.silences.length} pauses)`);
  for (const row of rows) console.log(row);
  for (const [label, sec, bytes] of flacRuns) {
    console.log(`FLAC of the speech WAV, ${label.padEnd(20)} ${ratio(sec)}, ${(bytes / 1e6).toFixed(1)} MB`);
  }
  console.log(
    `opus 16 kbit/s (removed)     ${ratio(opusCall)}  for the whole call, extrapolated from ${sampleSec} s at complexity 0`,
  );
  console.log(
    'prep = probe + one call (or probe + prepareSpeech + chunk), as a multiple of the bare decode (target ≤ 1.5×); before = the same with normalise + ffmpeg silencedetect.',
  );
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${cpus().length} cores: wall times on a shared machine are noisy.`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}

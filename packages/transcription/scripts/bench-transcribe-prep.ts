/**
 * npm run bench:transcribe-prep — what the product spends getting a 60-minute MONO call ready for
 * speech-to-text with the default engine format (OpenAI whisper-1: FLAC chunks ≤ 25 MB), against a
 * bare ffmpeg decode of the same file in the same run. Prints wall and CPU figures; asserts nothing.
 *
 * The headline ("product") makes exactly the calls the product makes on a call's first run, in its
 * order (packages/pipeline/src/process-call.ts → steps/transcribe.ts): no speech copy is stored, so
 * the transcribe step hands the original to the recording transcriber (createRecordingTranscriber,
 * src/transcribe-recording.ts) with `makeSpeechAudio`; its mono branch calls
 * media.prepareSpeechChunks — ffprobe, then ONE ffmpeg run decoding the check windows and writing
 * the 16 kHz speech WAV, the pauses read from the WAV while it is written, each FLAC chunk encoded
 * meanwhile and sent to the engine as soon as it is complete. prep = from the call to `onPrepared`
 * (the copy complete and every chunk cut), where processCall starts the review copy + peaks run
 * (probeAndDeriveCopies {review, peaks}, done here too) and stores the speech copy (a file copy, not
 * done here). The engine is a stand-in that answers at once: requests cost the worker no CPU.
 *
 * "before" lines, measured in the same run: the path up to this change — prepare-audio's
 * probeAndDeriveCopies {speech}, then detectSilence + splitAtSilences on the finished WAV beside the
 * player copies' run — and the order up to 721b397 (one run making the speech WAV, review copy and
 * peaks, then the chunks). Beside them: the same chunk step for the other engine limits, the FLAC
 * encoder's settings, and the removed Opus chunk encoder.
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
import { createMedia, FLAC_ENCODER_ARGS, probeAndDeriveCopies, type ChunkFormat } from '@onterms/media';
import { DEFAULT_BINARY_PATHS } from '@onterms/media/binaries';
import { buildTrack, utter } from '@onterms/media/chunk-test-audio';
import { GPT4O_MAX_DURATION_SEC, OPENAI_MAX_BYTES } from '../src/openai-engine.ts';
import type { SpeechEngine } from '../src/speech-engine.ts';
import { createRecordingTranscriber } from '../src/transcribe-recording.ts';

const run = promisify(execFile);
const media = createMedia();
const ffmpeg = DEFAULT_BINARY_PATHS.ffmpegPath;

/**
 * Wall seconds, and CPU seconds of this process plus the ffmpeg children it ran (Linux: cutime/cstime
 * of /proc/self/stat, counted when a child has exited). On a shared machine the CPU figures are the
 * steadier ones: other people's load stretches wall time, hardly the work done.
 */
interface Timing {
  wall: number;
  cpu: number;
}
async function timed<T>(fn: () => Promise<T>): Promise<[T, Timing]> {
  const t0 = performance.now();
  const c0 = cpuSeconds();
  const value = await fn();
  return [value, { wall: (performance.now() - t0) / 1000, cpu: cpuSeconds() - c0 }];
}
function cpuSeconds(): number {
  const own = process.cpuUsage();
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  return (own.user + own.system) / 1e6 + ticks / 100;
}
const sum = (...parts: Timing[]): Timing => ({
  wall: parts.reduce((s, p) => s + p.wall, 0),
  cpu: parts.reduce((s, p) => s + p.cpu, 0),
});

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
    ...['-v', 'error', '-i', track.path, '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '32k'],
    ...['-f', 'mp3', input],
  ]);
  console.log(
    `recording: ${(track.durationSec / 60).toFixed(1)} min, MP3 mono 32 kbit/s, ${((await stat(input)).size / 1e6).toFixed(1)} MB`,
  );

  const [, decode] = await timed(() =>
    run(ffmpeg, ['-hide_banner', '-nostdin', '-v', 'error', '-i', input, '-f', 'null', '-']),
  );
  const ratio = (t: Timing) =>
    `${t.wall.toFixed(2)} s (${(t.wall / decode.wall).toFixed(2)}×), CPU ${t.cpu.toFixed(2)} s (${(t.cpu / decode.cpu).toFixed(2)}×)`;

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
  const [headline] = variants;

  // The product's path (see the header): the recording transcriber makes the speech copy.
  const work = join(dir, 'work');
  await mkdir(work);
  const since = (t0: number) => (performance.now() - t0) / 1000;
  let sent = 0;
  let firstSentSec = 0;
  const t0 = performance.now();
  const stand: SpeechEngine = {
    name: 'bench',
    model: null,
    limits: {
      maxBytes: headline!.maxBytes,
      maxDurationSec: headline!.maxDurationSec,
      format: headline!.format,
    },
    transcribeChunk: async () => {
      if (sent++ === 0) firstSentSec = since(t0);
      return { segments: [], timing: 'segments', diarized: false, language: null, model: null };
    },
  };
  let product: Timing | undefined;
  let productNodeCpu = 0;
  const nodeCpu = () => {
    const own = process.cpuUsage();
    return (own.user + own.system) / 1e6;
  };
  const n0 = nodeCpu();
  let player: Promise<Timing & { endedSec: number }> | undefined;
  const c0 = cpuSeconds();
  await createRecordingTranscriber(media, stand, { workDir: work }).transcribe({
    speechAudioPath: join(work, 'speech.wav'),
    originalAudioPath: input,
    makeSpeechAudio: {
      onPrepared: () => {
        product = { wall: since(t0), cpu: cpuSeconds() - c0 };
        productNodeCpu = nodeCpu() - n0;
        player = timed(() =>
          probeAndDeriveCopies(input, { review: join(work, 'review'), peaks: {} }, { workDir: work }),
        ).then(([, t]) => ({ ...t, endedSec: since(t0) }));
      },
    },
    language: 'ru',
    channels: 1,
    repChannel: null,
    signal: new AbortController().signal,
  });
  const playerRun = await player!;
  await rm(work, { recursive: true });
  const [, decodeAgain] = await timed(() =>
    run(ffmpeg, ['-hide_banner', '-nostdin', '-v', 'error', '-i', input, '-f', 'null', '-']),
  );

  // Before this change: prepare-audio's speech copy alone, then detectSilence + splitAtSilences
  // from the finished WAV beside the player copies' run (the product's order up to now).
  await mkdir(work);
  const speech = join(dir, 'speech.wav');
  const out = join(dir, 'chunks');
  await mkdir(out);
  let beside: Promise<unknown> = Promise.resolve();
  const [[speechRun, pauses, detect, split], stepwise] = await timed(async () => {
    const [, speechRun] = await timed(() => probeAndDeriveCopies(input, { speech }, { workDir: work }));
    beside = probeAndDeriveCopies(input, { review: join(work, 'review'), peaks: {} }, { workDir: work });
    const [pauses, detect] = await timed(() => media.detectSilence(speech));
    const [, split] = await timed(() => media.splitAtSilences(speech, out, { ...pauses, ...headline! }));
    return [speechRun, pauses, detect, split] as const;
  });
  await beside;
  await rm(out, { recursive: true });
  await rm(work, { recursive: true });

  // Before 721b397: the speech WAV came out of the same ffmpeg run as the review copy and the peaks.
  await mkdir(work);
  await mkdir(out);
  const oldSpeech = join(work, 'speech.wav');
  const [, oldRun] = await timed(() =>
    probeAndDeriveCopies(
      input,
      { speech: oldSpeech, review: join(work, 'review'), peaks: {} },
      { workDir: work },
    ),
  );
  const [oldPauses, oldDetect] = await timed(() => media.detectSilence(oldSpeech));
  const [, oldSplit] = await timed(() =>
    media.splitAtSilences(oldSpeech, out, { ...oldPauses, ...headline! }),
  );
  const before = sum(oldRun, oldDetect, oldSplit);
  await rm(out, { recursive: true });
  await rm(work, { recursive: true });

  // The same chunk step for the other engine limits, from the same speech WAV.
  const rows: string[] = [];
  for (const v of variants) {
    const to = join(dir, v.label.replace(/\W+/g, '-'));
    await mkdir(to);
    const [cut, t] = await timed(() => media.splitAtSilences(speech, to, { ...pauses, ...v }));
    const biggest = Math.max(...cut.map((ch) => ch.bytes));
    rows.push(
      `${v.label.padEnd(28)} chunks ${String(cut.length).padStart(3)}  largest ${(biggest / 1e6).toFixed(1).padStart(5)} MB  ` +
        `splitAtSilences ${ratio(t)}`,
    );
  }

  // What the FLAC chunks' encoder settings save: the whole speech WAV encoded at ffmpeg's default
  // (level 5), at level 0, and at the settings the chunks use.
  const flacRuns: [string, Timing, number][] = [];
  for (const [label, args] of [
    ['default (level 5)', ['-c:a', 'flac']],
    ['-compression_level 0', ['-c:a', 'flac', '-compression_level', '0']],
    ['chunk settings', FLAC_ENCODER_ARGS.slice(0, -2)],
  ] as const) {
    const whole = join(dir, 'whole.flac');
    const [, t] = await timed(() =>
      run(ffmpeg, ['-hide_banner', '-nostdin', '-v', 'error', '-i', speech, ...args, '-f', 'flac', whole]),
    );
    flacRuns.push([label, t, (await stat(whole)).size]);
    await rm(whole);
  }
  // Opus chunks were removed: their encoder alone, on the first 2 minutes, extrapolated to the call.
  const sampleSec = Math.min(120, pauses.durationSec);
  const [, opusSample] = await timed(() =>
    run(ffmpeg, [
      ...['-hide_banner', '-nostdin', '-v', 'error', '-t', String(sampleSec), '-i', speech],
      ...['-c:a', 'libopus', '-b:a', '16k', '-application', 'voip', '-compression_level', '0'],
      ...['-f', 'ogg', join(dir, 'opus-sample.ogg')],
    ]),
  );
  const scale = pauses.durationSec / sampleSec;
  const opusCall = { wall: opusSample.wall * scale, cpu: opusSample.cpu * scale };

  const prep = product!;
  console.log(`bare ffmpeg decode            ${decode.wall.toFixed(2)} s, CPU ${decode.cpu.toFixed(2)} s`);
  console.log(
    `PRODUCT prep, mono, ${headline!.label}: ${ratio(prep)}  (${sent} chunks sent, ${pauses.silences.length} pauses; target ≤ 1.5× wall)`,
  );
  console.log(
    `  transcribeRecording { makeSpeechAudio } → media.prepareSpeechChunks: first chunk sent ${firstSentSec.toFixed(2)} s after the start, prepared at ${prep.wall.toFixed(2)} s; CPU: this process ${productNodeCpu.toFixed(2)} s (pause scan, feeding the chunk encoders), ffprobe + ffmpeg ${(prep.cpu - productNodeCpu).toFixed(2)} s`,
  );
  console.log(
    `  then (processCall): probeAndDeriveCopies {review, peaks} ${playerRun.wall.toFixed(2)} s wall (${(playerRun.wall / decode.wall).toFixed(2)}×), done ${playerRun.endedSec.toFixed(2)} s after the start`,
  );
  console.log(
    `  bare decode again after it   ${decodeAgain.wall.toFixed(2)} s, CPU ${decodeAgain.cpu.toFixed(2)} s (the load's drift within the run)`,
  );
  console.log(
    `before (the order until this change, today's media calls: speech copy, then pauses and chunks): ${ratio(stepwise)}`,
  );
  console.log(`  1 probeAndDeriveCopies {speech}                 ${ratio(speechRun)}`);
  console.log(`  2 detectSilence (speech WAV)                    ${ratio(detect)}`);
  console.log(
    `  3 splitAtSilences                               ${ratio(split)}  (beside 2–3: the review copy + peaks run)`,
  );
  console.log(`before 721b397 (one run for all three, then 2–3): ${ratio(before)}`);
  console.log(`  probeAndDeriveCopies {speech, review, peaks}    ${ratio(oldRun)}`);
  console.log(`  detectSilence + splitAtSilences                 ${ratio(sum(oldDetect, oldSplit))}`);
  for (const row of rows) console.log(row);
  for (const [label, t, bytes] of flacRuns) {
    console.log(`FLAC of the speech WAV, ${label.padEnd(20)} ${ratio(t)}, ${(bytes / 1e6).toFixed(1)} MB`);
  }
  console.log(
    `opus 16 kbit/s chunks (removed) ${ratio(opusCall)}  for the whole call, extrapolated from ${sampleSec} s at complexity 0`,
  );
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${cpus().length} cores: wall times on a shared machine are noisy.`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}

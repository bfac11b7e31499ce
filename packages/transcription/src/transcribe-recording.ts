import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { Language, Segment, Speaker } from '@onterms/contracts';
import {
  probeAndDeriveCopies,
  silentFraction,
  splitsRepAndClient,
  type AudioChunk,
  type Media,
  type SilenceMap,
  type SilenceOptions,
  type SilenceSpan,
} from '@onterms/media';
import type { TranscriptionEngine, TranscriptionRequest, TranscriptionResult } from './engine.ts';
import { isHallucinatedSegment } from './hallucination-guard.ts';
import type { ChunkTranscription, SpeechEngine } from './speech-engine.ts';
import {
  guessLanguage,
  mapDiarizedSpeakers,
  removeBleed,
  splitTextOverSpeech,
  type ChannelSegment,
} from './stitch.ts';
import { buildVocabularyPrompt, DEFAULT_VOCABULARY } from './vocabulary.ts';

export interface TranscribeRecordingOptions {
  /** Chunk requests in flight at once, across channels. Default 2. */
  concurrency?: number;
  /** Where per-call scratch files go (channel WAVs, chunks). Default the OS temp dir. */
  workDir?: string;
  /** Pause detection used for cutting, the hallucination guard and text-only timing. */
  silence?: SilenceOptions;
}

interface Track {
  speaker: Speaker | null;
  path: string;
  silence: SilenceMap;
  chunks: AudioChunk[];
}

/**
 * Wraps a raw `SpeechEngine` as the pipeline's `TranscriptionEngine`: the pipeline calls
 * `transcribe(request)` as before, adding `originalAudioPath` (and optionally `vocabulary`).
 *
 * 1. Channels — stereo with a known rep channel and the original at hand: both sides are extracted
 *    (16 kHz mono) in one decode and transcribed on their own, speaker `rep` / `client`. Otherwise the
 *    mono speech copy.
 * 2. Pauses — silencedetect's rule per track, read from the 16 kHz samples (no second decode).
 * 3. Chunks — cut in pauses under the engine's limits (size, duration), encoded in its format;
 *    chunks that are entirely silence are not sent (not billed, nothing to hallucinate on).
 * 4. Requests — bounded concurrency over all chunks of all tracks, with the vocabulary prompt.
 * 5. Stitching — each segment offset by its chunk's start (chunks are contiguous and cut in pauses,
 *    so nothing is lost or doubled at the cuts); text-only answers split over the chunk's speech.
 * 6. Hallucination guard, then stereo bleed removal, then speakers and merge by time.
 */
export function createRecordingTranscriber(
  media: Media,
  engine: SpeechEngine,
  options: TranscribeRecordingOptions = {},
): TranscriptionEngine {
  return {
    name: engine.name,
    model: engine.model,
    transcribe: (request) => transcribeRecording(media, engine, request, options),
  };
}

export async function transcribeRecording(
  media: Media,
  engine: SpeechEngine,
  request: TranscriptionRequest,
  options: TranscribeRecordingOptions = {},
): Promise<TranscriptionResult> {
  const { signal } = request;
  const make = request.makeSpeechAudio;
  if (make && !request.originalAudioPath) {
    throw new TypeError('makeSpeechAudio needs the original recording (originalAudioPath).');
  }
  const work = await mkdtemp(join(options.workDir ?? tmpdir(), 'onterms-stt-'));
  const prompt = buildVocabularyPrompt(request.language, request.vocabulary);
  // Chunks go to the engine as soon as they are cut, while the rest of the recording is prepared.
  let audioSeconds = 0;
  const requests = requestQueue(
    Math.max(1, options.concurrency ?? 2),
    signal,
    async ({ t, chunk }: { t: number; chunk: AudioChunk }, requestSignal) => {
      const answer = await engine.transcribeChunk({
        audioPath: chunk.path,
        contentType: chunk.contentType,
        durationSec: chunk.end - chunk.start,
        language: request.language,
        prompt,
        signal: requestSignal,
      });
      audioSeconds += chunk.end - chunk.start;
      return { t, chunk, answer };
    },
  );
  const send =
    (t: number) =>
    (chunk: AudioChunk, silences: readonly SilenceSpan[]): void => {
      // Entirely inside one pause: nothing to transcribe, nothing to bill.
      if (silentFraction(silences, chunk.start, chunk.end) < 0.999) requests.add({ t, chunk });
    };
  try {
    const notes: string[] = [];
    const wantsSplit = splitsRepAndClient(request);
    const split = wantsSplit && Boolean(request.originalAudioPath);
    if (wantsSplit && !request.originalAudioPath) {
      notes.push(
        'Stereo split skipped: the original recording was not available; speakers are not separated.',
      );
    }
    const limits = {
      maxBytes: engine.limits.maxBytes,
      maxDurationSec: engine.limits.maxDurationSec,
      format: engine.limits.format,
    };
    const chunksDir = async (t: number) => {
      const dir = join(work, `track-${t}`);
      await mkdir(dir);
      return dir;
    };
    // Per track: the 16 kHz speech WAV, its pauses and its chunks.
    const tracks: Track[] = [];
    if (split) {
      // A stereo call is decoded once for both sides (prepareSpeech); a speech copy still to be made
      // is the mix, checked and written first as the pipeline's prepare-audio step would.
      if (make) {
        await probeAndDeriveCopies(
          request.originalAudioPath!,
          { speech: request.speechAudioPath },
          { workDir: work, signal },
        );
      }
      const rep = request.repChannel!;
      const client = rep === 'left' ? 'right' : 'left';
      const prepared = await media.prepareSpeech(
        request.originalAudioPath!,
        [
          { output: join(work, 'rep.wav'), channel: rep },
          { output: join(work, 'client.wav'), channel: client },
        ],
        { ...silenceLevels(options.silence), signal },
      );
      for (const [t, side] of prepared.entries()) {
        const silence = { durationSec: side.durationSec, silences: side.silences };
        const chunks = await media.splitAtSilences(side.path, await chunksDir(t), {
          ...silence,
          ...limits,
          onChunk: send(t),
          signal,
        });
        tracks.push({ speaker: t === 0 ? 'rep' : 'client', path: side.path, silence, chunks });
      }
    } else if (make) {
      // The mono speech copy, its pauses and its chunks from one decode, the chunks encoded and sent
      // while the decode goes on (media prepare-speech-chunks.ts).
      const { track, chunks } = await media.prepareSpeechChunks(
        request.originalAudioPath!,
        {
          output: request.speechAudioPath,
          outDir: await chunksDir(0),
          workDir: work,
          split: { ...limits, onChunk: send(0) },
        },
        { ...silenceLevels(options.silence), signal },
      );
      const silence = { durationSec: track.durationSec, silences: track.silences };
      tracks.push({ speaker: null, path: track.path, silence, chunks });
    } else {
      // The stored speech copy: its pauses are read from its samples (no decoding).
      const path = request.speechAudioPath;
      const silence = await media.detectSilence(path, { ...options.silence, signal });
      const chunks = await media.splitAtSilences(path, await chunksDir(0), {
        ...silence,
        ...limits,
        onChunk: send(0),
        signal,
      });
      tracks.push({ speaker: null, path, silence, chunks });
    }
    make?.onPrepared();

    const vocabulary = request.vocabulary?.length
      ? request.vocabulary
      : request.language
        ? DEFAULT_VOCABULARY[request.language]
        : [...DEFAULT_VOCABULARY.ru, ...DEFAULT_VOCABULARY.en];
    const answers = await requests.done();

    // Stitch: chunk-relative → recording time; text-only split over speech.
    let approximate = false;
    let diarized = false;
    let hallucinations = 0;
    const labelled: (ChannelSegment & { label?: string })[] = [];
    for (const { t, chunk, answer } of answers) {
      const track = tracks[t]!;
      for (const raw of placeSegments(answer, chunk, track.silence)) {
        // Text-only answers are spread over speech, so judge their silence on the whole chunk.
        const span = answer.timing === 'none' ? { ...raw, start: chunk.start, end: chunk.end } : raw;
        if (isHallucinatedSegment(span, track.silence.silences)) {
          hallucinations++;
          continue;
        }
        const segment: ChannelSegment & { label?: string } = {
          start: raw.start,
          end: raw.end,
          text: raw.text,
          speaker: track.speaker ?? 'unknown',
          track: t,
        };
        if (raw.speaker) segment.label = `${chunk.index}:${raw.speaker}`;
        labelled.push(segment);
      }
      approximate ||= answer.timing === 'none';
      diarized ||= answer.diarized;
    }

    let segments: ChannelSegment[] = labelled;
    if (tracks.length > 1) {
      const { kept, dropped } = await removeBleed(labelled, (track, from, to) =>
        media.measureLevelDb(tracks[track]!.path, from, to),
      );
      segments = kept;
      if (dropped > 0)
        notes.push(
          `${dropped} segment(s) heard faintly on the other channel (cross-talk) were dropped as duplicates.`,
        );
    } else if (diarized) {
      // Labels are per request; with one chunk (the usual case under 23 min) they are call-wide.
      const map = mapDiarizedSpeakers(
        labelled.map((s) => ({ speaker: s.label, text: s.text, start: s.start })),
        vocabulary,
      );
      for (const s of labelled) if (s.label) s.speaker = map.get(s.label) ?? 'unknown';
      notes.push(
        "Speakers come from the engine's diarization: the one naming payment terms most is taken as the rep; correct them on the call page if wrong.",
      );
      if (tracks[0]!.chunks.length > 1)
        notes.push(
          'Speaker labels were assigned per part of a long recording and may be inconsistent across parts.',
        );
    }

    if (approximate)
      notes.push(
        "Timestamps are approximate: the model returns text only, so times are spread over each part's speech.",
      );
    if (hallucinations > 0)
      notes.push(
        `${hallucinations} phantom segment(s) over silence (e.g. "Продолжение следует…") were dropped.`,
      );
    const hardCuts = tracks.reduce((n, t) => n + t.chunks.filter((c) => c.hardCut).length, 0);
    if (hardCuts > 0)
      notes.push(`${hardCuts} cut(s) had to be made without a pause; a word there may be garbled.`);

    const ordered: Segment[] = segments
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map(({ start, end, speaker, text }) => ({ start, end, speaker, text }));
    const language: Language =
      request.language ??
      guessLanguage(
        ordered.map((s) => s.text),
        answers.map((a) => a.answer.language),
      );
    const model = answers.find((a) => a.answer.model)?.answer.model ?? engine.model;
    return {
      transcript: { language, segments: ordered },
      audioSeconds: Math.round(audioSeconds * 1000) / 1000,
      model,
      notes,
      requests: answers.length,
    };
  } catch (error) {
    // No request may still read a chunk when the work directory goes.
    await requests.cancel();
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function placeSegments(answer: ChunkTranscription, chunk: AudioChunk, silence: SilenceMap) {
  const length = chunk.end - chunk.start;
  if (answer.timing === 'none') {
    return answer.segments.flatMap((s) =>
      splitTextOverSpeech(s.text, chunk.start, chunk.end, silence.silences).map((part) => ({
        ...part,
        ...(s.speaker ? { speaker: s.speaker } : {}),
      })),
    );
  }
  return answer.segments.map((s) => ({
    ...s,
    start: round(chunk.start + Math.min(Math.max(0, s.start), length)),
    end: round(chunk.start + Math.min(Math.max(s.start, s.end), length)),
  }));
}

/**
 * Requests started as their chunks become ready: at most `limit` in flight, in the order added.
 * The first failure cancels those in flight and starts nothing more; `done` then throws it. `cancel`
 * stops them all (the caller's own failure) and waits until none is running.
 */
function requestQueue<T, R>(
  limit: number,
  signal: AbortSignal,
  fn: (item: T, signal: AbortSignal) => Promise<R>,
) {
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const run = pLimit({ concurrency: limit, rejectOnClear: true });
  const requests: Promise<R>[] = [];
  let failure: { error: unknown } | null = null;
  const settle = async () => {
    await Promise.allSettled(requests);
    signal.removeEventListener('abort', onAbort);
  };
  return {
    add(item: T): void {
      if (failure) return;
      const request = run(() => {
        stop.signal.throwIfAborted();
        return fn(item, stop.signal);
      });
      request.catch((error: unknown) => {
        failure ??= { error };
        stop.abort();
        run.clearQueue();
      });
      requests.push(request);
    },
    async done(): Promise<R[]> {
      await settle();
      if (failure) throw (failure as { error: unknown }).error;
      return Promise.all(requests);
    },
    async cancel(): Promise<void> {
      stop.abort();
      run.clearQueue();
      await settle();
    },
  };
}

/** The pause thresholds of the options (the channel is decided per track here). */
function silenceLevels(
  silence: SilenceOptions | undefined,
): Pick<SilenceOptions, 'noiseDb' | 'minSilenceSec'> {
  return {
    ...(silence?.noiseDb !== undefined && { noiseDb: silence.noiseDb }),
    ...(silence?.minSilenceSec !== undefined && { minSilenceSec: silence.minSilenceSec }),
  };
}

function round(t: number): number {
  return Math.round(t * 1000) / 1000;
}

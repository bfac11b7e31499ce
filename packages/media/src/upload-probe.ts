import { PassThrough } from 'node:stream';
import { decodeStreamedHead, headAlreadyDecoded } from './decode-check.ts';
import { plainPcmWavInfo, startsPlainPcmWav } from './pcm-wav-info.ts';
import type { AudioInfo } from './probe.ts';
import { probeAudio } from './probe.ts';
import { DEFAULT_TIMEOUT_MS, toRunControl, type OperationOptions } from './run-control.ts';
import { WAV_HEADER_READ_BYTES } from './wav.ts';

/**
 * The first bytes of a recording go to the head decode check as they arrive: 1 MiB holds the first
 * two seconds of any phone recording (two seconds of 48 kHz stereo PCM is 384 kB). Never more, so the
 * tee holds at most this much in memory, whatever the upload's size.
 */
const HEAD_BYTES = 1 << 20;

/** A recording being uploaded, checked while it arrives. */
export interface ArrivingRecording {
  /**
   * Passes the upload through unchanged (write what this yields), teeing its first bytes to an
   * ffmpeg that decodes the start meanwhile. The upload is never slowed by it: the tee does not wait
   * for ffmpeg.
   */
  watch(upload: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array>;
  /**
   * Once the whole file is written: what Media.probe says about it (same verdicts, same errors), with
   * the start already decoded — only ffprobe and the end's decode are left to run, and for a plain
   * PCM WAV not even those (pcm-wav-info.ts: its header says all they could).
   */
  probe(file: string): Promise<AudioInfo>;
}

/**
 * Why: on a small upload the checks after the last byte — ffprobe, the start's and the end's decode,
 * three process starts — cost more than receiving the bytes. The start needs only the first bytes, so
 * it is decoded while the rest arrives; ffprobe and the end's check need the whole file (a declared
 * duration may come from the file's size or its last page), so they stay after it — except for a
 * complete PCM WAV, whose header is the whole verdict (no sample can fail to decode, and the header's
 * length is checked against the file's): the answer then follows the last byte at once. Such a WAV is
 * known by its first bytes, so its start is not decoded at all: a process start (on the server's
 * main thread, a fork of the whole API) saved on every WAV upload. Should the finished file not be a
 * complete plain WAV after all (cut short), probe() decodes its start from the file as usual.
 */
export function probeWhileArriving(options?: OperationOptions): ArrivingRecording {
  const head = new PassThrough();
  // Its own deadline: the upload itself may take minutes; this only waits for the first megabyte.
  const control = toRunControl(options, DEFAULT_TIMEOUT_MS.probe);
  /** The start's decode; 'wav' when the first bytes are a plain PCM WAV's header (nothing to decode). */
  let decoded: Promise<number | null> | 'wav' | undefined;
  const opening: Uint8Array[] = [];
  let openingBytes = 0;
  const decide = () => {
    if (startsPlainPcmWav(Buffer.concat(opening))) {
      decoded = 'wav';
      head.destroy();
    } else {
      decoded = decodeStreamedHead(head, control);
    }
    opening.length = 0;
  };
  return {
    async *watch(upload) {
      let teed = 0;
      try {
        for await (const chunk of upload) {
          if (decoded === undefined) {
            opening.push(chunk);
            openingBytes += chunk.length;
            if (openingBytes >= WAV_HEADER_READ_BYTES) decide();
          }
          if (teed < HEAD_BYTES && decoded !== 'wav') {
            const part = chunk.subarray(0, HEAD_BYTES - teed);
            teed += part.length;
            head.write(part);
            if (teed >= HEAD_BYTES) head.end();
          }
          yield chunk;
        }
      } finally {
        if (decoded === undefined) decide();
        // A short recording, or an upload that failed: ffmpeg gets what there was and finishes.
        if (!head.writableEnded && !head.destroyed) head.end();
      }
    },
    async probe(file) {
      const streamed = decoded === 'wav' ? undefined : decoded;
      const wav = await plainPcmWavInfo(file);
      if (wav && (decoded === 'wav' || (streamed && (await headAlreadyDecoded(streamed, wav.durationSec)))))
        return wav;
      return probeAudio(file, control, streamed);
    },
  };
}

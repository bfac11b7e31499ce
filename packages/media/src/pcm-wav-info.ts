import { open } from 'node:fs/promises';
import type { AudioInfo } from './probe.ts';
import { parseWavHeader, readWavHeader } from './wav.ts';

/**
 * ffmpeg's names for the WAV sample formats whose every byte is a sample: they cannot fail to decode,
 * and a file cut short simply holds fewer samples (ffmpeg clamps the duration to the data present).
 * Format tags: 1 PCM (by sample size), 6 A-law, 7 µ-law — what telephony systems write.
 */
const PCM_CODECS: Record<number, Record<number, string>> = {
  1: { 8: 'pcm_u8', 16: 'pcm_s16le', 24: 'pcm_s24le', 32: 'pcm_s32le' },
  6: { 8: 'pcm_alaw' },
  7: { 8: 'pcm_mulaw' },
};

/**
 * What `probe()` says about a complete, plain PCM WAV — read from its header, without ffprobe:
 * codec, channels, rate, the duration of its data chunk (to the microsecond, as ffprobe prints it)
 * and the bit rate of the samples. Null for anything else, or anything unusual (a data chunk larger
 * than the file, a streaming header with no size, more than 4 kB of chunks before the data), where
 * ffprobe must have its say.
 *
 * Why: for such a file ffprobe and the end's decode check, run after an upload's last byte, cannot
 * reach another verdict than this header does, yet they cost two process start-ups (~0.1 s, more on
 * a loaded machine) on every upload. upload-probe.ts uses it when the start also decoded on the way in.
 */
export async function plainPcmWavInfo(file: string): Promise<AudioInfo | null> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const header = await readWavHeader(handle, file).catch(() => null);
    if (!header || !isPlainPcm(header)) return null;
    const { size } = await handle.stat();
    const blockAlign = header.channels * (header.bitsPerSample / 8);
    if (header.dataOffset + header.dataBytes > size) return null;
    const samples = Math.floor(header.dataBytes / blockAlign);
    if (samples === 0) return null;
    return {
      durationSec: Math.round((samples / header.sampleRate) * 1e6) / 1e6,
      channels: header.channels,
      sampleRate: header.sampleRate,
      codec: PCM_CODECS[header.formatTag]![header.bitsPerSample]!,
      container: 'wav',
      bitRate: header.sampleRate * header.channels * header.bitsPerSample,
    };
  } finally {
    await handle.close();
  }
}

/**
 * Whether a recording's first bytes are the header of a plain PCM WAV with a sized data chunk —
 * what plainPcmWavInfo answers for once the file is complete (it still checks the rest). Asked of
 * an upload's first bytes (upload-probe.ts) before anything is decoded.
 */
export function startsPlainPcmWav(opening: Buffer): boolean {
  try {
    const header = parseWavHeader(opening, 'upload');
    return isPlainPcm(header) && header.dataBytes > 0;
  } catch {
    return false;
  }
}

function isPlainPcm(header: ReturnType<typeof parseWavHeader>): boolean {
  return (
    PCM_CODECS[header.formatTag]?.[header.bitsPerSample] !== undefined &&
    header.channels >= 1 &&
    header.sampleRate >= 1 &&
    header.dataBytes !== 0xffffffff
  );
}

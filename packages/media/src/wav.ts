import type { FileHandle } from 'node:fs/promises';
import { MediaError } from './errors.ts';
import { SPEECH_SAMPLE_RATE } from './normalize.ts';

/** Format and data position of a PCM WAV (used by level measurement and WAV chunk slicing). */
export async function readWavHeader(handle: FileHandle, path: string) {
  const header = Buffer.alloc(WAV_HEADER_READ_BYTES);
  const { bytesRead } = await handle.read(header, 0, header.length, 0);
  return parseWavHeader(header.subarray(0, bytesRead), path);
}

/** How much of a WAV's start is read for its header: chunks before the data beyond this are not looked for. */
export const WAV_HEADER_READ_BYTES = 4096;

/** The same from a WAV's first bytes (at most WAV_HEADER_READ_BYTES of them are looked at). */
export function parseWavHeader(bytes: Buffer, path: string) {
  // Zero-padded, as a short file's read leaves the buffer: a chunk cut off at the end reads as zeros.
  const header = Buffer.alloc(WAV_HEADER_READ_BYTES);
  const bytesRead = bytes.copy(header, 0, 0, WAV_HEADER_READ_BYTES);
  if (
    bytesRead < 12 ||
    header.toString('ascii', 0, 4) !== 'RIFF' ||
    header.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new MediaError('failed', 'Not a WAV file.', path);
  }
  let offset = 12;
  let format: { formatTag: number; sampleRate: number; channels: number; bitsPerSample: number } | null =
    null;
  while (offset + 8 <= bytesRead) {
    const id = header.toString('ascii', offset, offset + 4);
    const size = header.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      format = {
        formatTag: header.readUInt16LE(offset + 8),
        channels: header.readUInt16LE(offset + 10),
        sampleRate: header.readUInt32LE(offset + 12),
        bitsPerSample: header.readUInt16LE(offset + 22),
      };
    } else if (id === 'data') {
      if (!format) break;
      return { ...format, dataOffset: offset + 8, dataBytes: size };
    }
    offset += 8 + size + (size % 2);
  }
  throw new MediaError('failed', 'The WAV file has no readable data chunk.', path);
}

/** The bare 44-byte header of a 16 kHz mono s16 WAV holding `dataBytes` of samples. */
export function speechWavHeader(dataBytes: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SPEECH_SAMPLE_RATE, 24);
  header.writeUInt32LE(SPEECH_SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

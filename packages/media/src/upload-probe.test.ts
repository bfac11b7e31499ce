import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isMediaError, type MediaError } from './errors.ts';
import { createMedia } from './media.ts';
import { plainPcmWavInfo } from './pcm-wav-info.ts';
import { ffmpeg } from './testing/fixtures.ts';
import { useTempDir } from './testing/temp-dir.ts';

const sut = createMedia();

const temp = useTempDir();
let mp3: string;
/** AAC in MP4 with its index (moov) at the end, as ffmpeg writes it by default: no pipe can decode its start. */
let m4a: string;

beforeAll(async () => {
  const tone = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=20:sample_rate=16000'];
  mp3 = join(temp.dir, 'call.mp3');
  await ffmpeg(['-v', 'error', ...tone, '-c:a', 'libmp3lame', '-b:a', '32k', mp3]);
  m4a = join(temp.dir, 'call.m4a');
  await ffmpeg(['-v', 'error', ...tone, '-c:a', 'aac', '-b:a', '64k', m4a]);
}, 30_000);

/** Uploads `source` the way the API does: through watch() into a file, then probe() on that file. */
async function upload(source: string, name: string) {
  const arriving = sut.probeWhileArriving();
  const chunks: Buffer[] = [];
  for await (const chunk of arriving.watch(createReadStream(source, { highWaterMark: 4096 }))) {
    chunks.push(Buffer.from(chunk));
  }
  const file = join(temp.dir, name);
  await writeFile(file, Buffer.concat(chunks));
  return { file, info: await arriving.probe(file).catch((error: unknown) => error) };
}

describe('probeWhileArriving: the start checked while the upload arrives', () => {
  it('passes every byte on unchanged and says what probe() says', async () => {
    const { file, info } = await upload(mp3, 'mp3-upload');
    expect((await readFile(file)).equals(await readFile(mp3))).toBe(true);
    expect(info).toEqual(await sut.probe(mp3));
  });

  it('an MP4 whose start cannot be decoded from a pipe is checked from the file instead, and accepted', async () => {
    const { info } = await upload(m4a, 'm4a-upload');
    expect(info).toEqual(await sut.probe(m4a));
  });

  it('a recording cut short is refused as corrupt, as probe() refuses it', async () => {
    const whole = await readFile(mp3);
    const cut = join(temp.dir, 'cut.mp3');
    await writeFile(cut, whole.subarray(0, whole.length / 2));
    const { info } = await upload(cut, 'cut-upload');
    expect(isMediaError(info, 'corrupt')).toBe(true);
  });

  it('bytes that are no recording are not_audio', async () => {
    const text = join(temp.dir, 'notes.txt');
    await writeFile(text, 'Payment in thirty days.\n'.repeat(2000));
    const { info } = await upload(text, 'text-upload');
    expect(isMediaError(info, 'not_audio')).toBe(true);
  });

  describe('a PCM WAV: its header is the verdict, no ffprobe after the last byte', () => {
    const noise = (seconds: number, rate: number) => [
      ...['-f', 'lavfi', '-i', `anoisesrc=d=${seconds}:c=pink:r=${rate}:a=0.1`],
    ];
    it.each([
      {
        name: 'stereo 48 kHz s16 with a LIST chunk',
        args: [...noise(7.3, 48000), '-ac', '2', '-c:a', 'pcm_s16le'],
      },
      {
        name: 'mono 8 kHz s16, bare header, odd length',
        args: [
          ...noise(5.1234, 8000),
          '-ac',
          '1',
          '-c:a',
          'pcm_s16le',
          '-fflags',
          '+bitexact',
          '-map_metadata',
          '-1',
        ],
      },
      { name: 'unsigned 8-bit', args: [...noise(3, 8000), '-ac', '1', '-c:a', 'pcm_u8'] },
      { name: 'µ-law (telephony)', args: [...noise(3, 8000), '-ac', '1', '-c:a', 'pcm_mulaw'] },
      { name: 'A-law (telephony)', args: [...noise(3, 8000), '-ac', '1', '-c:a', 'pcm_alaw'] },
    ])('$name: what probe() says', async ({ name, args }) => {
      const wav = join(temp.dir, `${name.replace(/\W+/g, '-')}.wav`);
      await ffmpeg(['-v', 'error', '-y', ...args, '-f', 'wav', wav]);
      const { info } = await upload(wav, `${name.replace(/\W+/g, '-')}-upload`);
      const expected = await sut.probe(wav);
      expect(info).toEqual(expected);
      // …read from the header: the answer that replaces ffprobe and the end's decode is the same.
      expect(await plainPcmWavInfo(wav)).toEqual(expected);
    });

    it("a WAV cut short, one of float samples and a 24-bit one (an extensible header) are left to ffprobe, with probe()'s answers", async () => {
      const whole = join(temp.dir, 'whole.wav');
      await ffmpeg(['-v', 'error', '-y', ...noise(7, 48000), '-ac', '2', '-c:a', 'pcm_s16le', whole]);
      const cut = join(temp.dir, 'cut.wav');
      await writeFile(cut, (await readFile(whole)).subarray(0, 500_000));
      expect((await upload(cut, 'cut-wav-upload')).info).toEqual(await sut.probe(cut));
      const float = join(temp.dir, 'float.wav');
      await ffmpeg(['-v', 'error', '-y', ...noise(3, 8000), '-ac', '1', '-c:a', 'pcm_f32le', float]);
      expect((await upload(float, 'float-upload')).info).toEqual(await sut.probe(float));
      expect(await plainPcmWavInfo(cut)).toBeNull();
      expect(await plainPcmWavInfo(float)).toBeNull();
      const wide = join(temp.dir, 'wide.wav');
      await ffmpeg(['-v', 'error', '-y', ...noise(2.5, 44100), '-ac', '1', '-c:a', 'pcm_s24le', wide]);
      expect((await upload(wide, 'wide-upload')).info).toEqual(await sut.probe(wide));
      expect(await plainPcmWavInfo(wide)).toBeNull();
    });

    it('a WAV header over bytes that are no recording is still refused', async () => {
      const wav = join(temp.dir, 'tone.wav');
      await ffmpeg(['-v', 'error', '-y', ...noise(3, 8000), '-ac', '1', '-c:a', 'pcm_s16le', wav]);
      const bytes = await readFile(wav);
      // The header claims 4 bytes of samples, then text follows: no audio stream ffmpeg would play that long.
      const broken = Buffer.concat([bytes.subarray(0, 44), Buffer.from('not audio at all')]);
      broken.writeUInt32LE(0, 40);
      const file = join(temp.dir, 'empty-data.wav');
      await writeFile(file, broken);
      const { info } = await upload(file, 'empty-data-upload');
      const expected = await sut.probe(file).catch((error: unknown) => error);
      expect(isMediaError(expected)).toBe(true);
      expect(isMediaError(info, (expected as MediaError).code)).toBe(true);
    });
  });
});

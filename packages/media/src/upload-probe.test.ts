import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMediaError } from './errors.ts';
import { createMedia } from './media.ts';
import { ffmpeg, makeTempDir } from './testing/fixtures.ts';

const sut = createMedia();

let dir: string;
let cleanup: () => Promise<void>;
let mp3: string;
/** AAC in MP4 with its index (moov) at the end, as ffmpeg writes it by default: no pipe can decode its start. */
let m4a: string;

beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir());
  const tone = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=20:sample_rate=16000'];
  mp3 = join(dir, 'call.mp3');
  await ffmpeg(['-v', 'error', ...tone, '-c:a', 'libmp3lame', '-b:a', '32k', mp3]);
  m4a = join(dir, 'call.m4a');
  await ffmpeg(['-v', 'error', ...tone, '-c:a', 'aac', '-b:a', '64k', m4a]);
}, 30_000);
afterAll(() => cleanup?.());

/** Uploads `source` the way the API does: through watch() into a file, then probe() on that file. */
async function upload(source: string, name: string) {
  const arriving = sut.probeWhileArriving();
  const chunks: Buffer[] = [];
  for await (const chunk of arriving.watch(createReadStream(source, { highWaterMark: 4096 }))) {
    chunks.push(Buffer.from(chunk));
  }
  const file = join(dir, name);
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
    const cut = join(dir, 'cut.mp3');
    await writeFile(cut, whole.subarray(0, whole.length / 2));
    const { info } = await upload(cut, 'cut-upload');
    expect(isMediaError(info, 'corrupt')).toBe(true);
  });

  it('bytes that are no recording are not_audio', async () => {
    const text = join(dir, 'notes.txt');
    await writeFile(text, 'Payment in thirty days.\n'.repeat(2000));
    const { info } = await upload(text, 'text-upload');
    expect(isMediaError(info, 'not_audio')).toBe(true);
  });
});

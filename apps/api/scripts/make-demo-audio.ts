// Regenerates the committed demo recordings from demo-data/dialogues.json (a developer tool, not run
// by `npm start`): each line is spoken with espeak-ng — a different voice for rep and client, the rep
// on the left channel and the client on the right as telephony records them — and the transcript's
// timings come from the real durations. Needs the Debian packages espeak-ng and sox.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ffmpeg from '@ffmpeg-installer/ffmpeg';

interface Dialogue {
  name: string;
  language: 'ru' | 'en';
  callType: string;
  clientName: string;
  lines: ['rep' | 'client', string][];
}

const dir = path.resolve(import.meta.dirname, '../demo-data');
const dialogues = JSON.parse(readFileSync(path.join(dir, 'dialogues.json'), 'utf8')) as Dialogue[];
const PAUSE = 0.6;

for (const dialogue of dialogues) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'onterms-demo-'));
  const left: string[] = [];
  const right: string[] = [];
  const segments: { start: number; end: number; speaker: string; text: string }[] = [];
  let t = 0;
  dialogue.lines.forEach(([speaker, text], i) => {
    const voice = `${dialogue.language}${speaker === 'rep' ? '+m3' : '+f3'}`;
    const wav = path.join(tmp, `${i}.wav`);
    execFileSync('espeak-ng', ['-v', voice, '-s', '165', '-w', wav, text]);
    execFileSync('sox', [
      wav,
      '-r',
      '16000',
      '-c',
      '1',
      path.join(tmp, `${i}-r.wav`),
      'pad',
      '0',
      String(PAUSE),
    ]);
    const duration = Number(execFileSync('soxi', ['-D', path.join(tmp, `${i}-r.wav`)]).toString());
    const silence = path.join(tmp, `${i}-s.wav`);
    execFileSync('sox', ['-n', '-r', '16000', '-c', '1', silence, 'trim', '0', String(duration)]);
    (speaker === 'rep' ? left : right).push(path.join(tmp, `${i}-r.wav`));
    (speaker === 'rep' ? right : left).push(silence);
    segments.push({ start: round(t), end: round(t + duration - PAUSE), speaker, text });
    t += duration;
  });
  execFileSync('sox', [...left, path.join(tmp, 'left.wav')]);
  execFileSync('sox', [...right, path.join(tmp, 'right.wav')]);
  execFileSync('sox', [
    '-M',
    path.join(tmp, 'left.wav'),
    path.join(tmp, 'right.wav'),
    path.join(tmp, 'stereo.wav'),
  ]);
  execFileSync(ffmpeg.path, [
    '-y',
    '-v',
    'error',
    '-i',
    path.join(tmp, 'stereo.wav'),
    '-c:a',
    'libopus',
    '-b:a',
    '24k',
    path.join(dir, `${dialogue.name}.ogg`),
  ]);
  writeFileSync(
    path.join(dir, `${dialogue.name}.json`),
    JSON.stringify({ language: dialogue.language, segments }, null, 2) + '\n',
  );
  rmSync(tmp, { recursive: true, force: true });
  console.log(`${dialogue.name}: ${round(t)} s`);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

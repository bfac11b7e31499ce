/**
 * `npm run bench:web`: how fast a 60-minute call's page becomes usable, and how much JS the first
 * screen loads. Builds the UI, starts the real API (fresh PostgreSQL database, in-process jobs),
 * uploads a synthetic 60-minute recording (ffmpeg lavfi, Opus at low bitrate) with a ~700-line
 * transcript, waits until it is analysed, then in headless Chromium measures navigation → interactive
 * (checklist and transcript rendered, waveform drawn from the peaks) over 5 cold runs and prints the
 * median; and the gzip size of the initial JS. Prints figures against the targets; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { synth } from '@onterms/media/testing/fixtures';
import { multipart } from '../../api/src/testing/multipart.ts';
import { waitFor } from '../../api/src/testing/waiting.ts';
import { ROOT, apiSession, launchChromium, startStack } from '../e2e/harness.ts';

const DURATION = 3600;
const SEGMENTS = 700;
const RUNS = 5;
const TARGET_INTERACTIVE_MS = 1500;
const TARGET_INITIAL_JS_KB = 350;

const LINES = [
  'Добрый день, это Максим из компании «ТеплоДом», удобно говорить?',
  'Да, слушаю вас, мы как раз обсуждаем поставку на следующий квартал.',
  'По объёмам мы готовы отгружать партиями раз в две недели.',
  'Хорошо, а что по цене для такого объёма?',
  'Цена фиксируется на квартал, скидка зависит от объёма заказа.',
  'Понятно, нам нужно обсудить это с финансовым директором.',
];

function transcript(): string {
  const step = DURATION / SEGMENTS;
  const segments = Array.from({ length: SEGMENTS }, (_, i) => {
    let text = LINES[i % LINES.length]!;
    if (i === 120) text = 'По оплате: работаем с отсрочкой платежа тридцать дней с даты отгрузки.';
    if (i === 121) text = 'То есть оплатить нужно в течение тридцати дней после отгрузки, правильно?';
    if (i === 122) text = 'Да, в течение тридцати дней с даты отгрузки.';
    if (i === 450)
      text =
        'В случае просрочки начисляем пени ноль целых одна десятая процента в день и приостанавливаем отгрузки.';
    return {
      start: +(i * step).toFixed(2),
      end: +(i * step + step - 0.4).toFixed(2),
      speaker: i % 2 === 0 ? 'rep' : 'client',
      text,
    };
  });
  return JSON.stringify({ language: 'ru', segments });
}

async function initialJs(): Promise<{
  files: { name: string; gzip: number }[];
  lazy: { name: string; gzip: number }[];
}> {
  const dist = path.join(ROOT, 'apps/web/dist');
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const size = async (name: string) => ({
    name,
    gzip: gzipSync(await readFile(path.join(dist, 'assets', name)), { level: 9 }).length,
  });
  const all = (await readdir(path.join(dist, 'assets'))).filter((f) => f.endsWith('.js'));
  return {
    files: await Promise.all(initial.map(size)),
    lazy: await Promise.all(all.filter((f) => !initial.includes(f)).map(size)),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function main(): Promise<void> {
  console.log('building the web UI…');
  execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'ignore' });
  const js = await initialJs();

  const work = await mkdtemp(path.join(tmpdir(), 'onterms-bench-web-'));
  console.log('synthesising a 60-minute recording…');
  const audio = await synth(
    path.join(work, 'long-call.ogg'),
    `sine=frequency=220:sample_rate=16000:duration=${DURATION}`,
    ['-af', 'tremolo=f=0.4:d=0.9', '-ac', '1', '-c:a', 'libopus', '-b:a', '12k'],
  );

  console.log('starting the API…');
  const stack = await startStack();
  try {
    const headers = await apiSession(stack.base, stack.rep);
    const form = multipart({ clientName: 'Долгий звонок', language: 'ru' }, [
      { name: 'audio', filename: 'long-call.ogg', content: await readFile(audio), contentType: 'audio/ogg' },
      {
        name: 'transcript',
        filename: 'long-call.json',
        content: transcript(),
        contentType: 'application/json',
      },
    ]);
    const upload = await fetch(`${stack.base}/api/calls`, {
      method: 'POST',
      headers: { ...headers, ...form.headers },
      body: new Uint8Array(form.body),
    });
    if (!upload.ok) throw new Error(`upload failed: ${upload.status} ${await upload.text()}`);
    const { id } = (await upload.json()) as { id: string };
    console.log(`uploaded ${id}; waiting for the analysis…`);
    const began = Date.now();
    const call = await waitFor(
      async () => {
        const body = (await (await fetch(`${stack.base}/api/calls/${id}`, { headers })).json()) as {
          status: string;
          failureReason: string | null;
        };
        if (body.status === 'failed') throw new Error(`processing failed: ${body.failureReason}`);
        return body.status === 'analyzed' ? body : undefined;
      },
      'the 60-minute call to be analysed',
      15 * 60_000,
    );
    console.log(`analysed in ${((Date.now() - began) / 1000).toFixed(0)} s (${call.status})`);
    const peaks = await fetch(`${stack.base}/api/calls/${id}/peaks`, {
      headers: { ...headers, 'accept-encoding': 'gzip' },
    });
    const peaksBytes = (await peaks.arrayBuffer()).byteLength;

    const browser = await launchChromium();
    const cookie = headers.cookie!.split('=');
    const timings: { interactive: number; dcl: number }[] = [];
    try {
      for (let run = 0; run < RUNS; run++) {
        // A fresh context each run: cold HTTP cache, as when a link is opened from a chat.
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        await context.addCookies([{ name: cookie[0]!, value: cookie.slice(1).join('='), url: stack.base }]);
        const page = await context.newPage();
        await page.goto(`${stack.base}/calls/${id}`, { waitUntil: 'commit' });
        const interactive = await page.waitForFunction(
          () =>
            document.querySelector('#checklist-title') &&
            document.querySelector('.transcript .line') &&
            document.querySelector('.waveform[data-ready="true"]') &&
            performance.now(),
          undefined,
          { polling: 'raf', timeout: 60_000 },
        );
        const ms = (await interactive.jsonValue()) as number;
        const dcl = await page.evaluate(
          () =>
            (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
              .domContentLoadedEventEnd,
        );
        timings.push({ interactive: ms, dcl });
        console.log(
          `  run ${run + 1}: interactive ${ms.toFixed(0)} ms (DOMContentLoaded ${dcl.toFixed(0)} ms)`,
        );
        await context.close();
      }
    } finally {
      await browser.close();
    }

    const initialGzip = js.files.reduce((sum, f) => sum + f.gzip, 0);
    const interactive = median(timings.map((t) => t.interactive));
    console.log('\n== bench:web ==');
    console.log(`call: ${DURATION / 60} min, ${SEGMENTS} transcript lines, peaks JSON ${kb(peaksBytes)} KB`);
    console.log(
      `navigation → interactive call page (median of ${RUNS}): ${interactive.toFixed(0)} ms  (target < ${TARGET_INTERACTIVE_MS} ms: ${interactive < TARGET_INTERACTIVE_MS ? 'met' : 'MISSED'})`,
    );
    console.log(
      `initial JS, gzip: ${kb(initialGzip)} KB in ${js.files.length} files (${js.files.map((f) => `${f.name} ${kb(f.gzip)}`).join(', ')})  (target < ${TARGET_INITIAL_JS_KB} KB: ${initialGzip / 1024 < TARGET_INITIAL_JS_KB ? 'met' : 'MISSED'})`,
    );
    console.log(`lazy chunks, gzip: ${js.lazy.map((f) => `${f.name} ${kb(f.gzip)} KB`).join(', ')}`);
  } finally {
    await stack.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await main();

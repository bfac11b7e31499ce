import { parseSync, type NodeCue } from 'subtitle';
import type { Language, Segment, Speaker, Transcript } from '@onterms/contracts';
import { TranscriptImportError } from './errors.ts';
import { checkTimes } from './json.ts';

// Speaker prefixes people type into subtitle files: "Rep:", «Менеджер:», …
const PREFIXES: [RegExp, Speaker][] = [
  [/^\s*(rep|sales ?rep|agent|seller|manager|менеджер|продавец|представитель|поставщик)\s*:\s*/i, 'rep'],
  [/^\s*(client|customer|buyer|клиент|покупатель|заказчик)\s*:\s*/i, 'client'],
];
const VOICE = /<v(?:\.[^\s>]*)?\s+([^>]+)>/i;

function speakerOf(name: string): Speaker {
  const n = name.trim().toLowerCase();
  for (const [re, sp] of PREFIXES) if (re.test(`${n}:`)) return sp;
  return 'unknown';
}

/** Reads the speaker from a WebVTT voice tag or a text prefix, and strips tags from the text. */
function cueToSegment(text: string, start: number, end: number): Segment {
  let speaker: Speaker = 'unknown';
  let body = text;
  const v = VOICE.exec(body);
  if (v) speaker = speakerOf(v[1]!);
  body = body.replace(/<[^>]*>/g, '');
  for (const [re, sp] of PREFIXES) {
    if (re.test(body)) {
      speaker = sp;
      body = body.replace(re, '');
      break;
    }
  }
  return { start: start / 1000, end: end / 1000, speaker, text: body.replace(/\s+/g, ' ').trim() };
}

/** WebVTT or SRT, parsed with `subtitle`; a parse error names the line. */
export function parseSubtitles(content: string, language: Language): Transcript {
  let nodes;
  try {
    nodes = parseSync(content.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = (e as Error).message;
    const m = /at row (\d+), but received: (.*)$/.exec(msg);
    throw new TranscriptImportError(m ? `line ${m[1]}: timestamp expected, found ${m[2]}` : msg);
  }
  const segments = nodes
    .filter((n): n is NodeCue => n.type === 'cue')
    .map((n) => cueToSegment(n.data.text, n.data.start, n.data.end))
    .filter((s) => s.text.length > 0);
  if (segments.length === 0) throw new TranscriptImportError('no cues found');
  checkTimes(segments);
  return { language, segments };
}

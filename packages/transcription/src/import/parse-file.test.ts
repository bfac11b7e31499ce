import { describe, expect, it } from 'vitest';
import { parseTranscriptFile, readTranscriptFile, TranscriptImportError } from '../index.ts';

describe('parseTranscriptFile', () => {
  it('reads our JSON and keeps callType, ignoring corpus fields', () => {
    const r = readTranscriptFile(
      'call.json',
      JSON.stringify({
        id: 'x',
        callType: 'collection',
        labels: {},
        notes: 'n',
        language: 'ru',
        segments: [{ start: 0, end: 1, speaker: 'rep', text: 'Добрый день' }],
      }),
    );
    expect(r.callType).toBe('collection');
    expect(r.transcript).toEqual({
      language: 'ru',
      segments: [{ start: 0, end: 1, speaker: 'rep', text: 'Добрый день' }],
    });
  });

  it('names the problem in bad JSON', () => {
    expect(() => parseTranscriptFile('a.json', '{oops')).toThrow(/not JSON/);
    expect(() => parseTranscriptFile('a.json', '{"language":"de","segments":[]}')).toThrow(
      /unknown language "de"/,
    );
    expect(() =>
      parseTranscriptFile(
        'a.json',
        '{"language":"en","segments":[{"start":0,"end":1,"speaker":"boss","text":"x"}]}',
      ),
    ).toThrow(/\/segments\/0\/speaker/);
    expect(() =>
      parseTranscriptFile(
        'a.json',
        '{"language":"en","segments":[{"start":2,"end":1,"speaker":"rep","text":"x"}]}',
      ),
    ).toThrow(TranscriptImportError);
  });

  it('reads WebVTT voice tags as speakers', () => {
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v rep>We ship on net 30.</v>\n\n00:00:04.000 --> 00:00:06.500\n<v Client>Okay.\n';
    const r = parseTranscriptFile('call.vtt', vtt);
    expect(r.language).toBe('en');
    expect(parseTranscriptFile('call.vtt', vtt, { language: 'ru' }).language).toBe('ru');
    expect(r.segments).toEqual([
      { start: 1, end: 4, speaker: 'rep', text: 'We ship on net 30.' },
      { start: 4, end: 6.5, speaker: 'client', text: 'Okay.' },
    ]);
  });

  it('reads SRT with Russian speaker prefixes, and unknown speakers without them', () => {
    const srt =
      '1\n00:00:01,000 --> 00:00:04,000\nМенеджер: Отсрочка тридцать дней\n\n2\n00:00:04,000 --> 00:00:06,000\nКлиент: Хорошо\n\n3\n00:00:06,000 --> 00:00:07,000\nалло\n';
    const r = parseTranscriptFile('call.srt', srt);
    expect(r.language).toBe('ru');
    expect(r.segments.map((s) => [s.speaker, s.text])).toEqual([
      ['rep', 'Отсрочка тридцать дней'],
      ['client', 'Хорошо'],
      ['unknown', 'алло'],
    ]);
  });

  it('names the line of a broken subtitle file', () => {
    expect(() => parseTranscriptFile('a.vtt', 'WEBVTT\n\nbad line\n00:00:01.000 --> x\nhi\n')).toThrow(
      /line 3: timestamp expected/,
    );
  });

  it('rejects unknown file types', () => {
    expect(() => parseTranscriptFile('a.docx', 'x')).toThrow(/unsupported file type/);
  });
});

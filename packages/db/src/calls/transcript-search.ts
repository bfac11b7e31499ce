import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.ts';
import { transcriptQuery } from './calls-repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** One matching transcript segment, with the matched words as [from, to) character ranges into `text`. */
export interface TranscriptHit {
  segment: number;
  start: number;
  text: string;
  ranges: [number, number][];
}

/*
 * Highlighting: PostgreSQL's own `ts_headline` decides which words match (same parser, stemmers and
 * stop words as the index), with `HighlightAll` so the whole segment comes back, and two control
 * characters as markers. We strip the markers and turn their positions into ranges, so the UI can
 * highlight with plain text and no HTML. It runs once per configuration and the ranges are merged: a
 * Russian word matches through the Russian stemmer, an English one through the English stemmer. A
 * segment that itself contains a marker character (or that ts_headline did not return verbatim) comes
 * back without ranges rather than with wrong ones.
 */
const START = '\u0001';
const STOP = '\u0002';
const OPTIONS = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;

/** Up to `perCall` matching segments of each call, in transcript order. */
export async function findTranscriptHits(
  db: Db,
  callIds: string[],
  search: string,
  perCall = 3,
): Promise<Map<string, TranscriptHit[]>> {
  const hits = new Map<string, TranscriptHit[]>();
  if (callIds.length === 0) return hits;
  const tsquery = transcriptQuery(search);
  const { rows } = await sql<{
    call_id: string;
    idx: number;
    start_sec: number;
    text: string;
    h_ru: string;
    h_en: string;
  }>`
    select m.call_id, m.idx, m.start_sec, m.text,
           ts_headline('russian'::regconfig, m.text, ${tsquery}, ${OPTIONS}) as h_ru,
           ts_headline('english'::regconfig, m.text, ${tsquery}, ${OPTIONS}) as h_en
    from (
      select s.call_id, s.idx, s.start_sec, s.text,
             row_number() over (partition by s.call_id order by s.idx) as n
      from transcript_segments s
      where s.call_id = any(${callIds}::uuid[]) and s.search @@ ${tsquery}
    ) m
    where m.n <= ${perCall}
    order by m.call_id, m.idx
  `.execute(db);
  for (const row of rows) {
    const list = hits.get(row.call_id) ?? [];
    list.push({
      segment: row.idx,
      start: row.start_sec,
      text: row.text,
      ranges: mergeRanges([...markedRanges(row.text, row.h_ru), ...markedRanges(row.text, row.h_en)]),
    });
    hits.set(row.call_id, list);
  }
  return hits;
}

/** Ranges of the marked words in `headline`, as offsets into `text`; none when they cannot be trusted. */
export function markedRanges(text: string, headline: string): [number, number][] {
  if (text.includes(START) || text.includes(STOP)) return [];
  const ranges: [number, number][] = [];
  let plain = '';
  let open = -1;
  for (const ch of headline) {
    if (ch === START) open = plain.length;
    else if (ch === STOP) {
      if (open >= 0 && plain.length > open) ranges.push([open, plain.length]);
      open = -1;
    } else plain += ch;
  }
  return plain === text ? ranges : [];
}

export function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

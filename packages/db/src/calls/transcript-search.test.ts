import { beforeAll, describe, expect, it } from 'vitest';
import { newCallRow, useTestDatabase } from '../testing.ts';
import { insertTeam, insertUser } from '../users/users-repository.ts';
import { insertCall } from './calls-repository.ts';
import { replaceSegments } from './segments-repository.ts';
import { findTranscriptHits, markedRanges, mergeRanges } from './transcript-search.ts';

describe('highlight ranges from ts_headline markers', () => {
  it('turns markers into [from, to) offsets of the plain text', () => {
    const text = 'Работаем с отсрочкой, net 30.';
    expect(markedRanges(text, 'Работаем с \u0001отсрочкой\u0002, \u0001net\u0002 30.')).toEqual([
      [11, 20],
      [22, 25],
    ]);
  });

  it('gives no ranges rather than wrong ones when the headline is not the text', () => {
    expect(markedRanges('abc', 'a\u0001bd\u0002')).toEqual([]);
    expect(markedRanges('a\u0001b', 'a\u0001b')).toEqual([]);
  });

  it('merges overlapping ranges from the two configurations', () => {
    expect(
      mergeRanges([
        [5, 9],
        [0, 3],
        [5, 9],
        [8, 12],
      ]),
    ).toEqual([
      [0, 3],
      [5, 12],
    ]);
  });
});

describe('findTranscriptHits against PostgreSQL', () => {
  const sut = useTestDatabase();
  let callId: string;
  beforeAll(async () => {
    const team = await insertTeam(sut.db, 'Юг');
    const rep = await insertUser(sut.db, { email: 'r@example.com', name: 'Р', role: 'rep', teamId: team.id });
    callId = (
      await insertCall(
        sut.db,
        newCallRow({
          rep_id: rep.id,
          uploaded_by: rep.id,
          call_type: 'credit_negotiation',
          recorded_at: '2026-11-01T10:00:00Z',
          language: 'ru',
          audio_key: 'a',
          audio_sha256: 'a',
          audio_bytes: 1,
          audio_format: 'wav',
          original_filename: null,
          duration_sec: 10,
          channels: 1,
          sample_rate: null,
        }),
      )
    ).id;
    await sut.db.transaction().execute((trx) =>
      replaceSegments(trx, callId, [
        { start: 0, end: 2, speaker: 'rep', text: 'Ну,  давайте — отсрочку   на 30 дней… «Отсрочка»!' },
        { start: 2, end: 4, speaker: 'client', text: 'Late payments mean penalties, right?' },
      ]),
    );
  });

  it('keeps the text verbatim (spaces, punctuation) and marks every matching form', async () => {
    const hits = (await findTranscriptHits(sut.db, [callId], 'отсрочки')).get(callId)!;
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit!.text).toBe('Ну,  давайте — отсрочку   на 30 дней… «Отсрочка»!');
    expect(hit!.ranges.map(([a, b]) => hit!.text.slice(a, b))).toEqual(['отсрочку', 'Отсрочка']);
  });

  it('matches English inflections and an OR query across both languages', async () => {
    const hits = (await findTranscriptHits(sut.db, [callId], 'penalty or отсрочка')).get(callId)!;
    expect(hits.map((h) => h.segment)).toEqual([0, 1]);
    expect(hits[1]!.ranges.map(([a, b]) => hits[1]!.text.slice(a, b))).toEqual(['penalties']);
  });
});

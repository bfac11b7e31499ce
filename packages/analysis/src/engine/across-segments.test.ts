// Class 8 (issue 14): a statement that speech-to-text cut in two is found in both segments.
import { describe, expect, it } from 'vitest';
import { call, segs } from './test-calls.ts';

describe('statementAcrossCut: a cue split over two segments of one speaker', () => {
  it('a deferral cut between the word and its number is stated in both (ru)', () => {
    const t = call('ru', [
      ['client', 'а как у нас с расчётами'],
      ['rep', 'значит рассчитываться будете с отсрочкой в'],
      ['rep', 'тридцать банковских дней после приёмки товара'],
      ['client', 'годится'],
    ]);
    expect(segs(t, 'payment_terms')).toEqual([1, 2]);
    expect(segs(t, 'deadline')).toEqual([1, 2]);
  });

  it('net cut from its days is stated in both (en)', () => {
    const t = call('en', [
      ['client', 'and how do we settle up'],
      ['rep', 'for the invoices we can give you net'],
      ['rep', 'sixty days counted from the delivery ticket'],
      ['client', 'works for me'],
    ]);
    expect(segs(t, 'payment_terms')).toEqual([1, 2]);
  });

  it('punctuation at the cut ends the statement: nothing is joined across it', () => {
    const t = call('ru', [
      ['rep', 'Остаток оплачиваете с отсрочкой.'],
      ['rep', 'Двадцать дней на приёмку и разгрузку.'],
    ]);
    expect(segs(t, 'payment_terms')).toEqual([0]);
    expect(segs(t, 'deadline')).toEqual([]);
  });

  it('two speakers, or a mono call, are never joined', () => {
    const two = call('en', [
      ['client', 'we were hoping for net'],
      ['rep', 'forty days is what the warehouse needs to pick it'],
    ]);
    expect(segs(two, 'payment_terms')).toEqual([]);
    const mono = call('ru', [
      ['unknown', 'хотелось бы отсрочку на'],
      ['unknown', 'двадцать дней нам на монтаж надо'],
    ]);
    expect(segs(mono, 'deadline')).toEqual([]);
  });

  it('a consequence begun before the cut is stated in both (ru, en)', () => {
    const ru = call('ru', [
      ['rep', 'и сразу предупрежу если к двадцатому денег не будет то мы'],
      ['rep', 'остановим отгрузки пока долг не закроете'],
    ]);
    expect(segs(ru, 'sanctions')).toEqual([0, 1]);
    const en = call('en', [
      ['rep', 'and if you go past the due date we will'],
      ['rep', 'charge a late fee of two percent a month'],
    ]);
    expect(segs(en, 'sanctions')).toEqual([0, 1]);
  });

  it('a tail ending on a preposition is finished by the cue after the cut', () => {
    const t = call('ru', [
      ['rep', 'лимит откроем пятьсот тысяч и рассчитываетесь вы с'],
      ['rep', 'отсрочкой двадцать один день с даты отгрузки'],
    ]);
    expect(segs(t, 'deadline')).toEqual([0, 1]);
  });

  it('two whole statements in a row are not joined', () => {
    const t = call('en', [
      ['rep', 'we need a twenty percent deposit up front'],
      ['rep', 'and the rest within thirty days of delivery'],
    ]);
    expect(segs(t, 'payment_terms')).toEqual([0]);
    expect(segs(t, 'deadline')).toEqual([1]);
  });
});

import { describe, expect, it } from 'vitest';
import { camelRow } from './rows.ts';

describe('camelRow', () => {
  it('renames snake_case columns to camelCase and keeps the values as they are', () => {
    const at = new Date('2026-12-07T10:00:00Z');
    const moments = [{ segment: 1 }];
    const row = { id: 'c1', tax_id: null, created_at: at, stt_audio_seconds: 12, moments };
    const mapped = camelRow(row);
    expect(mapped).toEqual({ id: 'c1', taxId: null, createdAt: at, sttAudioSeconds: 12, moments });
    expect(mapped.createdAt).toBe(at);
    expect(mapped.moments).toBe(moments);
  });

  it('leaves names without underscores alone and copies, not mutates, the row', () => {
    const row = { name: 'ООО Ромашка', payment_terms: true };
    expect(camelRow(row)).toEqual({ name: 'ООО Ромашка', paymentTerms: true });
    expect(row).toEqual({ name: 'ООО Ромашка', payment_terms: true });
  });
});

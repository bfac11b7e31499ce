import { randomUUID } from 'node:crypto';
import { analyzeTranscript } from '@onterms/analysis';
import type { CreditPolicy, Speaker, Transcript } from '@onterms/contracts';
import {
  ensureClient,
  insertCall,
  insertUser,
  replaceSegments,
  saveAnalysis,
  type Database,
} from '@onterms/db';
import { newCallRow } from '@onterms/db/testing';
import type { Kysely } from 'kysely';

/** The example policy: regular clients get 30 days at most; new clients prepay. */
export function examplePolicy(maxDeferralDays = 30): CreditPolicy {
  return {
    id: 'credit-rules',
    version: 1,
    defaultSegment: 'regular',
    segments: [
      {
        id: 'regular',
        name: 'Постоянные клиенты',
        maxDeferralDays,
        minPrepaymentPercent: 0,
        maxCreditLimit: { amount: 2_000_000, currency: 'RUB' },
        penalty: { ratePercent: 0.1, per: 'day' },
        requiredSanctions: ['penalty', 'suspension'],
      },
      { id: 'new', name: 'Новые клиенты', allowedPaymentForms: ['prepayment'], maxDeferralDays: 0 },
    ],
  };
}

export async function insertPerson(db: Kysely<Database>, role: 'rep' | 'director' | 'manager' | 'admin') {
  return insertUser(db, {
    email: `${role}-${randomUUID()}@example.ru`,
    name: `${role} ${randomUUID().slice(0, 4)}`,
    role,
  });
}

/** An analysed call (stored segments and analysis) in which the rep offers `days` of deferral. */
export async function insertAnalysedCall(
  db: Kysely<Database>,
  repId: string,
  options: { days?: number; client?: string; recordedAt?: string; lines?: [Speaker, string][] } = {},
): Promise<string> {
  const client = options.client ? await ensureClient(db, options.client) : null;
  const call = await insertCall(
    db,
    newCallRow({
      rep_id: repId,
      uploaded_by: repId,
      client_id: client?.id ?? null,
      status: 'transcribed',
      ...(options.recordedAt && { recorded_at: options.recordedAt }),
    }),
  );
  const transcript: Transcript = {
    language: 'ru',
    segments: (options.lines ?? [['rep', `Отсрочка ${options.days ?? 30} дней с даты отгрузки.`]]).map(
      ([speaker, text], i) => ({ start: i * 4, end: i * 4 + 3, speaker, text }),
    ),
  };
  await db.transaction().execute(async (trx) => {
    await replaceSegments(trx, call.id, transcript.segments);
    await saveAnalysis(trx, call.id, analyzeTranscript(transcript));
  });
  return call.id;
}

/** A company checklist adding its own item «акт сверки» to the default one (the example). */
export function exampleChecklist() {
  return {
    id: 'acme-credit',
    version: 'draft',
    extends: 'credit_negotiation',
    items: [
      {
        id: 'reconciliation',
        title: 'Акт сверки',
        cues: { ru: ['акт* сверк*'], en: ['reconciliation statement'] },
      },
    ],
  };
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { AnalysisResult, FlagResult, Moment } from '@onterms/contracts';
import type { Database } from '../database.ts';
import { perCallFlags, type PerCallFlags } from './per-call-flags.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const DEFLECTION_FLAG = 'deflection';

/**
 * Stores the machine's verdict for a call, replacing any previous one in the same transaction, and marks
 * the call analysed. Idempotent: saving the same result twice leaves the same rows.
 * `companyChecklistVersion`: the company checklist version the analysis used (null: the default one),
 * so a newer checklist's re-check knows which calls are still to re-analyse.
 */
export async function saveAnalysis(
  trx: Transaction<Database>,
  callId: string,
  result: AnalysisResult,
  companyChecklistVersion: number | null = null,
): Promise<void> {
  await trx.deleteFrom('analyses').where('call_id', '=', callId).execute(); // cascades to flags and moments
  await trx
    .insertInto('analyses')
    .values({
      call_id: callId,
      checklist_id: result.checklist.id,
      checklist_version: result.checklist.version,
      rules_version: result.engine.rules,
      llm_model: result.engine.llmModel,
      waivers: result.waivers ? JSON.stringify(result.waivers) : null,
      company_checklist_version: companyChecklistVersion,
    })
    .execute();

  const entries: [string, FlagResult][] = [
    ...Object.entries(result.flags),
    [
      DEFLECTION_FLAG,
      {
        stated: result.deflection.present,
        moments: result.deflection.moments,
        ...(result.deflection.confidence !== undefined && { confidence: result.deflection.confidence }),
      },
    ],
  ];
  await trx
    .insertInto('analysis_flags')
    .values(
      entries.map(([flag, r]) => ({
        call_id: callId,
        flag,
        stated: r.stated,
        confidence: r.confidence ?? null,
        opportunities: r.opportunities ? JSON.stringify(r.opportunities) : null,
      })),
    )
    .execute();
  const moments = entries.flatMap(([flag, r]) =>
    r.moments.map((m, ordinal) => ({
      call_id: callId,
      flag,
      ordinal,
      segment_idx: m.segment,
      start_sec: m.start,
      end_sec: m.end,
      speaker: m.speaker,
      quote: m.quote,
      moment_values: m.values ? JSON.stringify(m.values) : null,
    })),
  );
  if (moments.length) await trx.insertInto('analysis_moments').values(moments).execute();
  await trx
    .updateTable('calls')
    .set({
      status: 'analyzed',
      failure_reason: null,
      failure_code: null,
      analyzed_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('id', '=', callId)
    .execute();
}

/** The stored verdict in the shape `onterms analyze` prints, or null when the call is not analysed. */
export async function getAnalysis(db: Db, callId: string): Promise<AnalysisResult | null> {
  return (await getAnalyses(db, [callId])).get(callId) ?? null;
}

/** The stored verdicts of many calls in three queries (a re-check reads them in batches). */
export async function getAnalyses(db: Db, callIds: string[]): Promise<Map<string, AnalysisResult>> {
  const out = new Map<string, AnalysisResult>();
  if (callIds.length === 0) return out;
  const [heads, flags, moments] = await Promise.all([
    db.selectFrom('analyses').selectAll().where('call_id', 'in', callIds).execute(),
    db
      .selectFrom('analysis_flags')
      .select(['call_id', 'flag', 'stated', 'confidence', 'opportunities'])
      .where('call_id', 'in', callIds)
      .execute(),
    db
      .selectFrom('analysis_moments')
      .selectAll()
      .where('call_id', 'in', callIds)
      .orderBy('call_id')
      .orderBy('flag')
      .orderBy('ordinal')
      .execute(),
  ]);
  const byCall = new Map<string, Map<string, FlagResult>>();
  for (const f of flags) {
    const byFlag = byCall.get(f.call_id) ?? new Map<string, FlagResult>();
    byFlag.set(f.flag, {
      stated: f.stated,
      moments: [],
      ...(f.confidence !== null && { confidence: f.confidence }),
      ...(f.opportunities ? { opportunities: f.opportunities as FlagResult['opportunities'] } : {}),
    });
    byCall.set(f.call_id, byFlag);
  }
  for (const m of moments) {
    const moment: Moment = {
      segment: m.segment_idx,
      start: m.start_sec,
      end: m.end_sec,
      speaker: m.speaker,
      quote: m.quote,
      ...(m.moment_values ? { values: m.moment_values as Moment['values'] } : {}),
    };
    byCall.get(m.call_id)?.get(m.flag)?.moments.push(moment);
  }
  for (const head of heads) {
    const byFlag = byCall.get(head.call_id) ?? new Map<string, FlagResult>();
    const deflection = byFlag.get(DEFLECTION_FLAG) ?? { stated: false, moments: [] };
    byFlag.delete(DEFLECTION_FLAG);
    out.set(head.call_id, {
      checklist: { id: head.checklist_id, version: head.checklist_version },
      engine: { rules: head.rules_version, llmModel: head.llm_model },
      flags: Object.fromEntries(byFlag),
      deflection: {
        present: deflection.stated,
        moments: deflection.moments,
        ...(deflection.confidence !== undefined && { confidence: deflection.confidence }),
      },
      ...(head.waivers ? { waivers: head.waivers as Moment[] } : {}),
    });
  }
  return out;
}

/**
 * The machine's own stated/missing per flag for a page of calls; calls without analysis are absent.
 * Lists and stats show the effective verdict instead (`getEffectiveFlags`, view `effective_flags`).
 */
export async function getFlagSummaries(db: Db, callIds: string[]): Promise<PerCallFlags<boolean>> {
  if (callIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('analysis_flags')
    .select(['call_id', 'flag', 'stated'])
    .where('call_id', 'in', callIds)
    .execute();
  return perCallFlags(rows, (row) => row.stated);
}

import type { Kysely } from 'kysely';
import { findUserByEmail, getAnalysis, markCallReviewed, type Call, type Database } from '@onterms/db';
import { correctFlag } from '@onterms/domain';
import { principalForUser, type UserPrincipal } from '../access/principal.ts';
import type { AuditLog } from '../auth/audit.ts';
import { answerFeedback, createThread, replyTo } from '../coaching/threads.ts';
import type { CallScript } from './demo-transcripts.ts';

/** The demo's managers, one per team (accounts.ts createDemoUsers). */
const MANAGERS = ['manager@demo.onterms.local', 'manager2@demo.onterms.local'];
const DAY_MS = 86_400_000;

export interface CoachingCounts {
  reviewed: number;
  threads: number;
  replies: number;
  acknowledged: number;
  disputed: number;
  corrections: number;
}

const NOTES = {
  deflection: [
    'Клиент сам спросил про оплату — здесь нужно было назвать отсрочку и срок, а не уходить от ответа.',
    'Вот момент: вопрос про условия, ответа нет. Как бы ты ответил по-другому?',
  ],
  sanctions: [
    'Санкции за просрочку не прозвучали. Скажи про пени и остановку отгрузок — спокойно, как условие договора.',
  ],
};
const REP_ANSWERS = {
  agree: 'Понял, в следующий раз назову условия сразу.',
  dispute: 'Я назвал условия позже, после отгрузки по почте, клиент их подтвердил.',
  question: 'А если клиент обижается, когда говорю про пени? Как лучше сформулировать?',
};

/**
 * What the demo's managers did with the calls, through the same actions the API runs: most calls older
 * than ten days are reviewed; deflections and missing sanctions get feedback threads, which the reps
 * acknowledge, dispute, ask about or leave open — so every inbox and queue has something in it.
 * Decided by each call's place among its rep's calls, not by chance, so a fresh load is always the same.
 */
export async function coachDemoCalls(
  deps: { db: Kysely<Database>; audit: AuditLog; now: Date },
  calls: { call: Call; script: CallScript }[],
): Promise<CoachingCounts> {
  const counts: CoachingCounts = {
    reviewed: 0,
    threads: 0,
    replies: 0,
    acknowledged: 0,
    disputed: 0,
    corrections: 0,
  };
  const managers = await managersByTeam(deps.db);
  const analysed = calls
    .filter(({ call }) => call.status === 'analyzed' && call.callType === 'credit_negotiation')
    .sort(
      (a, b) =>
        a.call.recordedAt.getTime() - b.call.recordedAt.getTime() || a.call.id.localeCompare(b.call.id),
    );
  const seen = new Map<string, number>();
  let threadNo = 0;
  // feedback and corrections mark a call reviewed too (the actions do it)
  const reviewed = new Set<string>();
  for (const { call, script } of analysed) {
    const manager = call.teamId ? managers.get(call.teamId) : undefined;
    if (!manager || script.kind !== 'negotiation') continue;
    const i = seen.get(call.repId) ?? 0;
    seen.set(call.repId, i + 1);
    const ageDays = (deps.now.getTime() - call.recordedAt.getTime()) / DAY_MS;
    const analysis = (await getAnalysis(deps.db, call.id))!;

    const deflection = analysis.deflection.moments[0];
    const missedSanctions =
      analysis.flags.sanctions?.stated === false ? analysis.flags.sanctions.opportunities?.[0] : undefined;
    const note =
      deflection && i % 2 === 0
        ? {
            start: deflection.start,
            segment: deflection.segment,
            body: NOTES.deflection[i % 4 === 0 ? 0 : 1]!,
          }
        : missedSanctions && i % 5 === 0
          ? { start: missedSanctions.start, segment: missedSanctions.segment, body: NOTES.sanctions[0]! }
          : null;
    if (note) {
      const thread = await createThread(deps.db, manager, call, note);
      counts.threads++;
      reviewed.add(call.id);
      const rep = await principalForUser(deps.db, call.repId);
      const outcome = threadNo++ % 4;
      if (outcome === 0 && rep) {
        await replyTo(deps.db, rep, thread, REP_ANSWERS.agree);
        await answerFeedback(deps.db, thread, { status: 'acknowledged' });
        counts.replies++;
        counts.acknowledged++;
      } else if (outcome === 1 && rep) {
        await replyTo(deps.db, rep, thread, REP_ANSWERS.question); // awaits the manager's answer
        counts.replies++;
      } else if (outcome === 2) {
        await answerFeedback(deps.db, thread, { status: 'disputed', comment: REP_ANSWERS.dispute });
        counts.disputed++;
      } // outcome 3: left open, in the rep's inbox
    } else if (ageDays > 10 && i % 10 < 7) {
      await markCallReviewed(deps.db, call.id, manager.userId);
      reviewed.add(call.id);
    }

    // A waived penalty the machine does not count as a deflection: the manager overrules it, with a reason.
    const waiver = analysis.waivers?.[0];
    if (waiver && !analysis.deflection.present && counts.corrections < 3) {
      await correctFlag(
        {
          db: deps.db,
          // no HTTP request here: audited as the manager's, with no IP
          audit: (event) => deps.audit.recordSystem({ userId: manager.userId, tokenId: null }, event),
        },
        manager.userId,
        call,
        'deflection',
        {
          stated: true,
          moments: [{ segment: waiver.segment }],
          reason: 'Отказ от пени по просьбе клиента — тот же уход от условий; разберём на планёрке.',
        },
      );
      counts.corrections++;
      reviewed.add(call.id);
    }
  }
  counts.reviewed = reviewed.size;
  return counts;
}

async function managersByTeam(db: Kysely<Database>): Promise<Map<string, UserPrincipal>> {
  const byTeam = new Map<string, UserPrincipal>();
  for (const email of MANAGERS) {
    const user = await findUserByEmail(db, email);
    const principal = user ? await principalForUser(db, user.id) : null;
    if (principal?.kind === 'user') for (const teamId of principal.teamIds) byTeam.set(teamId, principal);
  }
  return byTeam;
}

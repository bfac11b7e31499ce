import { deleteFlagCorrection, type Call } from '@onterms/db';
import type { CorrectionDeps } from './correct-flag.ts';
import { verdictOf } from './flag-verdict.ts';

/** Removes a correction: the machine's verdict applies again. Nothing to remove is not an error. */
export async function removeCorrection(
  deps: CorrectionDeps,
  call: Pick<Call, 'id'>,
  flag: string,
): Promise<void> {
  const before = await verdictOf(deps.db, call.id, flag);
  if (!(await deleteFlagCorrection(deps.db, call.id, flag))) return;
  await deps.audit({
    action: 'call.flag_changed',
    objectType: 'call',
    objectId: call.id,
    details: { flag, before, after: await verdictOf(deps.db, call.id, flag), reason: 'correction removed' },
  });
}

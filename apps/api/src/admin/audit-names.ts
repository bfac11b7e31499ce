import type { AuditEntry as AuditEntryView } from '@onterms/contracts';
import type { Kysely } from 'kysely';
import { findAuditNames, uuidsIn, type AuditEntry, type Database } from '@onterms/db';

/**
 * Audit entries as the admin page reads them: each with the names behind its ids (the actor, the
 * object, the ids in its details), looked up once for the whole page.
 */
export async function withAuditNames(db: Kysely<Database>, entries: AuditEntry[]): Promise<AuditEntryView[]> {
  const names = await findAuditNames(
    db,
    entries.flatMap((e) => [e.actorUserId, e.objectId, e.details]),
  );
  const nameOf = (id: string) => {
    const found = names.get(id);
    return found && { kind: found.kind, name: found.name, ...(found.at && { at: found.at.toISOString() }) };
  };
  return entries.map((e) => {
    const own = uuidsIn([e.objectId, e.details]);
    const actor = e.actorUserId ? names.get(e.actorUserId) : undefined;
    return {
      ...e,
      at: e.at.toISOString(),
      actorName: actor?.name ?? null,
      names: Object.fromEntries(own.flatMap((id) => (nameOf(id) ? [[id, nameOf(id)!]] : []))),
    };
  });
}

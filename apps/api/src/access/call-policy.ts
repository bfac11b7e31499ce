import type { Kysely } from 'kysely';
import { findAnnotationRef, findCallById, type AnnotationRef, type Call, type Database } from '@onterms/db';
import { AppError, notFound, type Audit, type Uploader } from '@onterms/domain';
import { allows, inScope, uploadableRepIds, visibleRepIds, type PolicyAction } from './policy.ts';
import type { Principal } from './principal.ts';

/**
 * Object-level checks for calls and their sub-resources (audio, peaks, transcript, annotations),
 * built on the policy table in policy.ts. Routes do not call these for their main object: the
 * access-control hook does, from the route's `config.policy`, and hands the loaded call to the handler.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The reps whose calls the principal may list; `null` means every rep. */
export const repScope = visibleRepIds;

/** Loads a call the principal may perform `action` on: 404 when they may not see it, 403 when they may see but not act. */
export async function loadCall(
  db: Kysely<Database>,
  principal: Principal,
  callId: string,
  action: PolicyAction = 'calls.view',
): Promise<Call> {
  if (!isUuid(callId)) throw notFound();
  const call = await findCallById(db, callId);
  if (!call || !inScope(await visibleRepIds(db, principal), call.repId)) throw notFound();
  if (!allows(principal, action)) {
    throw new AppError('forbidden', 'You can see this call, but your role may not do that with it.');
  }
  return call;
}

/** Loads an annotation through its call: visible exactly when the call is. */
export async function loadAnnotation(
  db: Kysely<Database>,
  principal: Principal,
  annotationId: string,
  action: PolicyAction,
): Promise<{ annotation: AnnotationRef; call: Call }> {
  if (!isUuid(annotationId)) throw notFound('annotation');
  const annotation = await findAnnotationRef(db, annotationId);
  if (!annotation) throw notFound('annotation');
  const call = await findCallById(db, annotation.callId);
  if (!call || !inScope(await visibleRepIds(db, principal), call.repId)) throw notFound('annotation');
  if (!allows(principal, action)) {
    throw new AppError('forbidden', 'You can see this feedback, but your role may not do that with it.');
  }
  return { annotation, call };
}

/** Whether the principal may upload a recording as `repId`'s call. */
export async function mayUploadFor(
  db: Kysely<Database>,
  principal: Principal,
  repId: string,
): Promise<boolean> {
  return (await uploadableRepIds(db, principal)).includes(repId);
}

/** The principal as the upload action sees it: who they are and what this policy lets them do. */
export function uploaderOf(db: Kysely<Database>, principal: Principal, audit: Audit): Uploader {
  return {
    audit,
    userId: principal.userId,
    kind: principal.kind,
    mayUploadFor: (repId) => mayUploadFor(db, principal, repId),
    maySee: async (call) =>
      allows(principal, 'calls.view') && inScope(await visibleRepIds(db, principal), call.repId),
  };
}

import { CreditPolicy } from '@onterms/contracts';
import { Value } from '@sinclair/typebox/value';
// the most specific error of a union's branches (a required sanction is a kind or an object)
import { deepest } from '../checklist/load.ts';

/** A credit policy that cannot be used; the message starts with the JSON path of the bad field. */
export class PolicyError extends Error {
  override name = 'PolicyError';
  constructor(
    /** JSON pointer of the bad field (`/segments/0/maxDeferralDays`), `/` for the whole document. */
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/**
 * Validates a credit policy document (parsed JSON): the schema (`CreditPolicy` in contracts), then
 * what a schema cannot say — segment ids unique, the default segment one of them, each sanction
 * required once, the escalation ladder in order. Throws PolicyError naming the first bad field.
 */
export function validatePolicy(doc: unknown): CreditPolicy {
  if (!Value.Check(CreditPolicy, doc)) {
    const first = deepest(Value.Errors(CreditPolicy, doc).First());
    throw new PolicyError(first?.path || '/', first?.message ?? 'not a credit policy');
  }
  const ids = new Set<string>();
  doc.segments.forEach((s, i) => {
    if (ids.has(s.id)) throw new PolicyError(`/segments/${i}/id`, `duplicate segment id "${s.id}"`);
    ids.add(s.id);
    const kinds = new Set<string>();
    (s.requiredSanctions ?? []).forEach((r, j) => {
      const kind = typeof r === 'string' ? r : r.kind;
      if (kinds.has(kind))
        throw new PolicyError(`/segments/${i}/requiredSanctions/${j}`, `sanction "${kind}" listed twice`);
      kinds.add(kind);
    });
    (s.escalation ?? []).forEach((e, j, all) => {
      if (j > 0 && e.afterDaysLate <= all[j - 1]!.afterDaysLate)
        throw new PolicyError(
          `/segments/${i}/escalation/${j}/afterDaysLate`,
          'steps must come in order of days late, each later than the one before',
        );
    });
  });
  if (!ids.has(doc.defaultSegment))
    throw new PolicyError('/defaultSegment', `no segment with id "${doc.defaultSegment}"`);
  return doc;
}

/** Parses and validates a policy file's text; a JSON syntax error names the document (`/`). */
export function parsePolicy(text: string): CreditPolicy {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new PolicyError('/', `not JSON (${(e as Error).message})`);
  }
  return validatePolicy(doc);
}

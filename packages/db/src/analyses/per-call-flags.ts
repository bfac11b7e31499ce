/** A value per flag name, per call id: what the call lists' flag chips are built from. */
export type PerCallFlags<T> = Map<string, Record<string, T>>;

/**
 * Gathers rows into a value per flag per call. A later row for the same call and flag wins (so pass
 * the rows that override last); a row whose value is undefined adds nothing.
 */
export function perCallFlags<R extends { call_id: string; flag: string }, T>(
  rows: Iterable<R>,
  valueOf: (row: R) => T | undefined,
): PerCallFlags<T> {
  const out: PerCallFlags<T> = new Map();
  for (const row of rows) {
    const value = valueOf(row);
    if (value !== undefined) out.set(row.call_id, { ...out.get(row.call_id), [row.flag]: value });
  }
  return out;
}

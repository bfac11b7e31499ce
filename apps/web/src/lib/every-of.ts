/**
 * Every member of the union `T`, in the order written. The web app may import only types from
 * `@onterms/contracts`, so a list of a contract's values is written here again; written as a record over
 * `T`, a member the contract adds and this list lacks (or one it no longer has) fails `npm run check`.
 */
export function everyOf<T extends string>(members: Record<T, true>): T[] {
  return Object.keys(members) as T[];
}

/** `created_at` → `createdAt`, as a type. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** A row with its snake_case column names in camelCase. */
export type CamelRow<R> = { [K in keyof R & string as CamelCase<K>]: R[K] };

/**
 * The row with its column names in camelCase and its values untouched: the mapping at the repository
 * edge where the domain type is the row renamed. Select exactly the columns the domain type has.
 */
export function camelRow<R extends object>(row: R): CamelRow<R> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    out[column.replace(/_([a-z0-9])/g, (_underscore, next: string) => next.toUpperCase())] = value;
  }
  return out as CamelRow<R>;
}

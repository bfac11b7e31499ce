import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryStatus } from '../../../components/error-message.tsx';
import { TableHead } from '../../../components/table-head.tsx';

/** One admin area: a heading, then loading, error (with retry) or the content. */
export function AdminSection<T>({
  title,
  query,
  children,
}: {
  title: string;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <section className="admin-block" aria-label={title}>
      <h2>{title}</h2>
      <QueryStatus query={query} />
      {query.data !== undefined ? children(query.data) : null}
    </section>
  );
}

/**
 * An admin list as a table: the section's title as its caption (for screen readers; the heading shows
 * it already), the column headings, then the rows.
 */
export function AdminTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: ReactNode[];
  children: ReactNode;
}) {
  return (
    <table className="calls">
      <caption className="visually-hidden">{caption}</caption>
      <TableHead columns={columns} />
      <tbody>{children}</tbody>
    </table>
  );
}

import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryStatus } from '../../../components/error-message.tsx';

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

import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorMessage } from '../../../components/error-message.tsx';

/**
 * A credit-policy panel fed by one query: nothing while it loads, the error alone if it fails, else a
 * section named by its heading around what `children` makes of the data.
 */
export function QueryPanel<T>(props: {
  id: string;
  title: string;
  className?: string;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) return null;
  if (query.isError) return <ErrorMessage error={query.error} />;
  return (
    <section className={props.className ? `panel ${props.className}` : 'panel'} aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children(query.data)}
    </section>
  );
}

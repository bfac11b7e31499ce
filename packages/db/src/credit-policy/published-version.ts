/**
 * What the company checklists and the credit policy share: published versions (`v`) that are never
 * updated or deleted, each read with who published it (`u`, left-joined: the publisher may be gone).
 */

/** The columns every published version is read with; add the table's own after them. */
export const PUBLISHED_VERSION_COLUMNS = [
  'v.version',
  'v.document',
  'v.published_at',
  'v.published_by',
  'u.name as publisher_name',
] as const;

interface PublishedVersionRow {
  version: number;
  published_at: Date;
  published_by: string | null;
  publisher_name: string | null;
}

/** The fields every published version maps to, from a row read with `PUBLISHED_VERSION_COLUMNS`. */
export function toPublishedVersion(r: PublishedVersionRow): {
  version: number;
  publishedAt: Date;
  publishedBy: { id: string; name: string } | null;
} {
  return {
    version: r.version,
    publishedAt: r.published_at,
    publishedBy: r.published_by ? { id: r.published_by, name: r.publisher_name ?? '' } : null,
  };
}

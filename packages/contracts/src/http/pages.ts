import { Type, type TSchema } from '@sinclair/typebox';

/** `page` (from 1) and `pageSize` (up to 200, 50 by default): spread into a list's query schema. */
export const pageQuery = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
};

/** One page of a list: its items, how many there are in all, and which page this is. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

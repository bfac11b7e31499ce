import {
  Type,
  type ObjectOptions,
  type TLiteral,
  type TLiteralValue,
  type TProperties,
  type TSchema,
  type TUnion,
} from '@sinclair/typebox';

type TLiterals<T extends readonly TLiteralValue[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };

/** One of the given values: `Literals('a', 'b')` is `Type.Union([Type.Literal('a'), Type.Literal('b')])`. */
export const Literals = <const T extends readonly [TLiteralValue, TLiteralValue, ...TLiteralValue[]]>(
  ...values: T
): TUnion<TLiterals<T>> => Type.Union(values.map((value) => Type.Literal(value))) as TUnion<TLiterals<T>>;

/** The schema, or `null`. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A request body or query that refuses properties it does not name. */
export const StrictObject = <T extends TProperties>(properties: T, options?: ObjectOptions) =>
  Type.Object(properties, { additionalProperties: false, ...options });

import { Type, type Static } from '@sinclair/typebox';

/** Every error answer: a stable `error` code the UI translates, and a plain-language `message`. */
export const ErrorBody = Type.Object(
  {
    error: Type.String(),
    message: Type.String(),
    /** The request field at fault, when one is (validation): the UI names it in the user's language. */
    field: Type.Optional(Type.String()),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;

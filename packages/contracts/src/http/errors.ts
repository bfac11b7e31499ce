import { Type, type Static } from '@sinclair/typebox';

/** Every error answer: a stable `error` code the UI translates, and a plain-language `message`. */
export const ErrorBody = Type.Object({ error: Type.String(), message: Type.String() }, { $id: 'ErrorBody' });
export type ErrorBody = Static<typeof ErrorBody>;

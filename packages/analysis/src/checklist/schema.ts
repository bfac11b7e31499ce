import { Type, type Static } from '@sinclair/typebox';

/**
 * A cue: one way of saying an item, as a token pattern (see README «Pattern syntax»):
 * slots separated by spaces, alternatives by `|`, `word` matches by stem, `pre*` by prefix,
 * `<num> <pct> <amount> <date> <weekday> <month>` match read numbers and dates, `?` after a slot
 * makes it optional.
 */
export const CueSpec = Type.Union([
  Type.String({ minLength: 1 }),
  Type.Object(
    {
      pattern: Type.String({ minLength: 1 }),
      /** Words allowed between two slots (default 2). */
      gap: Type.Optional(Type.Integer({ minimum: 0, maximum: 8 })),
      /** What was said, for values and sanction kinds (e.g. `deferral`, `penalty`, `legal`). */
      kind: Type.Optional(Type.String()),
      /** `false`: a «не» before the cue is part of it («не позднее пятницы»). Default true. */
      negatable: Type.Optional(Type.Boolean()),
      /** `payment`: the cue counts only when the clause (or the talk just before) is about payment. */
      topic: Type.Optional(Type.Literal('payment')),
      /** Patterns that, found in the same clause, cancel this cue. */
      notWith: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
      /** Words that, right before the cue, cancel it («счёт от третьего марта»). */
      notPrecededBy: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
      /**
       * `arrears`: the cue counts only when its segment is about late payment or debt («пока долг
       * не погашен», «если просрочка», "until it's cleared"): «карты блокируем» alone is not a sanction.
       */
      needs: Type.Optional(Type.Union([Type.Literal('arrears'), Type.Literal('arrearsBefore')])),
      /**
       * Item ids whose cues inside this cue's match are not stated: «снимем отсрочку», «лимит
       * заморозим» name a term only as the thing taken away (a sanction, not payment terms).
       */
      overrides: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }))),
    },
    { additionalProperties: false },
  ),
]);
export type CueSpec = Static<typeof CueSpec>;

const PerLanguage = <T extends ReturnType<typeof Type.Array>>(t: T) =>
  Type.Object({ ru: Type.Optional(t), en: Type.Optional(t) }, { additionalProperties: false });

export const QuestionSpec = Type.Object(
  {
    pattern: Type.String({ minLength: 1 }),
    answer: Type.String({ minLength: 1 }),
    kind: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ItemSpec = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    title: Type.Optional(Type.String()),
    cues: PerLanguage(Type.Array(CueSpec)),
    /** A question about the item («а лимит какой?») whose answer states it when it has `answer`. */
    questions: Type.Optional(PerLanguage(Type.Array(QuestionSpec))),
    /** Patterns that cancel any cue of this item found in the same clause. */
    notWith: Type.Optional(PerLanguage(Type.Array(Type.String({ minLength: 1 })))),
    /** In an extending checklist: add these cues to the parent's item of the same id instead of replacing it. */
    merge: Type.Optional(Type.Boolean()),
    /** In an extending checklist: drop the parent's item of this id. */
    remove: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ItemSpec = Static<typeof ItemSpec>;

export const ChecklistSpec = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    version: Type.String({ minLength: 1 }),
    title: Type.Optional(Type.String()),
    /**
     * `arrears`: every call of this type is about an overdue payment (a collection call), so cues
     * with `needs: "arrears"` («отгрузки приостановлены») count without a word about the debt.
     */
    about: Type.Optional(Type.Literal('arrears')),
    /** Id of a default checklist (`credit_negotiation`, `collection`) whose items this one starts from. */
    extends: Type.Optional(Type.String()),
    items: Type.Array(ItemSpec),
    /**
     * Words and phrases a speech-to-text engine should expect in these calls (its vocabulary prompt):
     * the company's payment vocabulary, product names, document names («акт сверки»). Extending
     * checklists add to their parent's.
     */
    vocabulary: Type.Optional(PerLanguage(Type.Array(Type.String({ minLength: 1, maxLength: 60 })))),
    deflection: Type.Optional(
      Type.Object(
        {
          evasion: PerLanguage(Type.Array(Type.String({ minLength: 1 }))),
          waiver: Type.Optional(PerLanguage(Type.Array(Type.String({ minLength: 1 })))),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ChecklistSpec = Static<typeof ChecklistSpec>;

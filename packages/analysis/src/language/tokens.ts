/** One token of a clause, after normalisation, number reading and stemming. */
export interface Token {
  /** Lower-case surface form (ё→е); for a number read from words, the words joined by spaces. */
  text: string;
  stem: string;
  /** A number: its value (a spoken «ноль целых одна десятая» becomes 0.1). */
  num?: number;
  ordinal?: boolean;
  /** Russian genitive/neuter ordinal or English "the 14th": can name a day of the month. */
  dayForm?: boolean;
  /** Followed by % / «процент» / "percent". */
  percent?: boolean;
  /** Scaled by тысяча / миллион / k: a money amount. */
  amount?: boolean;
  /** ISO weekday 1..7 or month 1..12 when the word names one. */
  weekday?: number;
  month?: number;
  /** A comma or dash stands right before this token (limits negation scope). */
  sep?: boolean;
}

import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

/**
 * How guessable a password is, by zxcvbn-ts — the maintained TypeScript port of Dropbox's zxcvbn.
 * Why this library: it estimates guesses against what attackers actually try first — its list of
 * ~49,000 most common leaked passwords, English words, names and Wikipedia terms, keyboard walks
 * (qwertyuiop), sequences (1234567890), repeats, dates and l33t substitutions — and it takes the
 * person's own email and name as a dictionary, all offline (a self-hosted install may have no
 * internet, so breach-lookup services are out). A hand-made blocklist would miss the variants.
 *
 * Rules: score at least 3 of 4 ("safely unguessable": over 10^8 guesses), and not made from the
 * person's email or name plus a few characters.
 */
export const MIN_PASSWORD_SCORE = 3;
/** Characters a password needs beyond the parts of the email and name it contains. */
const MIN_OWN_CHARACTERS = 6;

let factory: ZxcvbnFactory | undefined;
/** Built once, on first use: loading the dictionaries takes about a second. */
function zxcvbn(): ZxcvbnFactory {
  return (factory ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...englishDictionary },
  }));
}

/** The email, its local part and domain words, and the name's words: what a person builds passwords from. */
export function personalWords(email?: string, name?: string | null): string[] {
  const words = new Set<string>();
  for (const text of [email, name]) {
    if (!text) continue;
    words.add(text.toLowerCase());
    for (const part of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** A plain-language reason the password is too easy to guess, or null. */
export async function guessabilityProblem(
  password: string,
  email?: string,
  name?: string | null,
): Promise<string | null> {
  const words = personalWords(email, name);
  // What is left once every part of the email and name is taken out: "ivanov.petr2024" leaves ".2024".
  let own = password.toLowerCase();
  for (const word of [...words].sort((a, b) => b.length - a.length)) own = own.split(word).join('');
  if (own.length < password.length && own.length < MIN_OWN_CHARACTERS) {
    return 'The password is made from your name or email; choose one that is not.';
  }
  const result = await zxcvbn().check(password, words);
  if (result.score < MIN_PASSWORD_SCORE) {
    const why = result.feedback.warning
      ? ` (${result.feedback.warning.replace(/\.$/, '').toLowerCase()})`
      : '';
    return `The password is too easy to guess${why}. Choose a longer one, for example a few unrelated words.`;
  }
  return null;
}

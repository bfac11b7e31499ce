import type { CallType } from '@onterms/contracts';

/** A cue as the checklist format has it: a phrase (pattern) or an object with options. */
type Cue = string | { pattern: string; [option: string]: unknown };
type Language = 'ru' | 'en';

/** One item of a company checklist (the analysis' checklist format); options the form does not edit are kept. */
export interface DraftItem {
  id: string;
  title?: string;
  cues: Partial<Record<Language, Cue[]>>;
  merge?: boolean;
  remove?: boolean;
  [option: string]: unknown;
}

/** A company checklist document as the form edits it; fields the form does not show are kept as imported. */
export interface ChecklistDraft {
  id: string;
  version: string;
  extends?: string;
  items: DraftItem[];
  [field: string]: unknown;
}

/** A first company checklist: the default one for the call type, and no items of the company's own yet. */
export const emptyChecklist = (callType: CallType): ChecklistDraft => ({
  id: 'company',
  version: '1',
  extends: callType,
  items: [],
});

/** The phrases of a language, one a line (advanced cues — objects with options — are edited in JSON). */
export const phrasesOf = (item: DraftItem, lang: Language): string =>
  (item.cues[lang] ?? []).filter((c): c is string => typeof c === 'string').join('\n');

export const advancedCues = (item: DraftItem, lang: Language): number =>
  (item.cues[lang] ?? []).filter((c) => typeof c !== 'string').length;

/** Replaces a language's phrases by the lines typed, keeping its advanced cues; no phrases: no key. */
export function withPhrases(item: DraftItem, lang: Language, text: string): DraftItem {
  const phrases = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const kept = (item.cues[lang] ?? []).filter((c) => typeof c !== 'string');
  const cues = { ...item.cues };
  if (phrases.length + kept.length) cues[lang] = [...phrases, ...kept];
  else delete cues[lang];
  return { ...item, cues };
}

/** Moves an item up (-1) or down (+1); out of range: unchanged. */
export function moveItem(items: DraftItem[], index: number, by: -1 | 1): DraftItem[] {
  const to = index + by;
  if (to < 0 || to >= items.length) return items;
  const next = [...items];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** The next free item code: `item_1`, `item_2`… (the director renames it). */
export function newItem(items: DraftItem[]): DraftItem {
  let n = items.length + 1;
  while (items.some((i) => i.id === `item_${n}`)) n++;
  return { id: `item_${n}`, title: '', cues: {} };
}

/** Where in the form a server error's JSON path points: an item's field, the item, or the document. */
export type ErrorPlace =
  { item: number; field: 'id' | 'title' | Language | null } | { item: null; field: null };

export function placeOf(path: string | undefined): ErrorPlace {
  const m = /^\/items\/(\d+)(?:\/(id|title|cues\/(ru|en)))?/.exec(path ?? '');
  if (!m) return { item: null, field: null };
  const field = m[3] ? (m[3] as Language) : ((m[2] as 'id' | 'title' | undefined) ?? null);
  return { item: Number(m[1]), field };
}

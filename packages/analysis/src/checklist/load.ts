import { Value, type ValueError } from '@sinclair/typebox/value';
import { ChecklistSpec, type ItemSpec } from './schema.ts';
import { ChecklistError } from './errors.ts';
import { compileChecklist, type CompiledChecklist } from './compile.ts';
import creditNegotiation from '../../checklists/credit_negotiation.json' with { type: 'json' };
import collection from '../../checklists/collection.json' with { type: 'json' };

/** The default checklists, by id (= call type). Data files, imported so the library needs no fs. */
export const DEFAULT_CHECKLISTS: Record<string, unknown> = {
  credit_negotiation: creditNegotiation,
  collection,
};

/** For a union (a cue is a string or an object), the most specific error among its branches. */
export function deepest(e: ValueError | undefined): ValueError | undefined {
  if (!e || !e.errors.length) return e;
  let best = e;
  for (const it of e.errors) {
    const d = deepest(it.First());
    if (d && d.path.length > best.path.length) best = d;
  }
  return best;
}

/** Validates a checklist document; throws ChecklistError naming the path of the first bad field. */
export function validateChecklist(doc: unknown): ChecklistSpec {
  if (!Value.Check(ChecklistSpec, doc)) {
    const first = deepest(Value.Errors(ChecklistSpec, doc).First());
    const path = first?.path || '/';
    throw new ChecklistError(`${path}: ${first?.message ?? 'invalid checklist'}`);
  }
  const ids = new Set<string>();
  doc.items.forEach((it, i) => {
    if (ids.has(it.id) && !it.merge && !it.remove)
      throw new ChecklistError(`/items/${i}/id: duplicate item id «${it.id}»`);
    ids.add(it.id);
  });
  return doc;
}

/** Resolves `extends`: parent items first, then this checklist's items added, merged or removed. */
function resolve(spec: ChecklistSpec, depth = 0): ChecklistSpec {
  if (!spec.extends) return spec;
  if (depth > 4) throw new ChecklistError('/extends: too deep (a cycle?)');
  const parentDoc = DEFAULT_CHECKLISTS[spec.extends];
  if (!parentDoc)
    throw new ChecklistError(
      `/extends: unknown checklist «${spec.extends}» (known: ${Object.keys(DEFAULT_CHECKLISTS).join(', ')})`,
    );
  const parent = resolve(validateChecklist(parentDoc), depth + 1);
  const items: ItemSpec[] = parent.items.map((i) => structuredClone(i));
  for (const it of spec.items) {
    const at = items.findIndex((p) => p.id === it.id);
    if (it.remove) {
      if (at >= 0) items.splice(at, 1);
    } else if (it.merge && at >= 0) {
      const p = items[at]!;
      for (const lang of ['ru', 'en'] as const) {
        const add = it.cues[lang];
        if (add) p.cues[lang] = [...(p.cues[lang] ?? []), ...add];
      }
    } else if (at >= 0) items[at] = it;
    else items.push(it);
  }
  const deflection = spec.deflection ?? parent.deflection;
  const vocabulary = {
    ru: [...new Set([...(parent.vocabulary?.ru ?? []), ...(spec.vocabulary?.ru ?? [])])],
    en: [...new Set([...(parent.vocabulary?.en ?? []), ...(spec.vocabulary?.en ?? [])])],
  };
  return {
    id: spec.id,
    version: spec.version,
    ...(spec.title ? { title: spec.title } : {}),
    ...((spec.about ?? parent.about) ? { about: spec.about ?? parent.about } : {}),
    items,
    vocabulary,
    ...(deflection ? { deflection } : {}),
  };
}

const compiledCache = new Map<string, CompiledChecklist>();

/** Validates, resolves and compiles a checklist document (a default one is compiled once). */
export function loadChecklist(doc: unknown): CompiledChecklist {
  return compileChecklist(resolve(validateChecklist(doc)));
}

export function defaultChecklist(callType: string): CompiledChecklist {
  const id = DEFAULT_CHECKLISTS[callType] ? callType : 'credit_negotiation';
  let c = compiledCache.get(id);
  if (!c) {
    c = loadChecklist(DEFAULT_CHECKLISTS[id]);
    compiledCache.set(id, c);
  }
  return c;
}

/**
 * The words a speech-to-text engine should expect in a call of this type and language — the default
 * checklist's `vocabulary`, for the engine's prompt. Empty for an unknown language.
 */
export function checklistVocabulary(callType: string, language: 'ru' | 'en' | null): string[] {
  const { vocabulary } = defaultChecklist(callType);
  return language ? vocabulary[language] : [...vocabulary.ru, ...vocabulary.en];
}

import type { Language } from '@onterms/contracts';
import type { ChecklistSpec, CueSpec } from './schema.ts';
import { compilePattern, Lexicon, PatternError, type Pattern } from '../patterns/pattern.ts';
import { PatternSet } from '../patterns/pattern-set.ts';
import { MARKERS, type Markers } from '../language/markers.ts';
import { ChecklistError } from './errors.ts';
import type { MarkCategory } from '../clauses/marks.ts';

// markers whose words may have others between them («я вам, Денис, неустойку выставлю»)
const GAPPED = new Set<keyof Markers>([
  'hypothetical',
  'theirCustomers',
  'clientImposes',
  'appliesElsewhere',
]);

export interface CueMeta {
  item: number;
  kind: string;
  negatable: boolean;
  topic: 'payment' | null;
  notWith: PatternSet<null> | null;
  notPrecededBy: Set<string>;
  needs: 'arrears' | 'arrearsBefore' | null;
  /** Item indexes whose cues inside this cue's match are cancelled. */
  overrides: number[];
}
export interface QuestionMeta {
  item: number;
  answer: Pattern;
  kind: string;
}

/** Everything one language needs, compiled: cues of all items, markers, deflection phrases. */
export interface LanguageRules {
  lex: Lexicon;
  /** The checklist's calls are about overdue debt (collection): cues that need arrears talk always have it. */
  aboutArrears: boolean;
  /** Item ids by index (a frame rule may concern one item of a cue that states two). */
  itemIds: string[];
  cues: PatternSet<CueMeta>;
  questions: PatternSet<QuestionMeta>;
  itemNotWith: (PatternSet<null> | null)[];
  evasion: PatternSet<null>;
  waiver: PatternSet<null>;
  markers: { [K in keyof Markers]: PatternSet<null> };
  /** All markers, evasion and waiver phrases in one set, scanned once per clause. */
  allMarks: PatternSet<MarkCategory>;
}

export interface CompiledChecklist {
  id: string;
  version: string;
  items: { id: string; title: string }[];
  languages: Record<Language, LanguageRules>;
  /** What a speech-to-text engine should expect in these calls, per language (its vocabulary prompt). */
  vocabulary: Record<Language, string[]>;
}

const LANGS: Language[] = ['ru', 'en'];

function set(lex: Lexicon, sources: string[], where: string, gap = 1): PatternSet<null> {
  const s = new PatternSet<null>(lex);
  sources.forEach((src, i) => {
    try {
      s.add(compilePattern(src, lex, gap, false), null);
    } catch (e) {
      throw new ChecklistError(`${where}/${i}: ${(e as Error).message}`);
    }
  });
  return s;
}

function cueObject(c: CueSpec): Exclude<CueSpec, string> {
  return typeof c === 'string' ? { pattern: c } : c;
}

/** Compiles a validated (and already merged) checklist. Errors name the path of the bad pattern. */
export function compileChecklist(spec: ChecklistSpec): CompiledChecklist {
  const languages = {} as Record<Language, LanguageRules>;
  for (const lang of LANGS) {
    const lex = new Lexicon(lang);
    const cues = new PatternSet<CueMeta>(lex);
    const questions = new PatternSet<QuestionMeta>(lex);
    const itemNotWith: (PatternSet<null> | null)[] = [];
    spec.items.forEach((item, ii) => {
      (item.cues[lang] ?? []).forEach((raw, ci) => {
        const c = cueObject(raw);
        const where = `/items/${ii}/cues/${lang}/${ci}`;
        let p: Pattern;
        try {
          p = compilePattern(c.pattern, lex, c.gap ?? 2);
        } catch (e) {
          if (e instanceof PatternError) throw new ChecklistError(`${where}/pattern: ${e.message}`);
          throw e;
        }
        cues.add(p, {
          item: ii,
          kind: c.kind ?? item.id,
          negatable: c.negatable ?? true,
          topic: c.topic ?? null,
          notWith: c.notWith ? set(lex, c.notWith, `${where}/notWith`) : null,
          notPrecededBy: new Set((c.notPrecededBy ?? []).map((w) => w.toLowerCase())),
          needs: c.needs ?? null,
          overrides: (c.overrides ?? []).map((id, oi) => {
            const at = spec.items.findIndex((it) => it.id === id);
            if (at < 0) throw new ChecklistError(`${where}/overrides/${oi}: unknown item «${id}»`);
            return at;
          }),
        });
      });
      (item.questions?.[lang] ?? []).forEach((q, qi) => {
        const where = `/items/${ii}/questions/${lang}/${qi}`;
        try {
          questions.add(compilePattern(q.pattern, lex, 2), {
            item: ii,
            answer: compilePattern(q.answer, lex, 2),
            kind: q.kind ?? item.id,
          });
        } catch (e) {
          throw new ChecklistError(`${where}: ${(e as Error).message}`);
        }
      });
      const nw = item.notWith?.[lang];
      itemNotWith.push(nw ? set(lex, nw, `/items/${ii}/notWith/${lang}`) : null);
    });
    const m = MARKERS[lang];
    const markers = {} as LanguageRules['markers'];
    // Grammar markers are fixed phrases (gap 0); «у других … поставщиков» may have words between.
    for (const k of Object.keys(m) as (keyof Markers)[])
      markers[k] = set(lex, m[k], `markers/${lang}/${k}`, GAPPED.has(k) ? 2 : 0);
    languages[lang] = {
      lex,
      aboutArrears: spec.about === 'arrears',
      itemIds: spec.items.map((i) => i.id),
      cues,
      questions,
      itemNotWith,
      evasion: set(lex, spec.deflection?.evasion[lang] ?? [], `/deflection/evasion/${lang}`),
      waiver: set(lex, spec.deflection?.waiver?.[lang] ?? [], `/deflection/waiver/${lang}`),
      markers,
      allMarks: (() => {
        const all = new PatternSet<MarkCategory>(lex);
        for (const k of Object.keys(m) as (keyof Markers)[])
          for (const p of markers[k].patterns) all.add(p, k);
        for (const p of set(lex, spec.deflection?.evasion[lang] ?? [], `/deflection/evasion/${lang}`)
          .patterns)
          all.add(p, 'evasion');
        for (const p of set(lex, spec.deflection?.waiver?.[lang] ?? [], `/deflection/waiver/${lang}`)
          .patterns)
          all.add(p, 'waiver');
        return all;
      })(),
    };
  }
  return {
    id: spec.id,
    version: spec.version,
    items: spec.items.map((i) => ({ id: i.id, title: i.title ?? i.id })),
    languages,
    vocabulary: { ru: spec.vocabulary?.ru ?? [], en: spec.vocabulary?.en ?? [] },
  };
}

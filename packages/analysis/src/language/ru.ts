import type { LanguageData } from './language-data.ts';

/** Russian word data shared by the tokenizer, the clause readings and the value readers. */
export const RU: LanguageData = {
  // «тридцать дней», «две недели», «месяц»
  dayUnits: [
    [/^(ден|дн|сут)/, 1],
    [/^недел/, 7],
    [/^месяц/, 30],
  ],
  // «тридцать календарных / банковских / рабочих дней»: still days
  dayQualifiers: /^(календарн|банковск|рабоч)/,
  // a contrastive conjunction opens a new clause: «у других бывают штрафы, а мы …»
  contrast: new Set(['а', 'но', 'однако']),
  // negators that scope over the noun right after them («без штрафов», «никаких пени»)
  nounNegators: new Set(['без', 'никаких', 'никакой', 'никакие', 'ни']),
  // an existential «нет» after the noun closes a longer stretch («штрафов за просрочку у нас нет»)
  postposedNegators: new Set(['нет', 'нету', 'никогда']),
};

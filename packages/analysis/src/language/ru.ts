import type { LanguageData } from './language-data.ts';

/** Russian word data shared by the tokenizer, the clause readings and the value readers. */
export const RU: LanguageData = {
  // «тридцать дней», «две недели», «месяц»
  dayUnits: [
    [/^(ден|дн|сут)/, 1],
    [/^недел/, 7],
    [/^месяц/, 30],
  ],
  periodAnchors: [
    [/^отгруз/, 'shipment'],
    [/^(постав|получен|приемк|доставк)/, 'delivery'],
    [/^(сч[её]т|упд|накладн|выставлен)/, 'invoice'],
    [/^(договор|подписан)/, 'contract'],
  ],
  eventWords: /^(отгруз|отгруж|поставк|постав(ил|им|ят)|достав|подписа|приех|приед|пришл|получ|накладн)/,
  creditWords: /^(отсроч|нетто)/,
  // «тридцать календарных / банковских / рабочих дней»: still days
  dayQualifiers: /^(календарн|банковск|рабоч)/,
  // a rate's period («0,1 % в день», «2 % в месяц», «годовых»), by the words after it
  ratePeriods: [
    [/(день|дня|сутки|суток|ежедневн)/, 'day'],
    [/недел/, 'week'],
    [/месяц|ежемесячн/, 'month'],
    [/год|годовых/, 'year'],
  ],
  ratePeriodLead: /^(в|за|каждый|день|дня|сутки|суток|месяц|неделю)$/,
  ratePeriodWord: /^(день|дня|сутки|суток|месяц|неделю)$/,
  monthlyBefore: /ежемесячн/,
  // «стопроцентная / полная предоплата», «половина вперёд»
  prepaymentShares: [
    [/^(стопроцентн|полн(ая|ой|ую)$)/, 100],
    [/^половин/, 50],
  ],
  // a contrastive conjunction opens a new clause: «у других бывают штрафы, а мы …»
  contrast: new Set(['а', 'но', 'однако']),
  // every negator; «отменили», «убрали» take a term away as much as «не»
  negators: ['не', 'нет', 'нету', 'без', 'никаких', 'никакой', 'никакие', 'ни', 'отменил*', 'убрал*'],
  // a phrase does not end on a preposition or a conjunction: «отсрочка будет в» | «…»
  danglingEnds: new Set([
    'в',
    'во',
    'на',
    'до',
    'с',
    'со',
    'по',
    'от',
    'к',
    'ко',
    'за',
    'через',
    'и',
    'или',
    'что',
    'чтобы',
    'под',
    'при',
  ]),
  // negators that scope over the noun right after them («без штрафов», «никаких пени»)
  nounNegators: new Set(['без', 'никаких', 'никакой', 'никакие', 'ни']),
  // an existential «нет» after the noun closes a longer stretch («штрафов за просрочку у нас нет»)
  postposedNegators: new Set(['нет', 'нету', 'никогда']),
  // «не позднее», «не более»: a limit, not a negation
  limiters: new Set(['позднее', 'позже', 'более', 'больше', 'менее', 'меньше', 'раньше', 'ранее']),
  // rules-1.9.0 (aflags2): «через две недели после того, как машина разгрузится»: the anchor's words
  anchorPrepositions: new Set(['после', 'с', 'со', 'от']),
  // rules-1.9.0 (aflags2): «без проблем», «не проблема», «без вопросов», «не вопрос» assent
  assentAfterNegator: new Set(['проблем', 'проблема', 'проблемы', 'вопрос', 'вопросов']),
  bareNo: new Set(['не', 'нет']),
  subjects: new Set(['у', 'мы', 'я', 'наш', 'наша', 'наши', 'это']),
  // «пени у нас для салонов не предусмотрены», «штрафы с постоянных клиентов не берём»
  waiverVerbs: /^(предусм|начисл|бер[её]м|берут|взим|взыск|применя|примен|действу|быва|ставим|выставл)/,
};

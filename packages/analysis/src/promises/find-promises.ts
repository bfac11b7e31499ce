import type { Language, Moment, PaymentPromise, PromiseDue, Segment } from '@onterms/contracts';
import { tokenize } from '../language/tokenize.ts';
import type { Token } from '../language/tokens.ts';
import { PROMISE_WORDS, type PromiseWords } from './words.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** A deadline found in a clause, with the tokens it spans. */
interface DateSpan {
  start: number;
  end: number;
  due: PromiseDue;
}

/**
 * What one clause says about paying by a date, before the speaker rules decide whether it is a promise:
 * a commitment («оплатим до пятницы»), a proposal («давайте до пятницы?»), or a restatement — an amount
 * or "all of it" by a date with no verb, the way a rep writes a promise down («Фиксирую: сто тысяч до
 * пятницы»), which commits nobody until the other side says yes.
 */
interface Reading {
  kind: 'commitment' | 'proposal' | 'restatement';
  /** A proposal said as an offer («давайте до пятого»), not asked («а в пятницу?»). */
  offer?: boolean;
  items: { due: PromiseDue; amount?: number; currency?: string; full?: boolean }[];
}

/** How a call names its sums: in Russian collection talk «двести сорок» means thousands once thousands are said. */
interface Scale {
  thousands: boolean;
}

/**
 * The promises to pay in a collection call (spec/flags.md «Promises to pay»): a commitment to pay all or
 * part of the debt by a point in time, said by the client — or by anyone in a mono call — or proposed by
 * the rep and accepted by the client. Questions, hypotheticals, vague intentions («постараемся на днях»,
 * "as soon as we can"), refusals and commitments without a date are not promises. Pure: no I/O.
 */
export function findPromises(segments: Segment[], language: Language): PaymentPromise[] {
  const words = PROMISE_WORDS[language];
  const scale: Scale = {
    thousands: language === 'ru' && segments.some((s) => saysThousands(s.text, language)),
  };
  const found: PaymentPromise[] = [];
  let pending: { segment: number; reading: Reading; verbless: boolean; proposes: boolean } | null = null;
  // rules-1.13.0 `splitTurns`: whether the commitment of the segment before carries into this one
  let carried = false;

  segments.forEach((segment, index) => {
    // (in mono two segments in a row are as likely two voices as one: nothing carries)
    const sameVoice =
      index > 0 && segment.speaker !== 'unknown' && segments[index - 1]!.speaker === segment.speaker;
    const read = readSegment(segment.text, language, words, scale, carried && sameVoice);
    const readings = read.readings;
    carried = read.carried;
    const accepted =
      pending &&
      pending.segment === index - 1 &&
      ((speaksFor(segment, segments[pending.segment]!) &&
        (agrees(segment.text, language, words) ||
          confirms(segment.text, readings, pending.reading, language, words))) ||
        (pending.verbless &&
          repTakesClientSum(
            segment,
            segments[pending.segment]!,
            readings,
            pending.reading,
            pending.proposes,
            language,
            words,
          )));
    const proposal = pending;
    pending = null;

    // «Когда закроете?» — «Двести тысяч — в пятницу.»: the client's sum and date answering the rep's
    // question commit as if said with a verb.
    const answer =
      segment.speaker === 'client' && asks(segments[index - 1], language, words)
        ? readings.filter((r) => r.kind === 'restatement')
        : [];
    const own = [...readings.filter((r) => r.kind === 'commitment'), ...answer];
    if (own.length && segment.speaker !== 'rep') {
      // …but not when the client promises a part of it («часть», "half")
      const partial = tokenize(segment.text, language).some((c) =>
        c.tokens.some((t) => words.part.test(t.text)),
      );
      const named =
        segment.speaker === 'client' && !partial
          ? sumSaidBy(segments[index - 1], language, words, scale)
          : null;
      // «…а остальные восемьсот?» — «Остальные до двадцать пятого закроем»: the rest the rep just put a sum on
      const rest =
        segment.speaker === 'client' ? restSaidBy(segments[index - 1], language, words, scale) : null;
      for (const r of own) {
        for (const item of r.items) {
          // «Да, до пятницы заплатим» after «давайте до пятницы?»: the proposal is part of the promise.
          const echoes =
            proposal?.reading.items.some((p) => sameDue(p.due, item.due)) && proposal.segment === index - 1;
          // «Счёт на сто восемьдесят тысяч пришлю» — «Оплатим завтра»: the sum just named is what is promised
          const withSum =
            item.amount === undefined && !item.full && named
              ? { ...item, ...named }
              : item.amount === undefined && item.full && rest
                ? { ...item, ...rest }
                : item;
          add(found, withSum, echoes ? [proposal!.segment, index] : [index], segments);
        }
      }
      return;
    }
    if (accepted && proposal) {
      for (const item of proposal.reading.items) add(found, item, [proposal.segment, index], segments);
      // the rep taking the client's words goes on below: it may name the sum they left out («остаток до
      // конца месяца» — «хорошо, … и сто до конца месяца»), and the client's «да» to it is a moment too;
      // rules-1.10.1: so does anyone's reply in a mono call («Тридцать сегодня, пятьдесят одну в течение недели»)
      if (segment.speaker === 'client') return;
    }
    // The rep's own "so, by Friday?", «оплатите до пятницы» or «записываю: сто тысяч до пятницы» is a
    // promise only once the client agrees — unless it echoes what the client has just promised.
    const offered = readings.filter(
      (r) => r.kind !== 'commitment' || (segment.speaker === 'rep' && r === own[0]),
    );
    const items = echoPrevious(
      found,
      offered.flatMap((r) => r.items),
      index,
      segments,
    );
    // rules-1.13.0 `clientCounters`: «Миллион двести — до тридцатого» — «Тяжело. Давайте до пятого декабря»:
    // the client offering another date for the sum the rep just proposed offers to pay that sum then
    const counters =
      segment.speaker === 'client' &&
      offered.some((r) => r.offer) &&
      proposal?.segment === index - 1 &&
      segments[proposal.segment]!.speaker === 'rep' &&
      proposal.reading.items.length === 1;
    const sum = counters ? proposal!.reading.items[0]! : null;
    if (items.length)
      pending = {
        segment: index,
        reading: {
          kind: 'proposal',
          items: items.map((i) =>
            sum && i.amount === undefined && !i.full
              ? {
                  ...i,
                  ...(sum.amount !== undefined && { amount: sum.amount }),
                  ...(sum.currency && { currency: sum.currency }),
                  ...(sum.full && { full: true }),
                }
              : i,
          ),
        },
        proposes: counters,
        verbless: tokenize(segment.text, language).every(
          (c) => commitmentAt(mergeNumbers(c.tokens, scale, words), language, words) < 0,
        ),
      };
  });
  return found;
}

/** How many of the rep's first turns show what the call is about. */
const OPENING_TURNS = 3;

/**
 * rules-1.8.1 `opensOnDebt`: a call whose rep names an overdue debt in the first turns is about the
 * debt, whatever type the call was filed under: its promises to pay are looked for too.
 */
export function opensOnDebt(segments: Segment[], language: Language): boolean {
  const words = PROMISE_WORDS[language];
  return segments
    .filter((s) => s.speaker !== 'client')
    .slice(0, OPENING_TURNS)
    .some((s) =>
      tokenize(s.text, language).some(
        (c) =>
          !c.questionMark &&
          // «при просрочке пени», "if anything is overdue": a condition, not a debt there is
          !c.tokens.some((t) => words.vague.test(t.text) || t.text === 'при') &&
          (c.tokens.some((t) => words.debt.test(t.text)) ||
            c.tokens.some((t, i) => t.text === 'past' && c.tokens[i + 1]?.text === 'due')),
      ),
    );
}

/**
 * The rep repeats the promise the client made in the segment before («Понедельник, $14 400»): the echo
 * adds what the client left out (the amount) and its moment to that promise. Returns the echo's items,
 * with the deadlines of the promises they read back.
 */
function echoPrevious(
  found: PaymentPromise[],
  items: Reading['items'],
  index: number,
  segments: Segment[],
): Reading['items'] {
  // rules-1.13.0 `splitTurns`: the other side's whole last turn, however many segments ASR cut it into
  // («половину на этой неделе переведём» / «а вторую половину до конца месяца» — «то есть девяносто до
  // пятницы и девяносто до тридцатого»); in mono nobody's turn is known, so the segment before
  const turn = lastTurn(segments, index);
  const previous = found.filter((p) => p.moments.some((m) => turn.includes(m.segment)));
  // rules-1.10.1 `readBackRefines`: «мы до конца недели оплатим 1,2 млн» — «1,2 млн до пятницы, хорошо»: a
  // read-back that names each deadline of the promises just made, in order, more precisely (a weekday for
  // the end of the week, a last day of the month for its end) is those promises — the deadline stays as
  // the promiser said it
  const readBack =
    previous.length > 0 &&
    previous.length === items.length &&
    previous.every((p, k) => !sameDue(p.due, items[k]!.due) && refines(p.due, items[k]!.due));
  const echoed = readBack ? items.map((item, k) => ({ ...item, due: previous[k]!.due })) : items;
  for (const item of echoed) {
    if (previous.some((p) => sameDue(p.due, item.due))) add(found, item, [index], segments);
  }
  return echoed;
}

/** The segments of the turn before `index` when another voice said it; in mono, the segment before. */
function lastTurn(segments: Segment[], index: number): number[] {
  const voice = segments[index - 1]?.speaker;
  if (!voice || voice === 'unknown' || voice === segments[index]!.speaker) return [index - 1];
  const turn: number[] = [];
  for (let i = index - 1; i >= 0 && segments[i]!.speaker === voice; i--) turn.push(i);
  return turn;
}

/** `precise` names `loose` more precisely: a weekday for the end of the week, a late day for the end of the month. */
function refines(loose: PromiseDue, precise: PromiseDue): boolean {
  if (loose.anchor === 'end_of_week')
    return precise.weekday !== undefined && precise.dayOfMonth === undefined;
  if (loose.anchor === 'end_of_month') return (precise.dayOfMonth ?? 0) >= 28;
  return false;
}

/**
 * rules-1.8.1 `repTakesClientSum`: the client names a sum by a date without a verb («А остальное,
 * четыреста семьдесят, — в пятницу», «Давай так: миллион во вторник») and the rep takes it — says yes,
 * or reads the same date back («Хорошо, пятница — четыреста семьдесят», «Миллион во вторник. А
 * остальные?»): the client's promise, with both moments.
 */
function repTakesClientSum(
  reply: Segment,
  said: Segment,
  readings: Reading[],
  proposal: Reading,
  proposes: boolean,
  language: Language,
  words: PromiseWords,
): boolean {
  if (reply.speaker !== 'rep' || said.speaker !== 'client') return false;
  // rules-1.13.0 `clientProposes`: «Давайте до пятого декабря» — «Хорошо, пятое декабря»: the client offering
  // a date to pay by needs no sum to be taken at their word
  if (!proposes && !proposal.items.some((i) => i.amount !== undefined || i.full)) return false;
  const first = tokenize(reply.text, language)[0];
  if (first?.tokens.some((t) => words.negator.test(t.text))) return false;
  return (
    agrees(reply.text, language, words) ||
    readings.some(
      (r) => r.kind !== 'proposal' && r.items.some((i) => proposal.items.some((p) => sameDue(p.due, i.due))),
    )
  );
}

/** The rep asks when or how much: a question mark, or «когда», "when", «сколько», "how much" (ASR drops marks). */
function asks(segment: Segment | undefined, language: Language, words: PromiseWords): boolean {
  if (segment?.speaker !== 'rep') return false;
  return tokenize(segment.text, language).some(
    (c) => c.questionMark || c.tokens.some((t) => words.when.test(t.text)),
  );
}

type Money = { amount: number; currency?: string };

/** The one sum `sumsOf` finds in the clauses of the rep's segment, if exactly one. */
function oneSumOfRep(
  segment: Segment | undefined,
  language: Language,
  scale: Scale,
  sumsOf: (toks: Token[]) => (Money | null)[],
): Money | null {
  if (segment?.speaker !== 'rep') return null;
  const sums = tokenize(segment.text, language).flatMap((c) =>
    sumsOf(mergeNumbers(c.tokens, scale, PROMISE_WORDS[language])),
  );
  return sums.length === 1 ? sums[0]! : null;
}

/** The one sum the rep's segment names (an amount scaled by thousands, or with a currency), if exactly one. */
function sumSaidBy(segment: Segment | undefined, language: Language, words: PromiseWords, scale: Scale) {
  return oneSumOfRep(segment, language, scale, (toks) =>
    toks.some((t) => words.past.test(t.text) || words.vague.test(t.text))
      ? []
      : // every sum of the clause, each read with its currency
        toks.flatMap((t, i) =>
          t.amount || (t.num !== undefined && !t.dayForm && t.num >= 1000)
            ? [amountIn(toks.slice(Math.max(0, i - 1), i + 2), words, { thousands: false })]
            : [],
        ),
  );
}

/**
 * rules-1.10.1 `restSaidBy`: the sum the rep's segment puts on "the rest" — «а остальные восемьсот», "and
 * the remaining ninety thousand" — said right after the word for it, if exactly one.
 */
function restSaidBy(segment: Segment | undefined, language: Language, words: PromiseWords, scale: Scale) {
  return oneSumOfRep(segment, language, scale, (toks) =>
    toks.flatMap((t, i) => {
      const money = words.full.test(t.text) ? amountIn(toks.slice(i + 1, i + 4), words, scale) : null;
      return money ? [money] : [];
    }),
  );
}

/** A sum scaled by тысяча / миллион anywhere in the segment. */
function saysThousands(text: string, language: Language): boolean {
  return tokenize(text, language).some((c) => c.tokens.some((t) => t.amount && (t.num ?? 0) >= 1000));
}

/** A reply counts as agreement when it comes from the other side (or nobody is known in mono). */
function speaksFor(reply: Segment, proposal: Segment): boolean {
  if (reply.speaker === 'unknown' || proposal.speaker === 'unknown') return true;
  return reply.speaker === 'client' && proposal.speaker === 'rep';
}

function agrees(text: string, language: Language, words: PromiseWords): boolean {
  const first = tokenize(text, language)[0];
  if (!first || first.questionMark) return false;
  const head = first.tokens.slice(0, 3);
  return (
    head.some((t) => words.agreement.test(t.text)) && !first.tokens.some((t) => words.negator.test(t.text))
  );
}

/**
 * «Сто тысяч до пятницы — да, сделаем»: the reply says the proposal's date again and a yes somewhere in
 * it, not only at its start.
 */
function confirms(
  text: string,
  readings: Reading[],
  proposal: Reading,
  language: Language,
  words: PromiseWords,
): boolean {
  const toks = tokenize(text, language).flatMap((c) => c.tokens);
  if (!toks.some((t) => words.agreement.test(t.text)) || toks.some((t) => words.negator.test(t.text)))
    return false;
  return readings.some((r) => r.items.some((i) => proposal.items.some((p) => sameDue(p.due, i.due))));
}

function add(
  found: PaymentPromise[],
  item: Reading['items'][number],
  at: number[],
  segments: Segment[],
): void {
  const moments: Moment[] = at.map((i) => {
    const s = segments[i]!;
    return { segment: i, start: s.start, end: s.end, speaker: s.speaker, quote: s.text };
  });
  // Said again — a moment later («до пятницы, да, до пятницы») or in the summary at the end of the call:
  // one promise, more moments.
  // A later restatement often names what the first words left out: «остаток закроем до двадцатого» …
  // «триста тысяч до двадцатого» is one promise with its amount.
  const last =
    found.find(
      (p) => sameDue(p.due, item.due) && p.amount === item.amount && Boolean(p.full) === Boolean(item.full),
    ) ??
    found.find(
      (p) =>
        sameDue(p.due, item.due) &&
        (p.amount === undefined || item.amount === undefined || p.amount === item.amount),
    );
  if (last) {
    for (const m of moments) if (!last.moments.some((x) => x.segment === m.segment)) last.moments.push(m);
    // rules-1.10.1: «до тридцатого, да» … «записала: до тридцатого, вся сумма» — "all of it" is filled in the same way;
    // rules-1.13.0 `fullKept`: also beside a sum said first («до 25-го, девять миллионов» — «25-го всю сумму
    // отправлю»): the promiser's own "all of it" is what they promised, the sum only names it
    if (item.full) last.full = true;
    if (last.amount === undefined && item.amount !== undefined) {
      last.amount = item.amount;
      if (item.currency) last.currency = item.currency;
    }
    return;
  }
  const promise: PaymentPromise = { due: item.due, moments };
  if (item.amount !== undefined) promise.amount = item.amount;
  if (item.currency) promise.currency = item.currency;
  if (item.full) promise.full = true;
  found.push(promise);
}

/**
 * One deadline said twice. rules-1.13.0 `dayRestated`: a calendar day said again without its month is that
 * day («миллион до пятнадцатого ноября» — «миллион до пятнадцатого, да»): people drop the month they just heard.
 */
function sameDue(a: PromiseDue, b: PromiseDue): boolean {
  if (JSON.stringify(a) === JSON.stringify(b)) return true;
  const [dated, bare] = a.date ? [a, b] : [b, a];
  return (
    dated.date !== undefined &&
    Object.keys(bare).length === 1 &&
    bare.dayOfMonth !== undefined &&
    Number(dated.date.slice(-2)) === bare.dayOfMonth
  );
}

/**
 * Every clause of a segment that names a deadline, read as a commitment or as a proposal; and whether the
 * last clause's commitment carries on. `carriedIn`: the same voice's segment before ended committing.
 */
function readSegment(
  text: string,
  language: Language,
  words: PromiseWords,
  scale: Scale,
  carriedIn = false,
): { readings: Reading[]; carried: boolean } {
  const out: Reading[] = [];
  // A commitment carries to a verbless clause right after it: «оплатим половину сейчас, а остаток к концу месяца».
  // rules-1.13.0 `splitTurns`: also into the same voice's next segment, when that clause names what is paid
  // («…половину на этой неделе переведём» / «а вторую половину до конца месяца»): ASR cuts a turn anywhere
  let carried = carriedIn;
  let across = carriedIn;
  let opened = false;
  for (const clause of tokenize(text, language)) {
    const toks = mergeNumbers(clause.tokens, scale, words);
    if (across && !toks.some((t) => t.amount || words.part.test(t.text)) && !allOf(toks, words))
      carried = false;
    across = false;
    const joined = toks.map((t) => t.text).join(' ');
    const verb = commitmentAt(toks, language, words);
    // rules-1.10.1: "I can do four hundred on Friday" — the hundreds right after the paying verb are its sum
    // rules-1.13.0 `hundredsAlike`: …and so is every other sum in hundreds of that clause ("I'll do two hundred
    // today and the other two hundred next Friday"): a clause counts its sums one way
    const hundreds = (t: Token | undefined, k: number) =>
      t?.num !== undefined &&
      Number.isInteger(t.num) &&
      t.num >= 100 &&
      !t.dayForm &&
      !t.ordinal &&
      !t.percent &&
      !words.dayUnit.test(toks[k + 1]?.text ?? '');
    if (verb >= 0 && !scale.thousands && hundreds(toks[verb + 1], verb + 1))
      toks.forEach((t, k) => {
        if (k > verb && !t.amount && hundreds(t, k)) toks[k] = { ...t, amount: true };
      });
    // «нет, двадцатого не сможем, до двадцать пятого закроем»: the refused date is not the promise's
    const dates = weekdayRefines(
      readDates(toks, words).filter((d) => !dateOfBefore(toks, d, words) && !refused(toks, d, words)),
      toks,
      words,
    );
    // rules-1.10.1: "I can do four hundred on Friday, when the takings go in" — a «when» after the verb and
    // the date says where the money comes from; it conditions nothing («когда деньги придут, заплатим» does)
    const vague =
      toks.some(
        (t, k) =>
          words.vague.test(t.text) &&
          !(words.source.test(t.text) && verb >= 0 && k > verb && dates.some((d) => d.end < k)),
      ) ||
      words.vaguePhrase.test(joined) ||
      // rules-1.12.0 `thirdPartyPays`: «заказчик заплатит в конце месяца», "the customer will pay us Friday" —
      // the client's own customer paying says where the money comes from, as «как заказчик заплатит» does
      // (after our own verb it only names the source: "we'll pay Monday, when our customer pays us")
      toks.some(
        (t, k) =>
          (verb < 0 || k < verb) &&
          words.thirdParty.test(t.text) &&
          toks.slice(k + 1, k + 3).some((x) => words.anyPay.test(x.text)),
      );
    // «сегодня не успею, завтра оплачу»: a negation does not reach past a date to the verb after it
    const from = Math.max(0, verb - 3);
    const negated =
      verb >= 0 &&
      toks
        .slice(from, verb)
        .some((t, k) => words.negator.test(t.text) && !dates.some((d) => d.start > from + k && d.end < verb));
    const commits: boolean = (verb >= 0 && !negated) || (verb < 0 && carried);
    const proposal =
      !vague &&
      (clause.questionMark || words.proposal.test(toks[0]?.text ?? '') || opened) &&
      !toks.some((t) => words.negator.test(t.text));
    // «Давайте так: двадцать первого…», "Let's say: …": the opener proposes the clause after the colon
    opened = !dates.length && toks.length <= 2 && words.proposal.test(toks[0]?.text ?? '');
    const items = dates.length ? itemsOf(toks, dates, words, scale) : [];
    if (dates.length && proposal) {
      out.push({ kind: 'proposal', items, offer: !clause.questionMark });
    } else if (dates.length && commits && !vague && !clause.questionMark) {
      out.push({ kind: 'commitment', items });
    } else if (
      verb < 0 &&
      !vague &&
      !clause.questionMark &&
      !toks.some((t) => words.negator.test(t.text) || words.past.test(t.text)) &&
      items.some((i) => i.amount !== undefined || i.full)
    ) {
      out.push({ kind: 'restatement', items: items.filter((i) => i.amount !== undefined || i.full) });
    }
    carried = commits && !vague && !clause.questionMark;
  }
  return { readings: out, carried };
}

/** «от третьего», "since the 1st", "the one from the ninth": a document's date, over "the". */
function dateOfBefore(toks: Token[], d: DateSpan, words: PromiseWords): boolean {
  const k = toks[d.start - 1]?.text === 'the' ? d.start - 2 : d.start - 1;
  return words.dateOf.test(toks[k]?.text ?? '');
}

/** «сегодня уже не успею», "Friday won't work": a negation right after a date refuses it. */
function refused(toks: Token[], d: DateSpan, words: PromiseWords): boolean {
  return toks.slice(d.end + 1, d.end + 3).some((t) => words.negator.test(t.text));
}

/**
 * A week and a weekday in one breath name one deadline: "half this week, £3,600 by Friday" is the
 * weekday; «до конца недели, в пятницу» keeps the end of the week said first in so many words.
 */
function weekdayRefines(dates: DateSpan[], toks: Token[], words: PromiseWords): DateSpan[] {
  const drop = new Set<DateSpan>();
  dates.forEach((d, k) => {
    const next = dates[k + 1];
    if (d.due.anchor !== 'end_of_week' || next?.due.weekday === undefined || next.due.dayOfMonth) return;
    drop.add(words.end.test(toks[d.start]!.text) ? next : d);
  });
  return dates.filter((d) => !drop.has(d));
}

/** Where the clause commits to paying: a pay verb (after "will" in English), or «оплата будет». */
function commitmentAt(toks: Token[], language: Language, words: PromiseWords): number {
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i]!.text;
    if (words.payVerb.test(w)) {
      // «отправим», "send": a payment only when money is what is sent («документы отправим» is not)
      // rules-1.10.1: "I can do four hundred", "do the lot": «do» pays only with money right after it
      if (words.objectOnly.test(w) && !moneyNext(toks, i + 1, words)) continue;
      if (
        words.needsMoney.test(w) &&
        !allOf(toks, words) &&
        !toks.some(
          (t) =>
            words.money.test(t.text) ||
            t.amount ||
            t.num === 0.5 ||
            // rules-1.8.1: «двести восемьдесят закинем» — a bare sum is money too
            (t.num !== undefined && !t.dayForm && !t.ordinal && t.num >= 100),
        )
      )
        continue;
      if (language === 'ru') {
        // the infinitive commits only after «будем», «обещаю», «сможем»…: «оплатить до пятницы» alone is a demand
        if (!/ть$/.test(w) || toks.slice(Math.max(0, i - 3), i).some((t) => words.future!.test(t.text)))
          return i;
      } else if (toks.slice(Math.max(0, i - 4), i).some((t) => words.future!.test(t.text))) return i;
      // rules-1.12.0 `presentPay`: "We pay twenty thousand dollars tomorrow" — a first-person present pay
      // verb commits, as «платим в пятницу» does; "we always pay by the 15th" is a habit
      else if (/^(we|i)$/.test(toks[i - 1]?.text ?? '') && !toks.some((t) => words.habit!.test(t.text)))
        return i;
    }
    if (words.payNoun.test(w) && toks.slice(i + 1, i + 4).some((t) => words.beWill.test(t.text))) {
      if (language === 'ru' || toks.slice(i + 1, i + 3).some((t) => t.text === 'will')) return i;
    }
  }
  return -1;
}

/** "150", "000" → 150 000; "40,000" → 40 000 (the tokeniser reads digit groups one by one). */
function mergeNumbers(toks: Token[], scale: Scale, words: PromiseWords): Token[] {
  const out: Token[] = [];
  for (const t of toks) {
    const prev = out[out.length - 1];
    // rules-1.12.0 `slangThousands`: «двадцатку до среды», «полтинник закину» in a call counting in thousands
    const slang =
      scale.thousands && t.num === undefined && words.slangThousands.find(([re]) => re.test(t.text));
    if (slang) {
      out.push({ ...t, num: slang[1] * 1000, amount: true });
      continue;
    }
    // "one point five million": the spoken decimal kept its words but lost the scale
    const scaled = /(million|миллион\S*)$/.test(t.text) ? 1e6 : /(thousand|тысяч\S*)$/.test(t.text) ? 1e3 : 1;
    if (t.num !== undefined && !t.amount && scaled > 1 && t.num < 1000) {
      out.push({ ...t, num: Math.round(t.num * scaled), amount: true });
      continue;
    }
    // «сорок восемь семьсот»: thousands and hundreds of one sum, said the way people say sums
    if (
      scale.thousands &&
      prev?.num !== undefined &&
      !prev.amount &&
      !prev.dayForm &&
      Number.isInteger(prev.num) &&
      prev.num >= 1 &&
      prev.num < 1000 &&
      t.num !== undefined &&
      !t.amount &&
      !t.dayForm &&
      !t.percent &&
      t.num >= 100 &&
      t.num < 1000 &&
      t.num % 100 === 0 &&
      !/^\d/.test(t.text)
    ) {
      out[out.length - 1] = {
        ...prev,
        text: `${prev.text} ${t.text}`,
        num: prev.num * 1000 + t.num,
        amount: true,
      };
      continue;
    }
    if (
      prev &&
      prev.num !== undefined &&
      !prev.dayForm &&
      /^\d{3}$/.test(t.text) &&
      /^\d{1,3}$/.test(prev.text)
    ) {
      out[out.length - 1] = { ...prev, text: `${prev.text}${t.text}`, num: prev.num * 1000 + Number(t.text) };
      continue;
    }
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t.text)) {
      out.push({ ...t, num: Number(t.text.replace(/,/g, '')) });
      continue;
    }
    out.push(t);
  }
  return out;
}

function readDates(toks: Token[], words: PromiseWords): DateSpan[] {
  const spans: DateSpan[] = [];
  let period: DateSpan | null;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const next = toks[i + 1];
    if (words.today.test(t.text)) spans.push({ start: i, end: i, due: { anchor: 'today' } });
    else if (words.tomorrow.test(t.text)) spans.push({ start: i, end: i, due: { anchor: 'tomorrow' } });
    else if (words.end.test(t.text)) {
      // «конца месяца», «конца следующей недели», "end of the month"
      // «до конца декабря», "the end of December": the end of the month named
      const unit = toks
        .slice(i + 1, i + 4)
        .find(
          (x) =>
            words.week.test(x.text) ||
            words.month.test(x.text) ||
            words.quarter.test(x.text) ||
            x.month !== undefined,
        );
      if (unit) {
        const anchor = words.week.test(unit.text)
          ? 'end_of_week'
          : words.month.test(unit.text) || unit.month !== undefined
            ? 'end_of_month'
            : 'end_of_quarter';
        spans.push({ start: i, end: toks.indexOf(unit, i), due: { anchor } });
      }
    } else if (
      (words.month.test(t.text) || words.week.test(t.text) || words.quarter.test(t.text)) &&
      next &&
      words.end.test(next.text)
    ) {
      // "month end", "month-end"
      const anchor = words.week.test(t.text)
        ? 'end_of_week'
        : words.month.test(t.text)
          ? 'end_of_month'
          : 'end_of_quarter';
      spans.push({ start: i, end: i + 1, due: { anchor } });
      i++;
    } else if (
      words.thisWord.test(t.text) &&
      next &&
      (words.week.test(next.text) || words.month.test(next.text))
    ) {
      spans.push({
        start: i,
        end: i + 1,
        due: { anchor: words.week.test(next.text) ? 'end_of_week' : 'end_of_month' },
      });
      i++;
    } else if (t.weekday !== undefined) {
      const due: PromiseDue = { weekday: t.weekday };
      const day = calendarDay(toks, i + 1);
      if (day) {
        Object.assign(due, day.due);
        spans.push({ start: i, end: day.end, due });
        i = day.end;
      } else spans.push({ start: i, end: i, due });
    } else if (words.inDays.test(t.text) && (period = relativeDays(toks, i, words))) {
      spans.push(period);
      i = period.end;
    } else {
      const day = calendarDay(toks, i);
      if (day) {
        spans.push({ start: i, end: day.end, due: day.due });
        i = day.end;
      }
    }
  }
  return spans;
}

/**
 * rules-1.10.1: a period from now after «через», «в течение», «за», "in", "within" — N days, N working
 * days («трёх банковских дней»), a week or N weeks («в течение недели», "in a week" = 7), a fortnight (14);
 * not «за три дня до …», "… before", which count back from an event.
 */
function relativeDays(toks: Token[], i: number, words: PromiseWords): DateSpan | null {
  let k = i + 1;
  if (toks[k]?.text === 'a') k++;
  const count = toks[k];
  const n =
    count?.num !== undefined && !count.dayForm && !count.amount && !count.percent ? count.num : undefined;
  if (n !== undefined) k++;
  if (
    n !== undefined &&
    words.dayKind.test(toks[k]?.text ?? '') &&
    words.dayUnit.test(toks[k + 1]?.text ?? '')
  )
    k++;
  const unit = toks[k]?.text ?? '';
  const days =
    n !== undefined && words.dayUnit.test(unit)
      ? n
      : words.week.test(unit) && (n !== undefined || toks[k - 1]?.text === 'a' || k === i + 1)
        ? 7 * (n ?? 1)
        : words.fortnight.test(unit)
          ? 14 * (n ?? 1)
          : undefined;
  if (days === undefined || !Number.isInteger(days) || days < 1) return null;
  if (words.before.test(toks[k + 1]?.text ?? '')) return null;
  return { start: i, end: k, due: { days, from: 'unspecified' } };
}

/** A day of the month at `i` («до 20-го», "the 15th"), with its month when one is next to it («20 ноября», "March 3rd"). */
function calendarDay(toks: Token[], i: number): { end: number; due: PromiseDue } | null {
  let t = toks[i];
  let monthTok: Token | undefined;
  let at = i;
  if (t?.month !== undefined && toks[i + 1]?.num !== undefined) {
    monthTok = t;
    at = i + 1;
    t = toks[at];
  }
  if (
    !t ||
    t.num === undefined ||
    !Number.isInteger(t.num) ||
    t.num < 1 ||
    t.num > 31 ||
    t.amount ||
    t.percent
  )
    return null;
  if (!monthTok && toks[at + 1]?.month !== undefined) monthTok = toks[at + 1];
  if (!monthTok && !t.dayForm) return null;
  let end = monthTok && monthTok !== toks[i] ? at + 1 : at;
  if (!monthTok) return { end, due: { dayOfMonth: t.num } };
  const year = toks[end + 1]?.num;
  if (year !== undefined && year >= 2000 && year <= 2100) {
    end++;
    return { end, due: { date: `${year}-${pad(monthTok.month!)}-${pad(t.num)}` } };
  }
  return { end, due: { date: `--${pad(monthTok.month!)}-${pad(t.num)}` } };
}

/** Each deadline with what is promised by it: the amount (and currency) or "all of it" next to it. */
function itemsOf(toks: Token[], dates: DateSpan[], words: PromiseWords, scale: Scale): Reading['items'] {
  return dates.map((d, k) => {
    const before = toks.slice(k === 0 ? 0 : dates[k - 1]!.end + 1, d.start);
    const after = toks.slice(d.end + 1, k + 1 < dates.length ? dates[k + 1]!.start : toks.length);
    const item: Reading['items'][number] = { due: d.due };
    const money = amountIn(before, words, scale) ?? amountIn(after, words, scale);
    if (money) Object.assign(item, money);
    // rules-1.10.1: «всё погасим, всё девяносто шесть», "the full $14,900": all of it and its sum
    if (allOf(before, words) || (dates.length === 1 && allOf(after, words))) item.full = true;
    return item;
  });
}

/** Money at `i`, over "the", "a": "four hundred", "the lot", "half", "£400". */
function moneyNext(toks: Token[], i: number, words: PromiseWords): boolean {
  let k = i;
  while (/^(the|a)$/.test(toks[k]?.text ?? '')) k++;
  const t = toks[k];
  if (!t) return false;
  return (
    t.num === 0.5 ||
    words.part.test(t.text) ||
    words.currency.some(([re]) => re.test(t.text)) ||
    words.money.test(t.text) ||
    allOf(toks.slice(k - 1, k + 1), words) ||
    Boolean(t.amount) ||
    (t.num !== undefined &&
      !t.dayForm &&
      !t.ordinal &&
      t.num >= 100 &&
      !words.dayUnit.test(toks[k + 1]?.text ?? ''))
  );
}

/** "All of it" said in `toks`: «всю сумму», «остаток», "the rest", "the lot". */
function allOf(toks: Token[], words: PromiseWords): boolean {
  return toks.some(
    (t, i) => words.full.test(t.text) || (words.fullAfterThe?.test(t.text) && toks[i - 1]?.text === 'the'),
  );
}

function amountIn(
  toks: Token[],
  words: PromiseWords,
  scale: Scale,
): { amount: number; currency?: string } | null {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.num === undefined || t.dayForm || t.percent || t.num < 1) continue;
    // rules-1.13.0 `countOfDays`: «десять дней — хорошо», "ten days": a count of days is never a sum
    if (words.dayUnit.test(toks[i + 1]?.text ?? '')) continue;
    const currencyAt = [toks[i + 1], toks[i - 1]].find(
      (x) => x && words.currency.some(([re]) => re.test(x.text)),
    );
    const inThousands = scale.thousands && !currencyAt && Number.isInteger(t.num) && t.num >= 10;
    if (!t.amount && t.num < 1000 && !currencyAt && !inThousands) continue;
    const money: { amount: number; currency?: string } = {
      amount: !t.amount && t.num < 1000 && inThousands ? t.num * 1000 : t.num,
    };
    if (currencyAt) money.currency = words.currency.find(([re]) => re.test(currencyAt.text))![1];
    return money;
  }
  return null;
}

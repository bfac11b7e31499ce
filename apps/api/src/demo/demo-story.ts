import { createHash } from 'node:crypto';
import type { CallType, Language, Transcript } from '@onterms/contracts';
import { scriptLines, timedTranscript, type CallScript, type NegotiationScript } from './demo-transcripts.ts';

/**
 * The demo's twelve weeks, planned in memory from one seed: who called whom, when, and what the rep did
 * with the terms. Six reps in two teams, each with a habit that shows on the dashboard — Павел learns
 * to state the terms, Андрей deflects, Дмитрий slips, Марина and Kate are steady, Ольга waives
 * penalties. The same seed gives the same calls on every start (ids included), so loading is idempotent.
 */

export const DEMO_WEEKS = 12;

export interface DemoRep {
  email: string;
  firstName: string;
  language: Language;
  clients: { name: string; contact: string }[];
  /**
   * Chance (0–1) that the rep states each item: a steady chance, or `[first, last]` — the chance moves
   * evenly from the oldest week to the last one.
   */
  habit: Record<'terms' | 'sanctions' | 'deflects' | 'waives', number | [number, number]>;
}

/** The rep's chance of `item` in week `w` (0 = the oldest week). */
function chanceIn(rep: DemoRep, item: keyof DemoRep['habit'], w: number): number {
  const habit = rep.habit[item];
  if (typeof habit === 'number') return habit;
  const [from, to] = habit;
  return from + ((to - from) * w) / (DEMO_WEEKS - 1);
}

/** The receivables demo's clients (load-demo-receivables.ts) are Павел's (RU) and Kate's (Northwind). */
export const DEMO_REPS: DemoRep[] = [
  {
    email: 'rep@demo.onterms.local',
    firstName: 'Павел',
    language: 'ru',
    clients: [
      { name: 'ООО «СтройМаркет»', contact: 'Ольга Петровна' },
      { name: 'АвтоДеталь Плюс', contact: 'Сергей Иванович' },
      { name: 'ООО «ПромСнаб»', contact: 'Виктор Павлович' },
    ],
    habit: { terms: [0.3, 0.95], sanctions: [0.1, 0.8], deflects: [0.4, 0], waives: 0 },
  },
  {
    email: 'rep3@demo.onterms.local',
    firstName: 'Андрей',
    language: 'ru',
    clients: [
      { name: 'ТД «Уралмет»', contact: 'Наталья Сергеевна' },
      { name: 'ИП Козлов', contact: 'Алексей Козлов' },
      { name: 'ООО «ВентСтрой»', contact: 'Игорь Николаевич' },
    ],
    habit: { terms: 0.35, sanctions: 0.1, deflects: 0.6, waives: 0.1 },
  },
  {
    email: 'rep4@demo.onterms.local',
    firstName: 'Марина',
    language: 'ru',
    clients: [
      { name: 'ООО «ДомСервис»', contact: 'Елена Викторовна' },
      { name: 'ГК «Северный дом»', contact: 'Андрей Ильич' },
    ],
    habit: { terms: 0.9, sanctions: 0.75, deflects: 0.05, waives: 0 },
  },
  {
    email: 'rep2@demo.onterms.local',
    firstName: 'Ольга',
    language: 'ru',
    clients: [
      { name: 'ООО «КровляЮг»', contact: 'Михаил Петрович' },
      { name: 'ООО «Кубань-Агро»', contact: 'Татьяна Юрьевна' },
      { name: 'АО «ЮгЭнерго»', contact: 'Роман Андреевич' },
    ],
    habit: { terms: 0.65, sanctions: 0.3, deflects: 0.15, waives: 0.35 },
  },
  {
    email: 'rep5@demo.onterms.local',
    firstName: 'Дмитрий',
    language: 'ru',
    clients: [
      { name: 'ООО «Ростов-Снаб»', contact: 'Ирина Олеговна' },
      { name: 'ООО «ТехноПарк»', contact: 'Денис Сергеевич' },
    ],
    habit: { terms: [0.9, 0.4], sanctions: [0.7, 0.2], deflects: [0, 0.35], waives: 0 },
  },
  {
    email: 'rep6@demo.onterms.local',
    firstName: 'Kate',
    language: 'en',
    clients: [
      { name: 'Northwind Office Supply', contact: 'Karen' },
      { name: 'Contoso Workspace', contact: 'Mike' },
    ],
    habit: { terms: 0.8, sanctions: 0.55, deflects: 0.1, waives: 0.05 },
  },
];

export interface PlannedCall {
  /** Stable across starts: the same plan gives the same ids. */
  id: string;
  repEmail: string;
  clientName: string;
  callType: CallType;
  language: Language;
  /** Days before today (in the company's time zone), 1–84, and the local hour of the call. */
  daysAgo: number;
  hour: number;
  /** The transcript file as a telephony system would send it; `broken` ones cannot be read. */
  transcript: { filename: string; content: string };
  broken: boolean;
  script: CallScript;
}

/**
 * Collection calls that carry the receivables story (load-demo-receivables.ts): АвтоДеталь promises
 * and pays later than promised; Northwind, late for the first time, promises Friday. СтройМаркет pays
 * on time and gets no such call.
 */
const COLLECTIONS: { client: string; invoice: string; daysAgo: number; promise: 'friday' | 'vague' }[] = [
  { client: 'АвтоДеталь Плюс', invoice: 'АД-55', daysAgo: 62, promise: 'vague' },
  { client: 'АвтоДеталь Плюс', invoice: 'АД-61', daysAgo: 33, promise: 'friday' },
  { client: 'АвтоДеталь Плюс', invoice: 'АД-70', daysAgo: 10, promise: 'friday' },
  { client: 'Northwind Office Supply', invoice: 'NW-2077', daysAgo: 4, promise: 'friday' },
];

/** Every this-many-th negotiation arrives with a transcript cut off mid-file (a telephony export that failed). */
const BROKEN_EVERY = 58;

/** The whole plan: about four negotiations a week per rep over twelve weeks, and the collection calls. */
export function planDemoCalls(seed = 15): PlannedCall[] {
  const random = mulberry32(seed);
  const pick = <T>(options: readonly T[]): T => options[Math.floor(random() * options.length)]!;
  const chance = (p: number) => random() < p;
  const calls: PlannedCall[] = [];
  let n = 0;
  for (const rep of DEMO_REPS) {
    for (let w = 0; w < DEMO_WEEKS; w++) {
      const perWeek = 3 + Math.floor(random() * 3);
      for (let k = 0; k < perWeek; k++) {
        // a rep who dodges the client's question about payment does not come back to it in that call
        const deflects = chance(chanceIn(rep, 'deflects', w));
        const terms = !deflects && chance(chanceIn(rep, 'terms', w));
        const script: NegotiationScript = {
          kind: 'negotiation',
          terms,
          deadline: terms ? chance(0.85) : !deflects && chance(0.1),
          sanctions: chance(chanceIn(rep, 'sanctions', w)),
          deflects,
          waives: chance(chanceIn(rep, 'waives', w)),
          sttStyle: chance(0.3),
        };
        const client = pick(rep.clients);
        const people = { repFirstName: rep.firstName, clientName: client.name, contactName: client.contact };
        const transcript = timedTranscript(scriptLines(script, rep.language, people, pick), rep.language);
        n++;
        calls.push({
          id: demoCallId(n),
          repEmail: rep.email,
          clientName: client.name,
          callType: 'credit_negotiation',
          language: rep.language,
          // week 0 is the oldest: days 78–84 ago; week 11 is the last seven days
          daysAgo: (DEMO_WEEKS - 1 - w) * 7 + 1 + Math.floor(random() * 7),
          hour: 9 + Math.floor(random() * 9),
          script,
          ...transcriptFile(transcript, n % BROKEN_EVERY === 0),
        });
      }
    }
  }
  for (const c of COLLECTIONS) {
    // the client's rep calls, in the rep's language
    const rep = DEMO_REPS.find((r) => r.clients.some((client) => client.name === c.client))!;
    const contact = rep.clients.find((client) => client.name === c.client)!.contact;
    const script: CallScript = { kind: 'collection', invoice: c.invoice, promise: c.promise };
    const people = { repFirstName: rep.firstName, clientName: c.client, contactName: contact };
    n++;
    calls.push({
      id: demoCallId(n),
      repEmail: rep.email,
      clientName: c.client,
      callType: 'collection',
      language: rep.language,
      daysAgo: c.daysAgo,
      hour: 11,
      script,
      ...transcriptFile(
        timedTranscript(scriptLines(script, rep.language, people, pick), rep.language),
        false,
      ),
    });
  }
  return calls;
}

function transcriptFile(transcript: Transcript, broken: boolean): Pick<PlannedCall, 'transcript' | 'broken'> {
  const content = JSON.stringify(transcript, null, 2);
  return {
    transcript: {
      filename: 'transcript.json',
      content: broken ? content.slice(0, content.length / 2) : content,
    },
    broken,
  };
}

/** A UUID derived from the call's number in the plan, so the same plan names the same calls. */
export function demoCallId(n: number): string {
  const h = createHash('sha256').update(`onterms-demo-call:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A small, seedable generator (mulberry32): the plan must be the same on every machine and start. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

import type { Cell } from './read-table.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day as YYYY-MM-DD from what spreadsheets hold: Date cells, Excel serials, 31.12.2026, 2026-12-31, 12/31/2026. */
export function parseDay(cell: Cell): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
  }
  if (typeof cell === 'number') {
    // An Excel serial day number (1900 date system) in a cell without a date format.
    if (cell < 20000 || cell > 80000) return null;
    return parseDay(new Date(Math.round((cell - 25569) * 86400000)));
  }
  const text = String(cell ?? '').trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$/.exec(text);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})(?:\s.*)?$/.exec(text);
  if (m) {
    let [a, b] = [+m[1]!, +m[3]!];
    const year = m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!;
    // Day first, as in Russia and most of Europe; a slash date whose second number cannot be a month is American.
    if (m[2] === '/' && b > 12) [a, b] = [b, a];
    return valid(year, b, a);
  }
  return null;
}

function valid(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const CURRENCY_WORDS: [RegExp, string][] = [
  [/₽|руб\.?|(?<![а-яa-z])р\.|\brub\b|\brur\b/i, 'RUB'],
  [/\$|\busd\b/i, 'USD'],
  [/€|\beur\b/i, 'EUR'],
  [/₸|\bkzt\b|тенге/i, 'KZT'],
  [/\bcny\b|¥|юан/i, 'CNY'],
  [/£|\bgbp\b/i, 'GBP'],
];

/** The ISO code a currency cell or an amount's symbol names, or null when it names none. */
export function currencyOf(text: string): string | null {
  for (const [pattern, code] of CURRENCY_WORDS) if (pattern.test(text)) return code;
  const code = /^\s*([A-Za-z]{3})\s*$/.exec(text);
  return code ? code[1]!.toUpperCase() : null;
}

export interface ParsedAmount {
  /** Exact, two decimals, e.g. "-1234.50". */
  value: string;
  currency: string | null;
}

/**
 * An amount from "1 234 567,89", "1,234,567.89", "(1 200.00)", "150 000 ₽", "$1,200" or a number cell.
 * Kept as a string so kopecks stay exact.
 */
export function parseAmount(cell: Cell): ParsedAmount | null {
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? { value: cell.toFixed(2), currency: null } : null;
  if (cell === null || cell === '') return { value: '0.00', currency: null };
  let text = String(cell).trim();
  if (!text || text === '-' || text === '—') return { value: '0.00', currency: null };
  const currency = currencyOf(text);
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  text = text
    .replace(/[₽$€₸¥£]|руб\.?|(?<![а-я])р\.|\b(rub|rur|usd|eur|kzt|cny|gbp)\b|тенге/gi, '')
    .replace(/[\s\u00a0\u202f']/g, '');
  if (text.startsWith('-') || text.startsWith('−')) {
    negative = !negative;
    text = text.slice(1);
  }
  if (!/^[\d.,]+$/.test(text)) return null;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let integer: string;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const at = text.lastIndexOf(decimal);
    const groups = text.slice(0, at).split(decimal === '.' ? ',' : '.');
    // the other separator groups thousands: "1,234,567.89", never "1.2.3,4"
    if (!/^\d{1,3}$/.test(groups[0]!) || !groups.slice(1).every((g) => /^\d{3}$/.test(g))) return null;
    integer = groups.join('');
    fraction = text.slice(at + 1);
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = text.split(sep);
    // "1,234,567" and "1.234.567" group thousands; "1234,5" and "12.50" have a decimal part.
    if (
      parts.length > 2 ||
      (parts.length === 2 && parts[1]!.length === 3 && sep === ',' && parts[0] !== '0')
    ) {
      if (!parts.slice(1).every((p) => p.length === 3)) return null;
      integer = parts.join('');
    } else {
      integer = parts[0]!;
      fraction = parts[1] ?? '';
    }
  } else integer = text;
  if (!/^\d*$/.test(integer) || !/^\d*$/.test(fraction) || (!integer && !fraction)) return null;
  if (fraction.length > 2) {
    if (/[1-9]/.test(fraction.slice(2))) return null;
    fraction = fraction.slice(0, 2);
  }
  const digits = `${(integer || '0').replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
  return { value: negative && /[1-9]/.test(digits) ? `-${digits}` : digits, currency };
}

/** Whole days of payment terms: "30", "30 дней", "Net 30". */
export function parseTermsDays(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 && cell < 3650 ? cell : null;
  const m = /(\d{1,4})/.exec(String(cell ?? ''));
  return m ? Number(m[1]) : null;
}

/** Amounts as exact cents for arithmetic without floating-point drift. */
export const toCents = (value: string): bigint => BigInt(value.replace('.', ''));
export const fromCents = (cents: bigint): string => {
  const negative = cents < 0n;
  const abs = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
};

import type { Cell } from './read-table.ts';

/** What a column of a receivables report means. */
export const RECEIVABLE_FIELDS = [
  'client',
  'taxId',
  'document',
  'date',
  'dueDate',
  'termsDays',
  'amount',
  'paid',
  'balance',
  'rep',
  'currency',
] as const;
export type ReceivableField = (typeof RECEIVABLE_FIELDS)[number];

/** Which column (zero-based) holds each field. */
export type ColumnMap = Partial<Record<ReceivableField, number>>;

// Header words as 1C, QuickBooks, Xero and hand-made spreadsheets write them, compared after
// normalising case and punctuation («Срок оплаты», "DUE DATE", "Due-date" are one header).
const HEADERS: Record<ReceivableField, string[]> = {
  client: [
    'контрагент',
    'покупатель',
    'клиент',
    'client',
    'customer',
    'customer name',
    'client name',
    'наименование контрагента',
  ],
  taxId: [
    'инн',
    'tax id',
    'inn',
    'taxid',
    'инн контрагента',
    'инн покупателя',
    'инн клиента',
    'vat number',
    'tax number',
  ],
  document: [
    'документ',
    'счет',
    'реализация',
    'invoice',
    'document',
    'invoice no',
    'invoice number',
    'номер счета',
    'номер документа',
    'document no',
    'документ расчетов',
    'счет на оплату',
  ],
  date: ['дата', 'date', 'дата документа', 'invoice date', 'дата счета', 'дата реализации', 'document date'],
  dueDate: [
    'срок оплаты',
    'дата оплаты по договору',
    'due date',
    'due',
    'оплатить до',
    'payment due',
    'due on',
  ],
  termsDays: [
    'отсрочка дней',
    'отсрочка',
    'terms days',
    'terms',
    'payment terms days',
    'net days',
    'отсрочка платежа дней',
  ],
  amount: [
    'сумма',
    'amount',
    'сумма документа',
    'сумма счета',
    'invoice amount',
    'total',
    'сумма реализации',
  ],
  paid: ['оплачено', 'paid', 'amount paid', 'оплата', 'сумма оплаты'],
  balance: [
    'остаток',
    'долг',
    'balance',
    'outstanding',
    'остаток долга',
    'сумма долга',
    'balance due',
    'amount due',
    'задолженность',
    'open balance',
  ],
  rep: [
    'менеджер',
    'rep',
    'manager',
    'ответственный',
    'sales rep',
    'salesperson',
    'торговый представитель',
    'менеджер email',
  ],
  currency: ['валюта', 'currency', 'валюта документа'],
};

const LOOKUP = new Map<string, ReceivableField>(
  Object.entries(HEADERS).flatMap(([field, names]) =>
    names.map((n) => [normaliseHeader(n), field as ReceivableField]),
  ),
);

export function normaliseHeader(cell: Cell): string {
  return String(cell ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The columns a header row names, by the built-in header words. */
export function recogniseColumns(cells: Cell[]): ColumnMap {
  const map: ColumnMap = {};
  cells.forEach((cell, index) => {
    const field = LOOKUP.get(normaliseHeader(cell));
    if (field && map[field] === undefined) map[field] = index;
  });
  return map;
}

/** Enough to import: a client, an amount or a balance, and a date to reckon lateness from. */
export function isUsable(map: ColumnMap): boolean {
  return (
    map.client !== undefined &&
    (map.amount !== undefined || map.balance !== undefined) &&
    (map.date !== undefined || map.dueDate !== undefined)
  );
}

/** What a layout is known by, so a mapping made by hand is found again for the next file. */
export function headerSignature(cells: Cell[]): string {
  return cells.map(normaliseHeader).join('|');
}

/** A hand-made mapping ({field: header text}) applied to a header row. */
export function applyMapping(cells: Cell[], mapping: Partial<Record<ReceivableField, string>>): ColumnMap {
  const headers = cells.map(normaliseHeader);
  const map: ColumnMap = {};
  for (const [field, header] of Object.entries(mapping)) {
    const index = headers.indexOf(normaliseHeader(header));
    if (index >= 0) map[field as ReceivableField] = index;
  }
  return map;
}

export const FIELD_LABELS: Record<ReceivableField, string> = {
  client: 'Контрагент / client',
  taxId: 'ИНН / tax id',
  document: 'Документ / invoice',
  date: 'Дата / date',
  dueDate: 'Срок оплаты / due date',
  termsDays: 'Отсрочка, дней / terms days',
  amount: 'Сумма / amount',
  paid: 'Оплачено / paid',
  balance: 'Остаток / balance',
  rep: 'Менеджер / rep',
  currency: 'Валюта / currency',
};

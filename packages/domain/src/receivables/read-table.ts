import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** A cell as the file holds it: text from CSV, typed values from XLSX. */
export type Cell = string | number | Date | boolean | null;
export interface TableRow {
  /** The line (CSV) or row number (XLSX) a person sees when they open the file. */
  line: number;
  cells: Cell[];
}

export class TableFormatError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'TableFormatError';
  }
}

const HEAD_BYTES = 64 * 1024;
const DELIMITERS = [';', ',', '\t', '|'] as const;

/**
 * Streams the rows of a receivables file, in batches, whichever of the formats companies export: XLSX (recognised
 * by its ZIP signature, read with exceljs's streaming reader) or CSV in UTF-8 or Windows-1251 with any
 * of ; , tab | as the delimiter (both told from the first 64 KiB). Anything else is refused.
 */
export async function* readTable(input: AsyncIterable<Buffer | Uint8Array>): AsyncGenerator<TableRow[]> {
  const { head, stream } = await peek(input, HEAD_BYTES);
  if (head.length === 0) throw new TableFormatError('The file is empty.');
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    yield* readXlsx(stream);
    return;
  }
  if (looksBinary(head)) {
    throw new TableFormatError(
      'This is not a CSV or XLSX file. Export the report as .xlsx or .csv and try again.',
    );
  }
  const encoding = isUtf8(head) ? 'utf8' : 'win1251';
  yield* readCsv(stream, encoding, detectDelimiter(iconv.decode(head, encoding)));
}

/**
 * csv-parse fed chunk by chunk, its records collected synchronously and handed on per chunk: iterating
 * the parser record by record with `for await` cost more than the parsing itself (bench:receivables).
 */
async function* readCsv(stream: Readable, encoding: string, delimiter: string): AsyncGenerator<TableRow[]> {
  const decoder = iconv.getDecoder(encoding);
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  });
  const batch: TableRow[] = [];
  let failure: unknown = null;
  parser.on('data', ({ record, info }: { record: string[]; info: { lines: number } }) => {
    batch.push({ line: info.lines, cells: record });
  });
  parser.on('error', (error) => {
    failure = error;
  });
  const ended = new Promise<void>((resolve) => parser.on('end', resolve));
  const check = () => {
    if (!failure) return;
    const e = failure as { code?: string; lines?: number; message: string };
    if (e.code?.startsWith('CSV_'))
      throw new TableFormatError(`The CSV cannot be read: ${e.message}`, e.lines ?? null);
    throw failure;
  };
  for await (const chunk of stream) {
    const text = decoder.write(chunk as Buffer);
    if (text) parser.write(text);
    check();
    if (batch.length) yield batch.splice(0);
  }
  const rest = decoder.end();
  if (rest) parser.write(rest);
  parser.end();
  await Promise.race([ended, new Promise((resolve) => parser.on('error', resolve))]);
  check();
  if (batch.length) yield batch.splice(0);
}

async function* readXlsx(stream: Readable): AsyncGenerator<TableRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  const batch: TableRow[] = [];
  try {
    // The first worksheet is the report; later ones (notes, pivots) are ignored.
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
        if (cells.some((c) => c !== null && c !== '')) batch.push({ line: row.number, cells });
        if (batch.length >= 1000) yield batch.splice(0);
      }
      if (batch.length) yield batch.splice(0);
      return;
    }
  } catch (error) {
    if (error instanceof TableFormatError) throw error;
    throw new TableFormatError(
      `The XLSX file cannot be read (${(error as Error).message}). Save it again from Excel and retry.`,
    );
  }
}

function xlsxCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  const v = value as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
  if ('result' in v) return xlsxCell(v.result);
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if (typeof v.text === 'string') return v.text;
  return null;
}

/** Reads the first `size` bytes and gives back a stream that still starts at byte 0. */
async function peek(input: AsyncIterable<Buffer | Uint8Array>, size: number) {
  const iterator = input[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.from(next.value);
    chunks.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(chunks);
  async function* all() {
    yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield Buffer.from(next.value);
    }
  }
  return { head, stream: Readable.from(all()) };
}

function isUtf8(head: Buffer): boolean {
  try {
    // `stream: true` lets a multi-byte character cut at the end of the sample pass.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function looksBinary(head: Buffer): boolean {
  const sample = head.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > sample.length / 20;
}

/** The delimiter that splits the most-delimited of the first lines into the most cells, outside quotes. */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 30);
  let best: string = ';';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    for (const line of lines) {
      let count = 0;
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === d && !quoted) count++;
      }
      if (count > bestCount) {
        best = d;
        bestCount = count;
      }
    }
  }
  return best;
}

import { downloadBlob } from './download.ts';
/**
 * CSV that Excel opens with Cyrillic intact: UTF-8 with a byte-order mark, `;` between fields (the list
 * separator of Russian-locale Excel, which opens `,`-separated files as one column), CRLF line ends,
 * fields quoted when they hold `;`, quotes or line breaks.
 */
export const BOM = '\uFEFF';

export function toCsv(rows: (string | number | null)[][]): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return BOM + rows.map((r) => r.map(field).join(';')).join('\r\n') + '\r\n';
}

export function downloadCsv(filename: string, rows: (string | number | null)[][]): void {
  downloadBlob(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }), filename);
}

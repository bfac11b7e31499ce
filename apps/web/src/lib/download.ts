/** Saves a blob as a file in the browser (exports: CSV, JSON). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A document as pretty JSON, for `downloadBlob`. */
export const jsonBlob = (document_: unknown): Blob =>
  new Blob([JSON.stringify(document_, null, 2)], { type: 'application/json' });

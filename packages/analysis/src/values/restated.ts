import type { Moment } from '@onterms/contracts';

/**
 * rules-1.8.1 `anchorRestatedPeriods`: a period said again without its start («fourteen days, okay»,
 * «те же пять дней», "yes sir, twenty one days") is the period said with its start elsewhere in the
 * call («в течение пяти дней с даты счёта»): it takes that start. Only when one start goes with that
 * number of days; in place, on the moments of every flag.
 */
export function anchorRestatedPeriods(moments: Moment[]): void {
  const starts = new Map<number, Set<string>>();
  for (const m of moments) {
    const d = m.values?.dueDate;
    if (d?.kind !== 'relative' || d.days === undefined || !d.from || d.from === 'unspecified') continue;
    starts.set(d.days, (starts.get(d.days) ?? new Set()).add(d.from));
  }
  for (const m of moments) {
    const d = m.values?.dueDate;
    if (d?.kind !== 'relative' || d.days === undefined || (d.from ?? 'unspecified') !== 'unspecified')
      continue;
    const known = starts.get(d.days);
    if (known?.size === 1) m.values!.dueDate = { ...d, from: [...known][0]! as typeof d.from };
  }
}

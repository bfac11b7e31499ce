/** A tiny inline trend line (shares 0…1 by week); gaps where nothing was analysed. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const w = 80;
  const h = 20;
  const step = values.length > 1 ? w / (values.length - 1) : 0;
  const parts: string[] = [];
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    parts.push(`${pen ? 'L' : 'M'}${(i * step).toFixed(1)},${(h - 1 - v * (h - 2)).toFixed(1)}`);
    pen = true;
  });
  return (
    <svg className="sparkline" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
      <path d={parts.join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

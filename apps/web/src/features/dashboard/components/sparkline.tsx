/** A tiny inline trend line (shares 0…1 by week); gaps where nothing was analysed. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const w = 80;
  const h = 20;
  const step = values.length > 1 ? w / (values.length - 1) : 0;
  const parts: string[] = [];
  const dots: [number, number][] = [];
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const x = i * step;
    const y = h - 1 - v * (h - 2);
    parts.push(`${pen ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`);
    // A week between two empty ones has no line to draw: show it as a dot.
    if (values[i - 1] == null && values[i + 1] == null) dots.push([x, y]);
    pen = true;
  });
  return (
    <svg className="sparkline" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
      <path d={parts.join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" />
      {dots.map(([x, y]) => (
        <circle key={x} cx={Math.max(1.5, Math.min(w - 1.5, x))} cy={y} r="1.5" fill="currentColor" />
      ))}
    </svg>
  );
}

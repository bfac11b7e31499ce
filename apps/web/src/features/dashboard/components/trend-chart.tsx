import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Metric, TermStatsGroup } from '../api/get-term-stats.ts';

const COLORS: Record<Metric, string> = {
  payment_terms: '#2563eb',
  deadline: '#059669',
  sanctions: '#d97706',
  allThree: '#111827',
  deflection: '#dc2626',
};

interface Props {
  weeks: TermStatsGroup[];
  metrics: readonly Metric[];
  labels: Record<Metric, string>;
  locale: string;
  title: string;
  /** Legend label of the x axis (the week). */
  weekLabel: string;
}

/** Weekly share per flag (uPlot, ~20 KB gzip, in the dashboard's lazy chunk only). */
export function TrendChart({ weeks, metrics, labels, locale, title, weekLabel }: Props) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const xs = weeks.map((w) => Date.parse(w.key ?? w.from) / 1000);
    const data: uPlot.AlignedData = [
      xs,
      ...metrics.map((m) =>
        weeks.map((w) => (w.current.shares[m] === null ? null : w.current.shares[m]! * 100)),
      ),
    ];
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height: 240,
        scales: { y: { range: [0, 100] } },
        axes: [
          { values: (_u, ticks) => ticks.map((t) => day.format(new Date(t * 1000))) },
          { values: (_u, ticks) => ticks.map((t) => `${t}%`) },
        ],
        series: [
          { label: weekLabel, value: (_u, v) => (v === null ? '—' : day.format(new Date(v * 1000))) },
          ...metrics.map((m) => ({
            label: labels[m],
            stroke: COLORS[m],
            width: m === 'allThree' ? 2.5 : 1.5,
            value: (_u: uPlot, v: number | null) => (v === null ? '—' : `${v.toFixed(0)}%`),
          })),
        ],
      },
      data,
      el,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(320, el.clientWidth), height: 240 }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [weeks, metrics, labels, locale, weekLabel]);
  return <div ref={host} className="trend-chart" role="img" aria-label={title} />;
}

import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface BarSeries {
  readonly label: string;
  readonly values: readonly number[];
}

/** Two dark, distinct colours (contrast ≥ 3:1 on white, as WCAG 1.4.11 asks of graphics). */
const COLOURS = ['#0b5394', '#8a5a00'];

/**
 * Bars for a few series over the same categories (this year and the previous one). A picture
 * only: the same numbers are in a table beside it, which is what assistive technology reads.
 */
export function BarChart(props: {
  title: string;
  description: string;
  categories: readonly string[];
  series: readonly BarSeries[];
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { categories, series } = props;
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: [...categories],
        datasets: series.map((one, index) => ({
          label: one.label,
          data: [...one.values],
          backgroundColor: COLOURS[index % COLOURS.length] ?? '#0b5394',
        })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: 'bottom' } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [categories, series]);
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <div className="chart-area" style={{ height: `${Math.max(8, categories.length * 2.6 + 4)}rem` }}>
        <canvas ref={canvas} role="img" aria-label={`${props.title}. ${props.description}`} />
      </div>
    </figure>
  );
}

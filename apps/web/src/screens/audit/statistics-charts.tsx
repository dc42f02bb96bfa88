import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
} from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { formatManYen, formatYen } from '../../format/money';

/* Only the parts these charts draw (chart.js is tree-shaken by registration). */
ChartJS.register(
  BarController,
  LineController,
  BarElement,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);
ChartJS.defaults.font.family = "'Noto Sans JP', sans-serif";
ChartJS.defaults.font.size = 13;
ChartJS.defaults.color = '#333333';

export interface Series {
  readonly label: string;
  readonly values: readonly number[];
  readonly colour: string;
  readonly kind?: 'bar' | 'line';
  readonly dashed?: boolean;
}

/*
 * No animation: figures appear as they are (and a reduced-motion reader is not made to wait).
 * Each canvas is an image with a one-sentence summary; the same figures stand in the table
 * beside it, which is what a screen reader reads.
 */
function options(unit: 'count' | 'yen'): ChartOptions<'bar' | 'line'> {
  const tick = (value: number | string) => (unit === 'yen' ? formatManYen(Number(value)) : `${value}件`);
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: {
          label: (item) =>
            `${item.dataset.label ?? ''}：${unit === 'yen' ? formatYen(Number(item.raw)) : `${String(item.raw)}件`}`,
        },
      },
    },
    scales: {
      y: { beginAtZero: true, ticks: { callback: tick, ...(unit === 'count' ? { precision: 0 } : {}) } },
    },
  };
}

export interface RoundChartProps {
  readonly labels: readonly string[];
  readonly series: readonly Series[];
  readonly unit: 'count' | 'yen';
  /** One sentence saying what the chart shows: its accessible name, and what stands while it loads. */
  readonly summary: string;
}

/** Drawn with chart.js; screens take it from round-chart.tsx, which loads this module when first needed. */
export function RoundChart({ labels, series, unit, summary }: RoundChartProps) {
  return (
    <div className="chart">
      <Chart<'bar' | 'line', number[], string>
        type="bar"
        role="img"
        aria-label={summary}
        options={options(unit)}
        fallbackContent={<p>{summary}</p>}
        data={{
          labels: [...labels],
          datasets: series.map((one) =>
            one.kind === 'line'
              ? {
                  type: 'line' as const,
                  label: one.label,
                  data: [...one.values],
                  borderColor: one.colour,
                  // A dashed line has no points to fill: its legend box is then a dashed outline, not a grey block.
                  backgroundColor: one.dashed ? 'transparent' : one.colour,
                  borderDash: one.dashed ? [6, 4] : [],
                  pointRadius: one.dashed ? 0 : 3,
                }
              : {
                  type: 'bar' as const,
                  label: one.label,
                  data: [...one.values],
                  backgroundColor: one.colour,
                },
          ),
        }}
      />
    </div>
  );
}

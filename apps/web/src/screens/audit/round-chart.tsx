import { lazy, Suspense } from 'react';
import type { RoundChartProps } from './statistics-charts';

/*
 * chart.js and its React binding are a large part of the app's script, and only the auditor's
 * monthly statistics draw charts: they load when that screen first asks for a chart, not with
 * every officer's first page. Until then each chart's place holds its one-sentence summary.
 */
const DrawnChart = lazy(async () => ({ default: (await import('./statistics-charts')).RoundChart }));

export function RoundChart(props: RoundChartProps) {
  return (
    <Suspense
      fallback={
        <div className="chart">
          <p>{props.summary}</p>
        </div>
      }
    >
      <DrawnChart {...props} />
    </Suspense>
  );
}

import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { RoundChartProps } from './statistics-charts';

/*
 * chart.js and its React binding are a large part of the app's script, and only the auditor's
 * monthly statistics draw charts: they load when that screen first asks for a chart, not with
 * every officer's first page. Until then each chart's place holds its one-sentence summary.
 */
const DrawnChart = lazy(async () => ({ default: (await import('./statistics-charts')).RoundChart }));

const CHART_UNAVAILABLE =
  'グラフを読み込めませんでした。同じ数字を表で確認できます。ページを再読み込みすると、グラフをもう一度読み込みます。';

/** A chart's place without its drawing: the one-sentence summary, and a notice when there is one. */
function SummaryInPlace({ summary, notice }: { summary: string; notice?: string }) {
  return (
    <div className="chart">
      <p>{summary}</p>
      {notice && <p role="status">{notice}</p>}
    </div>
  );
}

/** The chart's place when its code could not be loaded: the summary, and where the same figures are. */
class ChartOrSummary extends Component<{ summary: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return <SummaryInPlace summary={this.props.summary} notice={CHART_UNAVAILABLE} />;
  }
}

export function RoundChart(props: RoundChartProps) {
  return (
    <ChartOrSummary summary={props.summary}>
      <Suspense fallback={<SummaryInPlace summary={props.summary} />}>
        <DrawnChart {...props} />
      </Suspense>
    </ChartOrSummary>
  );
}

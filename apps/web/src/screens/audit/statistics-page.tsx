import { useEffect, useId, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { asProblem, problemHeadline } from '../../api/problems';
import { formatManYen, formatYen } from '../../format/money';
import { navigate } from '../../router';
import type { RoundStatistics } from './audit-views';
import { AuditYearField } from './audit-year-field';
import { countColumn, RoundsTable, yenColumn } from './rounds-table';
import { fiscalYearInAddress } from './fiscal-years';
import { fiscalYearLabel } from '../../format/fiscal-year';
import { RoundChart } from './round-chart';
import { SERIES_COLOURS } from './series-colours';
import { running, shareOfBudget, yearTotal } from './statistics-figures';
import './audit.css';
import { FailureAlert } from '../../ui/failure-alert';

interface Figures {
  readonly rounds: readonly RoundStatistics[];
  readonly nationalBudget: number;
}

type Loaded = { readonly figures: Figures } | { readonly failure: string } | undefined;

/** 2025-06 → 6月 (the charts' axis; the tables say 2025年6月締切回). */
const monthOf = (round: string) => `${Number(round.split('-')[1])}月`;

/** A chart and, beside it, the very figures it draws as a table (what assistive technology reads). */
function ChartWithTable({
  title,
  chart,
  children,
}: {
  title: string;
  chart: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="chart-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <div className="chart-section__body">
        {chart}
        <div className="table-wrap chart-section__table">{children}</div>
      </div>
    </section>
  );
}

/** Monthly statistics of a fiscal year: applications and adoptions, grants asked and approved, national share against the budget. */
export function StatisticsPage() {
  const [fiscalYear, setFiscalYear] = useState(() => fiscalYearInAddress(new Date()));
  const [loaded, setLoaded] = useState<Loaded>();
  const [fontsLoaded, setFontsLoaded] = useState(false);

  useEffect(() => {
    setLoaded(undefined);
    void Promise.all([
      api.GET('/v1/statistics/monthly', { params: { query: { fiscalYear } } }),
      api.GET('/v1/fiscal-years/{fy}/budget', { params: { path: { fy: fiscalYear } } }),
    ]).then(([statistics, budget]) => {
      if (!statistics.data)
        return setLoaded({
          failure: problemHeadline(asProblem(statistics.error, statistics.response.status)),
        });
      setLoaded({
        figures: { rounds: statistics.data.rounds, nationalBudget: budget.data?.nationalBudget ?? 0 },
      });
    });
  }, [fiscalYear]);

  // A canvas draws text only in a face already loaded: wait for every glyph the charts draw (axes
  // in 件, 万円 and 億円; the series' names), or one outside the loaded subsets shows as a box.
  useEffect(() => {
    void document.fonts
      .load('13px "Noto Sans JP"', '0123456789,-月件万億円申請採択交付額国費累計予算年度のそ回（）')
      .catch(() => undefined)
      .then(() => setFontsLoaded(true));
  }, []);

  function choose(year: number) {
    setFiscalYear(year);
    navigate(`/audit/statistics?fiscalYear=${year}`, { replace: true });
  }

  const figures = loaded && 'figures' in loaded ? loaded.figures : undefined;
  const rounds = figures?.rounds ?? [];
  const months = rounds.map((round) => monthOf(round.round));
  const cumulative = running(rounds.map((round) => round.nationalShare));
  const budget = figures?.nationalBudget ?? 0;
  const total = (pick: (round: RoundStatistics) => number) => yearTotal(rounds, pick);

  return (
    <main id="main" className="page page--wide">
      <h1>月別の統計</h1>
      <AuditYearField id="statistics-fiscal-year" fiscalYear={fiscalYear} onChoose={choose} />
      <p>
        募集回（毎月10日締切）ごとの国庫補助事業の数字です。各グラフと同じ数字を、右（又は下）の表でも確認できます。修正依頼の後に再提出された申請は、提出された募集回ごとに数えます。そのため申請の件数と申請額の年度計は延べの数字で、申請の実数より多くなることがあります。
      </p>
      {!loaded && <p aria-live="polite">読み込み中…</p>}
      <FailureAlert message={loaded && 'failure' in loaded ? loaded.failure : undefined} />
      {figures && fontsLoaded && (
        <>
          <ChartWithTable
            title="申請件数と採択件数"
            chart={
              <RoundChart
                labels={months}
                unit="count"
                summary={`${fiscalYearLabel(fiscalYear)}の募集回別の申請件数と採択件数の棒グラフ。年度計は申請${total((round) => round.submitted)}件、採択${total((round) => round.adopted)}件。`}
                series={[
                  {
                    label: '申請',
                    values: rounds.map((round) => round.submitted),
                    colour: SERIES_COLOURS.blue,
                  },
                  {
                    label: '採択',
                    values: rounds.map((round) => round.adopted),
                    colour: SERIES_COLOURS.orange,
                  },
                ]}
              />
            }
          >
            <RoundsTable
              testId="table-applications"
              caption="募集回別の件数（申請は再提出を含む延べ件数）"
              rounds={rounds}
              columns={[
                countColumn('申請', (round) => round.submitted),
                countColumn('採択', (round) => round.adopted),
                countColumn('不採択', (round) => round.rejected),
                countColumn('取下げ', (round) => round.withdrawn),
              ]}
            />
          </ChartWithTable>

          <ChartWithTable
            title="申請額と採択時の交付額"
            chart={
              <RoundChart
                labels={months}
                unit="yen"
                summary={`募集回別の申請額と採択時の交付額の棒グラフ。年度計は申請額${formatManYen(total((round) => round.requestedGrant))}、交付額${formatManYen(total((round) => round.approvedGrant))}。`}
                series={[
                  {
                    label: '申請額',
                    values: rounds.map((round) => round.requestedGrant),
                    colour: SERIES_COLOURS.blue,
                  },
                  {
                    label: '交付額（採択）',
                    values: rounds.map((round) => round.approvedGrant),
                    colour: SERIES_COLOURS.orange,
                  },
                ]}
              />
            }
          >
            <RoundsTable
              testId="table-grants"
              caption="募集回別の金額（申請額は再提出を含む延べ）"
              rounds={rounds}
              columns={[
                yenColumn('申請額', (round) => round.requestedGrant),
                yenColumn('交付額（採択）', (round) => round.approvedGrant),
              ]}
            />
          </ChartWithTable>

          <ChartWithTable
            title="国費（交付金）の累計と年度予算"
            chart={
              <RoundChart
                labels={months}
                unit="yen"
                summary={
                  budget > 0
                    ? `採択で確保した国費の月別と累計、年度予算${formatManYen(budget)}の線。年度末までの累計は${formatManYen(cumulative[cumulative.length - 1] ?? 0)}で、予算の${shareOfBudget(cumulative[cumulative.length - 1] ?? 0, budget)}。`
                    : `採択で確保した国費の月別と累計。この年度の予算はまだ設定されていません。`
                }
                series={[
                  {
                    label: '国費（その回の採択）',
                    values: rounds.map((round) => round.nationalShare),
                    colour: SERIES_COLOURS.green,
                  },
                  { label: '国費の累計', values: cumulative, colour: SERIES_COLOURS.blue, kind: 'line' },
                  ...(budget > 0
                    ? [
                        {
                          label: '年度予算',
                          values: rounds.map(() => budget),
                          colour: SERIES_COLOURS.grey,
                          kind: 'line' as const,
                          dashed: true,
                        },
                      ]
                    : []),
                ]}
              />
            }
          >
            <p data-testid="budget-line">年度予算（国費）：{budget > 0 ? formatYen(budget) : '未設定'}</p>
            <RoundsTable
              testId="table-national-share"
              caption="募集回別の国費と予算に対する割合"
              rounds={rounds}
              columns={[
                { heading: '国費（その回の採択）', cell: (round) => formatYen(round.nationalShare) },
                { heading: '累計', cell: (_, index) => formatYen(cumulative[index]) },
                {
                  heading: '予算に対する累計の割合',
                  cell: (_, index) => shareOfBudget(cumulative[index], budget),
                },
              ]}
            />
          </ChartWithTable>

          <section aria-labelledby="local-track-heading">
            <h2 id="local-track-heading">地方単独事業（総務省への報告）</h2>
            <div className="table-wrap">
              <RoundsTable
                testId="table-local-track"
                caption="募集回別の地方単独事業の件数と金額"
                captionHidden
                rounds={rounds}
                columns={[
                  countColumn('報告', (round) => round.localReported),
                  countColumn('受理', (round) => round.localAcknowledged),
                  countColumn('差戻し', (round) => round.localReturned),
                  countColumn('取下げ', (round) => round.localWithdrawn),
                  yenColumn('交付額', (round) => round.localGrant),
                ]}
              />
            </div>
          </section>
        </>
      )}
    </main>
  );
}

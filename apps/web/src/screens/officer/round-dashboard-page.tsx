import './officer.css';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { asProblem, problemHeadline } from '../../api/problems';
import { roundById, roundLabel, roundsOfFiscalYear, type RoundInfo } from '../../api/rounds';
import type { components } from '../../api/schema';
import { daysLeftText, formatWareki } from '../../format/dates';
import { formatManYen } from '../../format/money';
import { STATUS_LABELS, label } from '../../messages/labels';
import { currentFiscalYear } from '../../navigation/nav-links';
import { linkHandler, navigate } from '../../router';
import { BudgetGauge, type Budget } from './budget-gauge';
import { ReviewerLoad } from './reviewer-load';
import { FailureAlert } from '../../ui/failure-alert';
import { CalendarDate } from '../../ui/calendar-date';
import { fiscalYearLabel } from '../../format/fiscal-year';
import { SelectField } from '../../ui/select-field';

type QueueItem = components['schemas']['ReviewQueueItemView'];
type QueueRoundCount = components['schemas']['ReviewQueueRoundCountView'];
type RoundStatistics = components['schemas']['RoundStatisticsView'];

interface OpenApplications {
  /** In the fiscal year, all pages (counted by the API). */
  readonly total: number;
  readonly overdue: number;
  readonly byRound: ReadonlyMap<string, QueueRoundCount>;
  /** The pages read so far, by due date: the overdue come first. */
  readonly items: readonly QueueItem[];
  readonly nextCursor: string | null;
}

interface Dashboard {
  readonly budget: Budget;
  readonly rounds: readonly { readonly statistics: RoundStatistics; readonly info?: RoundInfo }[];
  readonly open: OpenApplications;
}

const QUEUE_PAGE = 50;

async function openApplications(
  fiscalYear: number,
  after?: OpenApplications,
): Promise<OpenApplications | string> {
  const cursor = after?.nextCursor ?? undefined;
  const { data, error, response } = await api.GET('/v1/review-queue', {
    params: { query: { fiscalYear, limit: QUEUE_PAGE, ...(cursor ? { cursor } : {}) } },
  });
  if (!data) return problemHeadline(asProblem(error, response.status));
  return {
    total: data.total,
    overdue: data.overdue,
    byRound: new Map(data.rounds.map((round) => [round.round, round])),
    items: [...(after?.items ?? []), ...data.items],
    nextCursor: data.nextCursor,
  };
}

/** Everything at once: the year's rounds follow from the year, so their deadlines need not wait for the statistics. */
async function loadDashboard(fiscalYear: number): Promise<Dashboard | string> {
  const [budget, statistics, open, infos] = await Promise.all([
    api.GET('/v1/fiscal-years/{fy}/budget', { params: { path: { fy: fiscalYear } } }),
    api.GET('/v1/statistics/monthly', { params: { query: { fiscalYear } } }),
    openApplications(fiscalYear),
    Promise.all(roundsOfFiscalYear(fiscalYear).map((round) => roundById(round))),
  ]);
  for (const answer of [budget, statistics])
    if (!answer.data) return problemHeadline(asProblem(answer.error, answer.response.status));
  if (typeof open === 'string') return open;
  const infoOf = new Map(infos.flatMap((info) => (info ? [[info.round, info] as const] : [])));
  const rounds = statistics.data!.rounds.map((round) => ({
    statistics: round,
    info: infoOf.get(round.round),
  }));
  return { budget: budget.data!, rounds, open };
}

/** Per fiscal year: the budget gauge, the open applications (overdue first, in red), and every round's deadline, due date and counts. */
export function RoundDashboardPage({ fiscalYear = currentFiscalYear() }: { fiscalYear?: number }) {
  const [dashboard, setDashboard] = useState<Dashboard>();
  const [failure, setFailure] = useState<string>();
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => {
    setDashboard(undefined);
    void loadDashboard(fiscalYear).then((loaded) =>
      typeof loaded === 'string' ? setFailure(loaded) : setDashboard(loaded),
    );
  }, [fiscalYear]);

  const years = [currentFiscalYear() - 1, currentFiscalYear(), currentFiscalYear() + 1];
  if (!years.includes(fiscalYear)) years.push(fiscalYear);
  const openOf = (round: string, status: 'submitted' | 'underReview') =>
    dashboard?.open.byRound.get(round)?.[status] ?? 0;
  async function showMore(current: Dashboard) {
    setLoadingMore(true);
    const more = await openApplications(fiscalYear, current.open);
    setLoadingMore(false);
    if (typeof more === 'string') setFailure(more);
    else setDashboard({ ...current, open: more });
  }

  return (
    <main id="main" className="page page--wide">
      <h1>締切回の状況</h1>
      <div className="filters">
        <SelectField
          id="field-fiscalYear"
          label="年度"
          value={fiscalYear}
          onChange={(year) => navigate(`/officer/rounds?fiscalYear=${year}`)}
          choices={years.sort().map((year) => ({ value: year, label: fiscalYearLabel(year) }))}
        />
      </div>
      <FailureAlert message={failure} />
      {!dashboard && !failure && <p>読み込み中…</p>}
      {dashboard && (
        <>
          <section aria-labelledby="open-title">
            <h2 id="open-title">
              {/* Open: submitted (awaiting reviewers) and under review, as the table lists them. */}
              採否決定前の申請（{dashboard.open.total.toLocaleString('ja-JP')}件、うち期限超過
              {dashboard.open.overdue.toLocaleString('ja-JP')}件）
            </h2>
            {dashboard.open.total === 0 ? (
              <p>採否決定前の申請はありません。</p>
            ) : (
              <div className="table-wrap">
                <table className="table" data-testid="open-applications">
                  <caption className="visually-hidden">
                    採否決定前の申請（期限超過を先頭に、採否決定予定日の順）
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">採否決定予定日</th>
                      <th scope="col">事業名</th>
                      <th scope="col">申請団体</th>
                      <th scope="col">募集回</th>
                      <th scope="col">状態</th>
                      <th scope="col">審査結果</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dashboard.open.items.map((item) => (
                      <tr
                        key={item.applicationId}
                        className={item.overdue ? 'row--overdue' : undefined}
                        data-overdue={item.overdue}
                      >
                        <td>
                          <CalendarDate date={item.decisionDueDate} />
                          <br />
                          <span className={item.overdue ? 'overdue' : 'muted'}>
                            {daysLeftText(item.daysRemaining)}
                          </span>
                        </td>
                        <td>
                          <a
                            href={`/officer/applications/${item.applicationId}`}
                            onClick={linkHandler(`/officer/applications/${item.applicationId}`)}
                          >
                            {item.projectTitle || '（事業名未入力）'}
                          </a>
                        </td>
                        <td>
                          {item.municipalityName ?? ''} <span className="muted">{item.municipalityCode}</span>
                        </td>
                        <td className="nowrap">{roundLabel(item.round)}</td>
                        <td>
                          {item.status === 'submitted'
                            ? '審査員の割当て待ち'
                            : label(STATUS_LABELS, item.status)}
                        </td>
                        <td className="nowrap">
                          {item.reviewsDone} / {item.reviewsNeeded ?? '—'}件
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {dashboard.open.nextCursor && (
              <p>
                <span className="muted" role="status">
                  {dashboard.open.total.toLocaleString('ja-JP')}件のうち
                  {dashboard.open.items.length.toLocaleString('ja-JP')}件を表示しています。
                </span>{' '}
                <button
                  type="button"
                  className="button"
                  disabled={loadingMore}
                  onClick={() => void showMore(dashboard)}
                >
                  {loadingMore ? '読み込み中…' : `次の${QUEUE_PAGE}件を表示`}
                </button>
              </p>
            )}
          </section>

          <BudgetGauge budget={dashboard.budget} />
          <p>
            <a
              href={`/officer/fiscal-years/${fiscalYear}`}
              onClick={linkHandler(`/officer/fiscal-years/${fiscalYear}`)}
            >
              予算額と受付を設定する
            </a>
          </p>

          <section aria-labelledby="rounds-title">
            <h2 id="rounds-title">締切回ごとの件数</h2>
            <div className="table-wrap">
              <table className="table" data-testid="rounds">
                <caption className="visually-hidden">締切回ごとの締切、採否決定予定日と状態別の件数</caption>
                <thead>
                  <tr>
                    <th scope="col">募集回</th>
                    <th scope="col">締切（23:59）</th>
                    <th scope="col">採否決定予定日</th>
                    <th scope="col" className="numeric">
                      提出
                    </th>
                    <th scope="col" className="numeric">
                      割当て待ち
                    </th>
                    <th scope="col" className="numeric">
                      審査中
                    </th>
                    <th scope="col" className="numeric">
                      修正依頼
                    </th>
                    <th scope="col" className="numeric">
                      採択
                    </th>
                    <th scope="col" className="numeric">
                      不採択
                    </th>
                    <th scope="col" className="numeric">
                      取下げ
                    </th>
                    <th scope="col" className="numeric">
                      申請額（交付額）
                    </th>
                    <th scope="col" className="numeric">
                      採択額（交付額）
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {dashboard.rounds.map(({ statistics, info }) => {
                    const waiting = openOf(statistics.round, 'submitted');
                    const reviewing = openOf(statistics.round, 'underReview');
                    // Submissions that left the round without a decision were sent back for revision.
                    const sentBack = Math.max(
                      0,
                      statistics.submitted -
                        waiting -
                        reviewing -
                        statistics.adopted -
                        statistics.rejected -
                        statistics.withdrawn,
                    );
                    return (
                      <tr key={statistics.round}>
                        <th scope="row" className="nowrap">
                          {roundLabel(statistics.round)}
                        </th>
                        <td className="nowrap">{info ? formatWareki(new Date(info.deadline)) : '—'}</td>
                        <td className="nowrap">
                          {info ? formatWareki(new Date(`${info.decisionDueDate}T12:00:00+09:00`)) : '—'}
                        </td>
                        <td className="numeric">{statistics.submitted}</td>
                        <td className="numeric">{waiting}</td>
                        <td className="numeric">{reviewing}</td>
                        <td className="numeric">{sentBack}</td>
                        <td className="numeric">{statistics.adopted}</td>
                        <td className="numeric">{statistics.rejected}</td>
                        <td className="numeric">{statistics.withdrawn}</td>
                        <td className="numeric">{formatManYen(statistics.requestedGrant)}</td>
                        <td className="numeric">{formatManYen(statistics.approvedGrant)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
      {/* Whatever the year, and asked beside the year's figures: nothing here waits for them. */}
      <ReviewerLoad />
    </main>
  );
}

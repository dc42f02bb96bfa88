import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { asProblem, problemHeadline } from '../../../api/problems';
import { daysLeftText } from '../../../format/dates';
import { STATUS_LABELS, label } from '../../../messages/labels';
import { currentFiscalYear } from '../../../navigation/nav-links';
import { linkHandler } from '../../../router';
import { AWARD_STATUSES, DUE_KIND_LABELS, OFFICER_STEP_LABELS } from '../award-labels';
import type { LedgerItem } from '../use-award-application';
import '../post-award.css';
import { FailureAlert } from '../../../ui/failure-alert';
import { CalendarDate } from '../../../ui/calendar-date';
import { fiscalYearLabel } from '../../../format/fiscal-year';
import { SelectField } from '../../../ui/select-field';
import { YenWithMan } from '../../../ui/yen-with-man';

/** 交付手続の一覧: every adopted application of a fiscal year, approved → decided → confirmed → paid, with what is due next. */
export function AwardsPage() {
  const thisYear = currentFiscalYear();
  const [fiscalYear, setFiscalYear] = useState(String(thisYear));
  const [status, setStatus] = useState('');
  const [items, setItems] = useState<LedgerItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string>();

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      const { data, error, response } = await api.GET('/v1/awards', {
        params: {
          query: {
            fiscalYear: Number(fiscalYear),
            limit: 50,
            ...(status ? { status: status as LedgerItem['status'] } : {}),
            ...(after ? { cursor: after } : {}),
          },
        },
      });
      setLoading(false);
      if (!response.ok || !data) return setFailure(problemHeadline(asProblem(error, response.status)));
      setFailure(undefined);
      setItems((previous) => (after ? [...previous, ...data.items] : data.items));
      setCursor(data.nextCursor);
    },
    [fiscalYear, status],
  );
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main id="main" className="page page--wide">
      <h1>交付手続の一覧</h1>
      <p>
        採択した事業の交付申請・交付決定・額の確定・支払の状況です。
        <a href="/awards/overdue" onClick={linkHandler('/awards/overdue')}>
          期限を過ぎた手続の一覧
        </a>
      </p>
      <form className="filters" aria-label="絞り込み" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          id="filter-award-fiscal-year"
          label="年度"
          value={fiscalYear}
          onChange={setFiscalYear}
          choices={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((year) => ({
            value: year,
            label: fiscalYearLabel(year),
          }))}
        />
        <SelectField
          id="filter-award-status"
          label="状態"
          any="すべて"
          value={status}
          onChange={setStatus}
          choices={AWARD_STATUSES.map((value) => ({ value, label: label(STATUS_LABELS, value) }))}
        />
      </form>
      <FailureAlert message={failure} />
      <p aria-live="polite" className="muted">
        {loading ? '読み込み中…' : `${items.length}件${cursor ? '（続きがあります）' : ''}`}
      </p>
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="awards-table">
            <caption className="visually-hidden">交付手続の一覧</caption>
            <thead>
              <tr>
                <th scope="col">事業名・自治体</th>
                <th scope="col">状態</th>
                <th scope="col" className="numeric">
                  採択額
                </th>
                <th scope="col" className="numeric">
                  交付決定額
                </th>
                <th scope="col" className="numeric">
                  確定額
                </th>
                <th scope="col" className="numeric">
                  支払済み（国費）
                </th>
                <th scope="col">次の期限</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.applicationId}>
                  <td>
                    <a
                      href={`/awards/${item.applicationId}`}
                      onClick={linkHandler(`/awards/${item.applicationId}`)}
                    >
                      {item.projectTitle || '（事業名未入力）'}
                    </a>
                    <div className="muted">{item.municipalityName ?? item.municipalityCode}</div>
                  </td>
                  <td>
                    <span className={`status status--${item.status}`}>
                      {label(STATUS_LABELS, item.status)}
                    </span>
                  </td>
                  <td className="numeric">
                    <YenWithMan yen={item.approvedGrant} />
                  </td>
                  <td className="numeric">
                    <YenWithMan yen={item.decidedGrant} />
                  </td>
                  <td className="numeric">
                    <YenWithMan yen={item.confirmedGrant} />
                  </td>
                  {/* A dash until a payment is recorded (payments are positive), as on the award's page. */}
                  <td className="numeric" data-testid="paid">
                    <YenWithMan yen={item.paid > 0 ? item.paid : null} />
                  </td>
                  <td>
                    {item.due ? (
                      <span className={item.due.overdue ? 'overdue' : undefined}>
                        {label(DUE_KIND_LABELS, item.due.kind)}：<CalendarDate date={item.due.dueDate} />
                        <br />
                        {daysLeftText(item.due.daysRemaining)}
                      </span>
                    ) : OFFICER_STEP_LABELS[item.status] ? (
                      <span data-testid="officer-step">
                        担当官の対応待ち（{OFFICER_STEP_LABELS[item.status]}）
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" className="button" onClick={() => void load(cursor)}>
          さらに表示
        </button>
      )}
    </main>
  );
}

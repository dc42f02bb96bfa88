import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { asProblem, problemHeadline } from '../../../api/problems';
import type { components } from '../../../api/schema';
import { daysLeftText, formatCalendarDate } from '../../../format/dates';
import { STATUS_LABELS, label } from '../../../messages/labels';
import { linkHandler } from '../../../router';
import { DUE_KIND_LABELS } from '../award-labels';
import '../post-award.css';
import { FailureAlert } from '../../../ui/failure-alert';
import { CalendarDate } from '../../../ui/calendar-date';

type OverdueItem = components['schemas']['OverdueItemView'];

/** 期限超過: grant applications and performance reports past their due date, longest past due first. */
export function OverduePage() {
  const [items, setItems] = useState<OverdueItem[]>([]);
  const [total, setTotal] = useState<number>();
  const [today, setToday] = useState<string>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [failure, setFailure] = useState<string>();

  const load = useCallback(async (after?: string) => {
    const { data, error, response } = await api.GET('/v1/awards/overdue', {
      params: { query: { limit: 50, ...(after ? { cursor: after } : {}) } },
    });
    if (!response.ok || !data) return setFailure(problemHeadline(asProblem(error, response.status)));
    setFailure(undefined);
    setItems((previous) => (after ? [...previous, ...data.items] : data.items));
    setTotal(data.total);
    setToday(data.today);
    setCursor(data.nextCursor);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main id="main" className="page page--wide">
      <p>
        <a href="/awards" onClick={linkHandler('/awards')}>
          ← 交付手続の一覧
        </a>
      </p>
      <h1>期限を過ぎた手続</h1>
      <FailureAlert message={failure} />
      {total !== undefined && (
        <p data-testid="overdue-total">
          {today && `${formatCalendarDate(today)}現在、`}
          <strong className={total > 0 ? 'overdue' : undefined}>{total}件</strong>
          {total > 0 ? 'が期限を過ぎています（超過日数の長い順）。' : '期限を過ぎた手続はありません。'}
        </p>
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="overdue-table">
            <caption className="visually-hidden">期限を過ぎた手続</caption>
            <thead>
              <tr>
                <th scope="col">事業名・自治体</th>
                <th scope="col">遅れている手続</th>
                <th scope="col">期限</th>
                <th scope="col" className="numeric">
                  超過日数
                </th>
                <th scope="col">状態</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.applicationId}-${item.kind}`}>
                  <td>
                    <a
                      href={`/awards/${item.applicationId}`}
                      onClick={linkHandler(`/awards/${item.applicationId}`)}
                    >
                      {item.projectTitle || '（事業名未入力）'}
                    </a>
                    <div className="muted">{item.municipalityName ?? item.municipalityCode}</div>
                  </td>
                  <td>{label(DUE_KIND_LABELS, item.kind)}</td>
                  <td>
                    <CalendarDate date={item.dueDate} />
                  </td>
                  <td className="numeric">
                    <strong className="overdue">{daysLeftText(item.daysRemaining)}</strong>
                  </td>
                  <td>{label(STATUS_LABELS, item.status)}</td>
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

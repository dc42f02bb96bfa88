import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { asProblem, problemHeadline } from '../../api/problems';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../format/dates';
import { formatYenWithMan } from '../../format/money';
import { STATUS_LABELS, label } from '../../messages/labels';
import { linkHandler } from '../../router';
import { FailureAlert } from '../../ui/failure-alert';

type ListItem = components['schemas']['ApplicationListItemView'];

// The tabs say what the status badges say (受理, 差戻し), so a report is found under the word it shows.
const TABS = [
  { status: 'reported_to_mic', label: `未処理（${STATUS_LABELS.reported_to_mic}）` },
  // 済み: beside the page's 受理する / 差し戻す, a bare 受理 or 差戻し reads as the action itself.
  { status: 'acknowledged', label: `${STATUS_LABELS.acknowledged}済み` },
  { status: 'returned', label: `${STATUS_LABELS.returned}済み` },
] as const;

/** 地方単独事業の報告: the local-track reports to MIC, waiting for the officer to acknowledge or return them. */
export function LocalReportsPage() {
  const [status, setStatus] = useState<(typeof TABS)[number]['status']>('reported_to_mic');
  const [items, setItems] = useState<ListItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string>();

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      const { data, error, response } = await api.GET('/v1/applications', {
        params: { query: { status, limit: 50, ...(after ? { cursor: after } : {}) } },
      });
      setLoading(false);
      if (!response.ok || !data) return setFailure(problemHeadline(asProblem(error, response.status)));
      setFailure(undefined);
      setItems((previous) => (after ? [...previous, ...data.items] : data.items));
      setCursor(data.nextCursor ?? null);
    },
    [status],
  );
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main id="main" className="page page--wide">
      <h1>地方単独事業の報告</h1>
      <p>
        自治体が独自に支援する事業（地方単独事業）の総務省への報告です。内容を確認し、受理するか、不足を示して差し戻します。
      </p>
      <div className="filters" role="group" aria-label="状態で絞り込み">
        {TABS.map((tab) => (
          <button
            key={tab.status}
            type="button"
            className={`button${status === tab.status ? ' button--primary' : ''}`}
            aria-pressed={status === tab.status}
            onClick={() => setStatus(tab.status)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <FailureAlert message={failure} />
      <p aria-live="polite" className="muted">
        {loading ? '読み込み中…' : `${items.length}件${cursor ? '（続きがあります）' : ''}`}
      </p>
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="local-reports">
            <caption className="visually-hidden">地方単独事業の報告</caption>
            <thead>
              <tr>
                <th scope="col">事業名・自治体</th>
                <th scope="col">状態</th>
                <th scope="col" className="numeric">
                  交付額（自治体の助成）
                </th>
                <th scope="col">更新日時</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <a href={`/local-track/${item.id}`} onClick={linkHandler(`/local-track/${item.id}`)}>
                      {item.projectTitle ?? '（事業名未入力）'}
                    </a>
                    <div className="muted">{item.municipalityName ?? item.municipalityCode}</div>
                  </td>
                  <td>{label(STATUS_LABELS, item.status)}</td>
                  <td className="numeric">
                    {item.requestedGrant !== null ? formatYenWithMan(item.requestedGrant) : '—'}
                  </td>
                  <td>{formatDateTime(new Date(item.updatedAt))}</td>
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

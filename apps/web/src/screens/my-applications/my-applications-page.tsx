import { useCallback, useEffect, useRef, useState } from 'react';
import { rememberWrite } from '../../api/application-answers';
import { api } from '../../api/client';
import { asProblem, problemHeadline } from '../../api/problems';
import { roundAt, roundLabel, type RoundInfo } from '../../api/rounds';
import { answerSettlesWrite, randomKey } from '../../api/write-keys';
import { daysUntil, formatDeadlineInList } from '../../format/dates';
import { STATUS_LABELS, label } from '../../messages/labels';
import { linkHandler, navigate } from '../../router';
import { toApplicationListPage, type ApplicationListItem } from './application-list-item';
import { FailureAlert } from '../../ui/failure-alert';
import { DecisionDue } from '../../ui/decision-due';
import { fiscalYearLabel } from '../../format/fiscal-year';
import { SelectField } from '../../ui/select-field';
import { YenWithMan } from '../../ui/yen-with-man';

const FILTERABLE_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'revision_requested',
  'adopted',
  'rejected',
  'withdrawn',
  'grant_applied',
  'grant_decided',
  'change_requested',
  'reported',
  'amount_confirmed',
  'paid',
  'abandoned',
];

/** A submitted application's round and deadline as its line says; a draft's, as if it were submitted now. */
function DeadlineCell({ item, current }: { item: ApplicationListItem; current?: RoundInfo }) {
  const shown =
    item.status === 'draft'
      ? current
      : item.round && item.deadline
        ? { round: item.round, deadline: item.deadline }
        : undefined;
  if (!shown) return <>—</>;
  const days = daysUntil(shown.deadline, new Date());
  return (
    <>
      <span className="nowrap">{roundLabel(shown.round)}</span>
      <br />
      <span className="nowrap" data-testid="deadline-in-list">
        {formatDeadlineInList(shown.deadline)}
      </span>
      <br />
      <strong>{days > 0 ? `あと${days}日` : days === 0 ? '本日締切' : '締切済み'}</strong>
      {item.status === 'draft' && <span className="muted">（今提出した場合）</span>}
    </>
  );
}

/**
 * What the list holds, above it: how many, or, when nothing is there, why — nothing yet
 * (and where to start), or nothing matching the filters.
 */
function listStatus(list: {
  loading: boolean;
  failed: boolean;
  shown: number;
  more: boolean;
  filtered: boolean;
}): string {
  if (list.loading) return '読み込み中…';
  if (list.failed) return '';
  if (list.shown > 0) return `${list.shown}件${list.more ? '（続きがあります）' : ''}`;
  return list.filtered
    ? '条件に合う申請はありません。状態や年度を「すべて」にすると、すべての申請を表示します。'
    : 'まだ申請はありません。「新しい申請を作成」から始めてください。';
}

export function MyApplicationsPage() {
  const [status, setStatus] = useState('');
  const [fiscalYear, setFiscalYear] = useState('');
  const [items, setItems] = useState<ApplicationListItem[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string>();
  const [creating, setCreating] = useState(false);
  /** The creation sent and not yet answered, kept for sending it again (see createDraft). */
  const creationKey = useRef<string | undefined>(undefined);
  const [current, setCurrent] = useState<RoundInfo>();

  useEffect(() => {
    void roundAt(new Date()).then(setCurrent);
  }, []);

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      const { data, error, response } = await api.GET('/v1/applications', {
        params: {
          query: {
            ...(status ? { status: status as never } : {}),
            ...(fiscalYear ? { fiscalYear: Number(fiscalYear) } : {}),
            ...(after ? { cursor: after } : {}),
            limit: 20,
          },
        },
      });
      setLoading(false);
      if (!response.ok) {
        setFailure(problemHeadline(asProblem(error, response.status)));
        return;
      }
      setFailure(undefined);
      const page = toApplicationListPage(data);
      setItems((previous) => (after ? [...previous, ...page.items] : [...page.items]));
      setCursor(page.nextCursor);
    },
    [status, fiscalYear],
  );

  useEffect(() => {
    void load();
  }, [load]);

  /**
   * A new draft. The button waits for the answer, so a double click makes one draft; a
   * creation that got no answer is sent again with the same Idempotency-Key, so the draft
   * it may have made is the one opened, not a second.
   */
  async function createDraft() {
    setCreating(true);
    creationKey.current ??= randomKey();
    try {
      const { data, error, response } = await api.POST('/v1/applications', {
        params: { header: { 'Idempotency-Key': creationKey.current } as never },
        body: { plan: { track: 'national', priorityCategories: [] } },
      });
      const id = (data as { id?: unknown } | undefined)?.id;
      if (!response.ok || typeof id !== 'string') {
        const problem = asProblem(error, response.status);
        if (answerSettlesWrite(problem.status)) creationKey.current = undefined;
        setFailure(problemHeadline(problem));
        return;
      }
      creationKey.current = undefined;
      rememberWrite(id, data);
      navigate(`/applications/${id}/edit`);
    } finally {
      setCreating(false);
    }
  }

  const years = current ? [current.fiscalYear, current.fiscalYear - 1, current.fiscalYear - 2] : [];

  return (
    <main id="main" className="page">
      <h1>申請一覧</h1>
      <p>
        あなたの団体の申請です。下書きは提出するまで何度でも編集できます（入力内容は自動で保存されます）。
      </p>
      <button
        type="button"
        className="button button--primary"
        disabled={creating}
        onClick={() => void createDraft()}
      >
        新しい申請を作成
      </button>
      <form className="filters" aria-label="絞り込み" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          id="filter-status"
          label="状態"
          any="すべて"
          value={status}
          onChange={setStatus}
          choices={FILTERABLE_STATUSES.map((value) => ({ value, label: label(STATUS_LABELS, value) }))}
        />
        <SelectField
          id="filter-fiscal-year"
          label="年度"
          any="すべて"
          value={fiscalYear}
          onChange={setFiscalYear}
          choices={years.map((year) => ({ value: year, label: fiscalYearLabel(year) }))}
        />
      </form>
      <FailureAlert message={failure} />
      <p aria-live="polite" className="muted">
        {listStatus({
          loading,
          failed: failure !== undefined,
          shown: items.length,
          more: cursor !== undefined,
          filtered: status !== '' || fiscalYear !== '',
        })}
      </p>
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">申請一覧</caption>
            <thead>
              <tr>
                <th scope="col">事業名</th>
                <th scope="col">状態</th>
                <th scope="col">募集回・締切</th>
                <th scope="col">採否決定予定日</th>
                <th scope="col" className="numeric">
                  交付額（申請）
                </th>
                <th scope="col" className="numeric">
                  国費（交付金）
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const path =
                  item.status === 'draft' ? `/applications/${item.id}/edit` : `/applications/${item.id}`;
                return (
                  <tr key={item.id}>
                    <td>
                      <a href={path} onClick={linkHandler(path)}>
                        {item.projectTitle || '（事業名未入力）'}
                      </a>
                      {item.businessName && <div className="muted">{item.businessName}</div>}
                    </td>
                    <td>
                      <span className={`status status--${item.status}`}>
                        {label(STATUS_LABELS, item.status)}
                      </span>
                    </td>
                    <td>
                      <DeadlineCell item={item} current={current} />
                    </td>
                    <td data-testid="decision-due">
                      <DecisionDue status={item.status} date={item.decisionDueDate} />
                    </td>
                    <td className="numeric">
                      <YenWithMan yen={item.requestedGrant} />
                    </td>
                    <td className="numeric">
                      <YenWithMan yen={item.nationalShare} />
                    </td>
                  </tr>
                );
              })}
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

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { asProblem, problemHeadline } from '../../api/problems';
import { roundLabel, roundsOfFiscalYear } from '../../api/rounds';
import { formatDateTime } from '../../format/dates';
import { halfWidth } from '../../format/half-width';
import { STATUS_LABELS, TRACK_LABELS, label } from '../../messages/labels';
import { linkHandler } from '../../router';
import type { ApplicationListItem } from './audit-views';
import { recentFiscalYears } from './fiscal-years';
import { fiscalYearLabel } from '../../format/fiscal-year';
import { SelectField } from '../../ui/select-field';
import { YenWithMan } from '../../ui/yen-with-man';
import './audit.css';
import { FailureAlert } from '../../ui/failure-alert';

type Status = NonNullable<ApplicationListItem['status']>;

interface Filters {
  readonly fiscalYear: string;
  readonly round: string;
  readonly status: string;
  readonly municipalityCode: string;
}

const NO_FILTERS: Filters = { fiscalYear: '', round: '', status: '', municipalityCode: '' };
const PAGE_SIZE = 20;

/** Every application, any municipality, a page at a time: the auditor's way in to one history. */
export function AuditApplicationsPage() {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [codeError, setCodeError] = useState<string>();
  const [items, setItems] = useState<ApplicationListItem[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string>();

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      const { data, error, response } = await api.GET('/v1/applications', {
        params: {
          query: {
            ...(filters.fiscalYear ? { fiscalYear: Number(filters.fiscalYear) } : {}),
            ...(filters.round ? { round: filters.round } : {}),
            ...(filters.status ? { status: filters.status as Status } : {}),
            ...(filters.municipalityCode ? { municipalityCode: filters.municipalityCode } : {}),
            ...(after ? { cursor: after } : {}),
            limit: PAGE_SIZE,
          },
        },
      });
      setLoading(false);
      if (!data) {
        setFailure(problemHeadline(asProblem(error, response.status)));
        return;
      }
      setFailure(undefined);
      setItems((previous) => (after ? [...previous, ...data.items] : data.items));
      setCursor(data.nextCursor ?? undefined);
    },
    [filters],
  );

  useEffect(() => {
    void load();
  }, [load]);

  function search(event: FormEvent) {
    event.preventDefault();
    const code = halfWidth(draft.municipalityCode);
    if (code && !/^\d{6}$/.test(code)) {
      setCodeError('団体コードは6桁の数字で入力してください（例：032077）。');
      return;
    }
    setCodeError(undefined);
    setFilters({ ...draft, municipalityCode: code });
  }

  const years = recentFiscalYears(new Date());
  const statuses = Object.keys(STATUS_LABELS);

  return (
    <main id="main" className="page page--wide">
      <h1>申請の検索（監査）</h1>
      <p>
        すべての団体の申請を検索できます。申請を選ぶと、履歴（すべての記録）、ある時点の状態、整合性の検証を確認できます。
      </p>
      <form className="filters audit-filters" aria-label="検索条件" onSubmit={search} noValidate>
        <SelectField
          id="filter-fiscal-year"
          label="年度"
          any="すべて"
          value={draft.fiscalYear}
          onChange={(fiscalYear) => setDraft({ ...draft, fiscalYear, round: '' })}
          choices={years.map((year) => ({ value: year, label: fiscalYearLabel(year) }))}
        />
        <SelectField
          id="filter-round"
          label="募集回"
          any="すべて"
          value={draft.round}
          disabled={!draft.fiscalYear}
          onChange={(round) => setDraft({ ...draft, round })}
          choices={
            draft.fiscalYear
              ? roundsOfFiscalYear(Number(draft.fiscalYear)).map((round) => ({
                  value: round,
                  label: roundLabel(round),
                }))
              : []
          }
        />
        <SelectField
          id="filter-status"
          label="状態"
          any="すべて"
          value={draft.status}
          onChange={(status) => setDraft({ ...draft, status })}
          choices={statuses.map((status) => ({ value: status, label: label(STATUS_LABELS, status) }))}
        />
        <div className={`field${codeError ? ' field--error' : ''}`}>
          <label htmlFor="filter-municipality-code" className="field__label">
            団体コード（6桁）
          </label>
          {codeError && (
            <p className="field__error" id="filter-municipality-code-error">
              {codeError}
            </p>
          )}
          <input
            id="filter-municipality-code"
            className="input input--short"
            inputMode="numeric"
            autoComplete="off"
            value={draft.municipalityCode}
            aria-invalid={codeError ? true : undefined}
            aria-describedby={codeError ? 'filter-municipality-code-error' : undefined}
            onChange={(event) => setDraft({ ...draft, municipalityCode: event.target.value })}
          />
        </div>
        <div className="audit-filters__submit">
          <button type="submit" className="button button--primary">
            この条件で検索
          </button>
        </div>
      </form>
      <FailureAlert message={failure} />
      <p aria-live="polite" className="muted">
        {loading ? '読み込み中…' : `${items.length}件を表示${cursor ? '（続きがあります）' : ''}`}
      </p>
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">申請の検索結果</caption>
            <thead>
              <tr>
                <th scope="col">事業名</th>
                <th scope="col">団体</th>
                <th scope="col">状態</th>
                <th scope="col">募集回</th>
                <th scope="col" className="numeric">
                  交付額（申請）
                </th>
                <th scope="col" className="numeric">
                  国費
                </th>
                <th scope="col">最終更新（日本時間）</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const path = `/audit/applications/${item.id}`;
                return (
                  <tr key={item.id}>
                    <td>
                      <a href={path} onClick={linkHandler(path)}>
                        {item.projectTitle || '（事業名未入力）'}
                      </a>
                      <div className="muted">
                        {item.businessName ?? ''}
                        {item.track === 'local' ? `・${label(TRACK_LABELS, item.track)}` : ''}
                      </div>
                    </td>
                    <td>
                      {item.municipalityName ?? '—'}
                      <div className="muted">{item.municipalityCode}</div>
                    </td>
                    <td>
                      <span className={`status status--${item.status}`}>
                        {label(STATUS_LABELS, item.status)}
                      </span>
                    </td>
                    <td className="nowrap">{item.round ? roundLabel(item.round) : '—'}</td>
                    <td className="numeric">
                      <YenWithMan yen={item.requestedGrant} />
                    </td>
                    <td className="numeric" data-testid="national-share">
                      <YenWithMan yen={item.nationalShare} />
                    </td>
                    <td className="nowrap">{formatDateTime(new Date(item.updatedAt))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" className="button" onClick={() => void load(cursor)} disabled={loading}>
          さらに表示
        </button>
      )}
    </main>
  );
}

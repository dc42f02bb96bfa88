import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api/client';
import { asProblem, problemHeadline } from '../../api/problems';
import { EVENT_TYPE_LABELS, label } from '../../messages/labels';
import type { ApplicationState, HistoryEntry } from './audit-views';
import { formatEventInstant, fromTokyoLocalInput, toTokyoLocalInput } from './japan-time';
import { StateSummary } from './state-summary';
import { FailureAlert } from '../../ui/failure-alert';

export type PointInTime = { readonly revision: number } | { readonly asOf: string };

type Shown = { readonly state: ApplicationState } | { readonly failure: string } | undefined;

/** 第17版 採択、令和8年12月6日(日) 19:56:59（2026年12月6日）に記録: no bracket inside a bracket. */
function describe(entry: HistoryEntry | undefined): string {
  return entry
    ? `第${entry.revision}版 ${label(EVENT_TYPE_LABELS, entry.type)}、${formatEventInstant(entry.recordedAt)}に記録`
    : '';
}

/**
 * The application as it was at a revision (a slider over the timeline's events) or at an
 * instant (a date and time, Japan time, compared with when each event was recorded). Both
 * read GET /v1/applications/{id}/state, which folds the stream itself, not a read model.
 */
export function StateAtInstant({
  applicationId,
  entries,
  point,
  latest,
  onPoint,
  onShown,
  broken,
}: {
  applicationId: string;
  entries: readonly HistoryEntry[];
  point: PointInTime;
  /** The latest state, read beside the history: shown for the last revision without asking again. */
  latest?: Promise<ApplicationState | undefined>;
  onPoint: (point: PointInTime) => void;
  /** The revision whose state is on screen, once it has loaded. */
  onShown: (revision: number | undefined) => void;
  /** The revisions the integrity check found altered or missing, once it has run. */
  broken: ReadonlyMap<number, string>;
}) {
  const [shown, setShown] = useState<Shown>();
  const [loading, setLoading] = useState(false);
  const [instant, setInstant] = useState(() =>
    toTokyoLocalInput(entries[entries.length - 1]?.recordedAt ?? new Date().toISOString()),
  );
  const [instantError, setInstantError] = useState<string>();
  const latestRequest = useRef(0);
  const headingId = useId();

  const load = useCallback(
    async (at: PointInTime) => {
      const request = ++latestRequest.current;
      setLoading(true);
      const known = 'revision' in at ? await latest : undefined;
      if (request !== latestRequest.current) return;
      if (known && 'revision' in at && known.lastEvent.revision === at.revision) {
        setLoading(false);
        onShown(known.lastEvent.revision);
        setShown({ state: known });
        return;
      }
      const query = 'revision' in at ? { revision: String(at.revision) } : { asOf: at.asOf };
      const { data, error, response } = await api.GET('/v1/applications/{id}/state', {
        params: { path: { id: applicationId }, query },
      });
      if (request !== latestRequest.current) return;
      setLoading(false);
      onShown(data?.lastEvent.revision);
      if (data) setShown({ state: data });
      else if (response.status === 404 && 'asOf' in at)
        setShown({ failure: 'この日時には、申請はまだ作成されていませんでした。' });
      else setShown({ failure: problemHeadline(asProblem(error, response.status)) });
    },
    [applicationId, onShown, latest],
  );

  useEffect(() => {
    void load(point);
  }, [load, point]);

  // A revision chosen (on the slider or in the timeline) puts its recorded instant in the
  // date field, to adjust from there; an instant typed in stays as typed.
  const chosenAt =
    'revision' in point ? entries.find((entry) => entry.revision === point.revision)?.recordedAt : undefined;
  useEffect(() => {
    if (chosenAt) setInstant(toTokyoLocalInput(chosenAt));
  }, [chosenAt]);

  const state = shown && 'state' in shown ? shown.state : undefined;
  // The slider follows the key or pointer at once; an instant shows where its last event stands.
  const revision = 'revision' in point ? point.revision : (state?.lastEvent.revision ?? entries.length - 1);
  const entryAt = (value: number) => entries.find((entry) => entry.revision === value);
  // The state is folded from every record up to the one shown: a broken one among them taints it.
  const brokenWithin =
    state === undefined
      ? []
      : [...broken.keys()].filter((broke) => broke <= state.lastEvent.revision).sort((a, b) => a - b);

  function showInstant() {
    const asOf = fromTokyoLocalInput(instant);
    if (!asOf) {
      setInstantError('日時を「年/月/日 時:分:秒」の形で入力してください。');
      return;
    }
    setInstantError(undefined);
    onPoint({ asOf });
  }

  return (
    <section className="audit-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>ある時点の申請</h2>
      <p>
        スライダーで版（記録の位置）を選ぶか、日時を指定すると、その時点までの記録だけから申請を組み立て直して表示します。
      </p>
      <div className="field">
        <label htmlFor="revision-slider" className="field__label">
          版を選ぶ（第0版〜第{Math.max(entries.length - 1, 0)}版）
        </label>
        <input
          id="revision-slider"
          className="revision-slider"
          type="range"
          min={0}
          max={Math.max(entries.length - 1, 0)}
          step={1}
          value={revision}
          aria-valuetext={describe(entryAt(revision))}
          onChange={(event) => onPoint({ revision: Number(event.target.value) })}
        />
        <p className="field__hint" data-testid="slider-position">
          {describe(entryAt(revision))}
        </p>
      </div>
      <div className={`field${instantError ? ' field--error' : ''}`}>
        <label htmlFor="as-of" className="field__label">
          日時を指定する（日本時間・記録日時で比較）
        </label>
        {instantError && (
          <p className="field__error" id="as-of-error">
            {instantError}
          </p>
        )}
        <div className="as-of">
          <input
            id="as-of"
            className="input"
            type="datetime-local"
            step={1}
            value={instant}
            aria-describedby={instantError ? 'as-of-error' : undefined}
            onChange={(event) => setInstant(event.target.value)}
          />
          <button type="button" className="button" onClick={showInstant}>
            この日時の申請を表示
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {loading && <p className="muted">読み込み中…</p>}
        {!loading && 'asOf' in point && state && (
          <p className="notice">
            {formatEventInstant(point.asOf)}の時点の申請です（それまでの最後の記録は第
            {state.lastEvent.revision}版）。
          </p>
        )}
        {!loading && brokenWithin.length > 0 && (
          <div className="notice notice--warning" role="note" data-testid="state-from-broken-records">
            <p>
              この時点の申請は、検証で一致しなかった記録（
              {brokenWithin.map((broke) => `第${broke}版`).join('・')}
              ）を含む記録から組み立てています。書き換えられた内容を含んでいる可能性があります。
            </p>
          </div>
        )}
        <FailureAlert message={shown && 'failure' in shown ? shown.failure : undefined} />
      </div>
      {state && <StateSummary state={state} />}
    </section>
  );
}

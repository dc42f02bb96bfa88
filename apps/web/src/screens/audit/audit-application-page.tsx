import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { asProblem, problemHeadline } from '../../api/problems';
import { linkHandler } from '../../router';
import { brokenRecordsOf, type ApplicationState, type HistoryEntry } from './audit-views';
import { HistoryTimeline } from './history-timeline';
import { IntegrityCheck } from './integrity-check';
import { StateAtInstant, type PointInTime } from './state-at-instant';
import './audit.css';
import { FailureAlert } from '../../ui/failure-alert';

interface Heading {
  readonly title: string;
  readonly municipality: string;
}

type Loaded = { readonly entries: readonly HistoryEntry[] } | { readonly failure: string } | undefined;

/** Every event of the application: the history is paged, the auditor's timeline shows it whole. */
async function wholeHistory(id: string): Promise<NonNullable<Loaded>> {
  const entries: HistoryEntry[] = [];
  let cursor: string | undefined;
  do {
    const { data, error, response } = await api.GET('/v1/applications/{id}/history', {
      params: { path: { id }, query: { limit: 200, cursor } },
    });
    if (!data) return { failure: problemHeadline(asProblem(error, response.status)) };
    entries.push(...data.items);
    cursor = data.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { entries };
}

/** One application for the auditor: its state at any point, its chain verified, every event. */
export function AuditApplicationPage({ id }: { id: string }) {
  const [history, setHistory] = useState<Loaded>();
  const [heading, setHeading] = useState<Heading>();
  const [point, setPoint] = useState<PointInTime>();
  const [shownRevision, setShownRevision] = useState<number>();
  const [broken, setBroken] = useState<ReadonlyMap<number, string>>(new Map());
  const [latest, setLatest] = useState<Promise<ApplicationState | undefined>>();

  useEffect(() => {
    // The latest state, folded from the log as every state here is, asked beside the history:
    // it names the application, and it is the state first shown (at the last revision).
    const latestState = api.GET('/v1/applications/{id}/state', { params: { path: { id } } }).then(
      ({ data }) => data,
      () => undefined,
    );
    setLatest(latestState);
    void latestState.then((state) => {
      if (state)
        setHeading({
          title: state.plan.projectTitle || '（事業名未入力）',
          municipality: `${state.municipalityName ?? '団体コード'} ${state.municipalityCode}`,
        });
    });
    void wholeHistory(id).then((loaded) => {
      setHistory(loaded);
      const last = 'entries' in loaded ? loaded.entries[loaded.entries.length - 1] : undefined;
      if (last) setPoint({ revision: last.revision });
    });
  }, [id]);

  function show(next: PointInTime) {
    setPoint(next);
    document.getElementById('state-at-instant')?.scrollIntoView({ block: 'start' });
  }

  const entries = history && 'entries' in history ? history.entries : undefined;

  return (
    <main id="main" className="page page--wide">
      <p>
        <a href="/audit/applications" onClick={linkHandler('/audit/applications')}>
          申請の検索へ戻る
        </a>
      </p>
      <h1>申請の監査{heading ? `：${heading.title}` : ''}</h1>
      <p className="muted">
        {heading && `${heading.municipality}・`}申請ID <code>{id}</code>
      </p>
      {!history && <p aria-live="polite">読み込み中…</p>}
      <FailureAlert message={history && 'failure' in history ? history.failure : undefined} />
      {entries && point && (
        <div className="audit-layout">
          <div id="state-at-instant">
            <StateAtInstant
              applicationId={id}
              entries={entries}
              point={point}
              latest={latest}
              onPoint={setPoint}
              onShown={setShownRevision}
              broken={broken}
            />
          </div>
          <IntegrityCheck
            applicationId={id}
            scope="この申請"
            onReport={(report) => setBroken(brokenRecordsOf(report, id))}
          />
        </div>
      )}
      {entries && (
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">履歴（全{entries.length}件の記録）</h2>
          <HistoryTimeline
            entries={entries}
            shownRevision={shownRevision}
            onShow={(revision) => show({ revision })}
            broken={broken}
          />
        </section>
      )}
    </main>
  );
}

import './review.css';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { asProblem, problemHeadline } from '../../api/problems';
import { roundLabel } from '../../api/rounds';
import type { components } from '../../api/schema';
import { daysLeftText } from '../../format/dates';
import { linkHandler } from '../../router';
import { writtenAfter } from '../../api/application-answers';
import type { ApplicationView } from '../application-read/application-view';
import { MY_PART_LABELS, type MyPart } from './my-part';
import { ownSubject } from './own-subject';
import { FailureAlert } from '../../ui/failure-alert';
import { CalendarDate } from '../../ui/calendar-date';

type QueueItem = components['schemas']['ReviewQueueItemView'];

interface Line {
  readonly item: QueueItem;
  readonly step: MyPart['step'] | null;
}

const OPEN_STEPS = new Set<Line['step']>(['declare', 'review']);

/**
 * The line with where this reviewer stands: as the queue says (ownStep), or as this tab's own
 * later write says (a declaration or a review just made), when the queue does not reflect it yet.
 */
function lineOf(item: QueueItem): Line {
  const written = writtenAfter(item.applicationId, item.revision) as ApplicationView | undefined;
  return { item, step: written ? (written.ownStep ?? null) : item.ownStep };
}

/** The reviewer's own queue: assigned applications still open, the ones waiting for them first, by due date. */
export function ReviewQueuePage() {
  const [lines, setLines] = useState<readonly Line[]>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [failure, setFailure] = useState<string>();
  const sub = ownSubject();

  async function load(cursor?: string) {
    const { data, error, response } = await api.GET('/v1/review-queue', {
      params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } },
    });
    if (!data) return setFailure(problemHeadline(asProblem(error, response.status)));
    // Each line says where this reviewer stands (ownStep): no application is asked for.
    const read = data.items.map(lineOf);
    setLines((previous) => [...(cursor ? (previous ?? []) : []), ...read]);
    setNextCursor(data.nextCursor);
  }
  useEffect(() => {
    void load();
  }, []);

  const waiting = lines?.filter((line) => OPEN_STEPS.has(line.step)) ?? [];
  const others = lines?.filter((line) => !OPEN_STEPS.has(line.step)) ?? [];

  return (
    <main id="main" className="page page--wide">
      <h1>審査一覧</h1>
      <p>
        あなたに割り当てられた審査中の申請です。まず利益相反の有無を申告し、利益相反がなければ審査結果を提出してください。
      </p>
      {sub && <p className="muted">あなたの審査員ID：{sub}（担当官が割当てに使います）</p>}
      <FailureAlert message={failure} />
      {!lines && !failure && <p>読み込み中…</p>}
      {lines && (
        <>
          <h2>審査待ち（{waiting.length}件）</h2>
          {waiting.length === 0 ? (
            <p>審査待ちの申請はありません。</p>
          ) : (
            <QueueTable caption="審査待ちの申請" lines={waiting} />
          )}
          {others.length > 0 && (
            <>
              <h2>審査済み・辞退（{others.length}件）</h2>
              <QueueTable caption="審査済み・辞退した申請" lines={others} />
            </>
          )}
          {nextCursor && (
            <button type="button" className="button" onClick={() => void load(nextCursor)}>
              さらに表示
            </button>
          )}
        </>
      )}
    </main>
  );
}

function QueueTable({ caption, lines }: { caption: string; lines: readonly Line[] }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="review-queue">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">事業名</th>
            <th scope="col">申請団体</th>
            <th scope="col">募集回</th>
            <th scope="col">採否決定予定日</th>
            <th scope="col">審査状況</th>
            <th scope="col">あなたの状況</th>
          </tr>
        </thead>
        <tbody>
          {lines.map(({ item, step }) => (
            <tr key={item.applicationId} className={item.overdue ? 'row--overdue' : undefined}>
              <td>
                <a
                  href={`/reviews/${item.applicationId}`}
                  onClick={linkHandler(`/reviews/${item.applicationId}`)}
                >
                  {item.projectTitle || '（事業名未入力）'}
                </a>
              </td>
              <td>
                {item.municipalityName ?? ''} <span className="muted">{item.municipalityCode}</span>
              </td>
              <td className="nowrap">{roundLabel(item.round)}</td>
              <td>
                <CalendarDate date={item.decisionDueDate} />
                <br />
                <span className={item.overdue ? 'overdue' : 'muted'}>{daysLeftText(item.daysRemaining)}</span>
              </td>
              <td className="nowrap">
                {item.reviewsDone} / {item.reviewsNeeded ?? '—'}件
              </td>
              <td className="nowrap">{step ? MY_PART_LABELS[step] : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

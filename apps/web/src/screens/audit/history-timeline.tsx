import { EVENT_TYPE_LABELS, INTEGRITY_FAILURE_LABELS, ROLE_LABELS, label } from '../../messages/labels';
import { timelineEntryId, type HistoryEntry } from './audit-views';
import { EventData } from './event-data';
import { formatEventInstant } from './japan-time';

/**
 * Every event of the application, oldest first: when (Japan time), who, what (in Japanese,
 * with the stored type beside it), the data as recorded and the hash that chains it. A record
 * a verification found broken is marked where it stands, with the reason.
 */
export function HistoryTimeline({
  entries,
  shownRevision,
  onShow,
  broken = new Map(),
}: {
  entries: readonly HistoryEntry[];
  shownRevision?: number;
  onShow: (revision: number) => void;
  /** The first broken record of the chain, by revision, with the reason (brokenRecordsOf). */
  broken?: ReadonlyMap<number, string>;
}) {
  return (
    <ol className="timeline" aria-label="履歴（古い順）">
      {entries.map((entry) => {
        const shown = entry.revision === shownRevision;
        const reason = broken.get(entry.revision);
        return (
          <li
            key={entry.position}
            id={timelineEntryId(entry.revision)}
            className={`timeline__event${shown ? ' timeline__event--shown' : ''}${reason ? ' timeline__event--broken' : ''}`}
            aria-current={shown ? 'step' : undefined}
            data-testid="timeline-event"
          >
            <h3 className="timeline__title">
              <span className="timeline__revision">第{entry.revision}版</span>
              {label(EVENT_TYPE_LABELS, entry.type)}
              <span className="timeline__type">{entry.type}</span>
            </h3>
            {reason && (
              <p className="timeline__broken">
                <strong>検証で一致しなかった記録です：</strong>
                {label(INTEGRITY_FAILURE_LABELS, reason)}
              </p>
            )}
            <div className="timeline__action">
              {shown ? (
                <span className="timeline__shown">表示中の版</span>
              ) : (
                <button
                  type="button"
                  className="button timeline__show"
                  onClick={() => onShow(entry.revision)}
                >
                  第{entry.revision}版の申請を表示
                </button>
              )}
            </div>
            <dl className="figures timeline__facts">
              <dt>日時</dt>
              <dd>{formatEventInstant(entry.at)}</dd>
              <dt>記録日時</dt>
              <dd>{formatEventInstant(entry.recordedAt)}</dd>
              <dt>実行者</dt>
              <dd>
                {entry.actor.sub}（{label(ROLE_LABELS, entry.actor.role)}）
              </dd>
              <dt>記録全体の通し番号</dt>
              <dd>{entry.position}</dd>
              <dt>ハッシュ値</dt>
              <dd>
                <code className="hash">{entry.hash}</code>
              </dd>
            </dl>
            <EventData data={entry.data} />
          </li>
        );
      })}
    </ol>
  );
}

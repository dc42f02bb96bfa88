import { useId } from 'react';

const SHORT = 240;

/**
 * An event's data exactly as recorded (JSON, keys as stored): an auditor compares it with the
 * export. Short data shows at once; longer data (a whole plan) opens on request. Instants in
 * it are as stored, in UTC (…Z), while the timeline shows Japan time: the summary says so.
 */
export function EventData({ data }: { data: Record<string, unknown> }) {
  const text = JSON.stringify(data, null, 2);
  const id = useId();
  return (
    <details className="event-data" open={text.length <= SHORT}>
      <summary>記録されたデータ（JSON。記録のままの内容で、日時は UTC（日本時間 − 9時間）です）</summary>
      <pre className="event-data__json" id={id} tabIndex={0} aria-label="記録されたデータ">
        {text}
      </pre>
    </details>
  );
}

import { useId } from 'react';

const SHORT = 240;

/**
 * An event's data exactly as recorded (JSON, keys as stored): an auditor compares it with the
 * export. Short data shows at once; longer data (a whole plan) opens on request.
 */
export function EventData({ data }: { data: Record<string, unknown> }) {
  const text = JSON.stringify(data, null, 2);
  const id = useId();
  return (
    <details className="event-data" open={text.length <= SHORT}>
      <summary>記録されたデータ（JSON）</summary>
      <pre className="event-data__json" id={id} tabIndex={0} aria-label="記録されたデータ">
        {text}
      </pre>
    </details>
  );
}

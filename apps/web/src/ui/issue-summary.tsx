import { useEffect, useId, useRef } from 'react';
import type { SummaryItem } from './summary-item';

export type { SummaryItem } from './summary-item';

/**
 * The error summary at the top of a form (Digital Agency pattern) for forms whose messages are
 * worded by the screen itself: takes focus when it appears, each entry links to its field.
 */
export function IssueSummary({ title, items }: { title: string; items: readonly SummaryItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, [title, items]);
  return (
    <div className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      <h2 id={titleId}>{title}</h2>
      {items.length > 0 && (
        <ul>
          {items.map((item, index) => (
            <li key={`${item.fieldId}-${index}`}>
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  const target = document.getElementById(item.fieldId);
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }}
              >
                {item.text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

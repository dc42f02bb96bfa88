import { useEffect, useId, useRef } from 'react';
import { inPageOrder } from './page-order';
import { ReloadButton } from './reload-button';
import { SummaryLink } from './summary-link';
import type { SummaryItem } from './summary-item';

export type { SummaryItem } from './summary-item';

export interface IssueSummaryProps {
  readonly title: string;
  readonly items: readonly SummaryItem[];
  /**
   * New for each refusal and the same across redraws (the form's issues as kept in its state),
   * so that a refusal saying the same again takes focus again.
   */
  readonly refusal?: object;
}

/**
 * The error summary at the top of a form (Digital Agency pattern): takes focus when it appears,
 * when what it says changes and at each new refusal, and each entry links to its field. Not at
 * every redraw: the items are often built afresh each render, and focus taken back at each
 * keystroke left the person typing in a field after the first character.
 */
export function IssueSummary({ title, items, refusal }: IssueSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const says = [title, ...items.map((item) => `${item.fieldId}\t${item.text}`)].join('\n');
  useEffect(() => {
    ref.current?.focus();
  }, [says, refusal]);
  return (
    <div className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      <h2 id={titleId}>{title}</h2>
      <ReloadButton failure={title} />
      {items.length > 0 && (
        <ul>
          {inPageOrder(items).map((item, index) => (
            <li key={`${item.fieldId}-${index}`}>
              <SummaryLink fieldId={item.fieldId}>{item.text}</SummaryLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

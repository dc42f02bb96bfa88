import type { ReactNode } from 'react';

/**
 * A summary entry's link to its field: moves focus to the field and brings it into view, not
 * only the page's scroll position (Digital Agency error summary pattern).
 */
export function SummaryLink({ fieldId, children }: { fieldId: string; children: ReactNode }) {
  return (
    <a
      href={`#${fieldId}`}
      onClick={(event) => {
        const target = document.getElementById(fieldId);
        if (!target) return;
        event.preventDefault();
        target.focus();
        target.scrollIntoView({ block: 'center' });
      }}
    >
      {children}
    </a>
  );
}

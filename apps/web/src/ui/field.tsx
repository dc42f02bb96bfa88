import type { ReactNode } from 'react';
import { joinSentences } from '../format/sentences';

export interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly required?: boolean;
  readonly hint?: string;
  readonly errors?: readonly string[];
  readonly warnings?: readonly string[];
  /**
   * Receives the ids the input's aria-describedby must name, and whether the input must say
   * aria-invalid (the field shows an error).
   */
  readonly children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/** Label above the field, 必須 beside it, hint, then the field's own errors (Digital Agency form pattern). */
export function Field({ id, label, required, hint, errors = [], warnings = [], children }: FieldProps) {
  const describedBy =
    [hint && `${id}-hint`, errors.length > 0 && `${id}-error`, warnings.length > 0 && `${id}-warning`]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div className={`field${errors.length > 0 ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? <span className="badge badge--required">必須</span> : <span className="badge">任意</span>}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          {joinSentences(errors)}
        </p>
      )}
      {warnings.length > 0 && (
        <p className="field__warning" id={`${id}-warning`}>
          {joinSentences(warnings)}
        </p>
      )}
      {children(describedBy, errors.length > 0)}
    </div>
  );
}

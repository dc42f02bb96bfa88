/** One choice of a SelectField: the value sent, and the words shown. */
export interface SelectChoice {
  readonly value: string | number;
  readonly label: string;
}

/**
 * A labelled select, as the lists' filters and the year pickers use it. `any` names a first
 * choice that narrows nothing (すべて), sent as the empty value.
 */
export function SelectField({
  id,
  label,
  value,
  choices,
  onChange,
  any,
  disabled,
  className,
}: {
  id: string;
  label: string;
  value: string | number;
  choices: readonly SelectChoice[];
  onChange: (value: string) => void;
  any?: string;
  disabled?: boolean;
  /** Beside `select`, e.g. a width of its own. */
  className?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        className={className ? `select ${className}` : 'select'}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        {any !== undefined && <option value="">{any}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

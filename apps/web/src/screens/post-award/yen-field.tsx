import { formatYenWithMan } from '../../format/money';
import { Field } from '../../ui/field';
import { parseYen } from '../application-form/plan-form';

/** A money field as the plan form has it: whole yen, separators allowed, 万円 shown beside it. */
export function YenField({
  id,
  label,
  value,
  onChange,
  errors = [],
  hint,
  required = true,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: readonly string[];
  hint?: string;
  required?: boolean;
}) {
  const typed = parseYen(value);
  const shownErrors =
    value.trim() !== '' && typed === undefined
      ? [...errors, `${label}は円単位の整数で入力してください。`]
      : errors;
  return (
    <Field id={id} label={label} required={required} hint={hint} errors={shownErrors}>
      {(describedBy) => (
        <div className="yen-input">
          <input
            id={id}
            className="input input--yen"
            inputMode="numeric"
            value={value}
            aria-describedby={describedBy}
            aria-invalid={shownErrors.length > 0}
            onChange={(event) => onChange(event.target.value)}
          />
          <span aria-hidden="true">円</span>
          {typed !== undefined && typed >= 10_000 && <span className="muted">{formatYenWithMan(typed)}</span>}
        </div>
      )}
    </Field>
  );
}

import { parseYen } from '../format/money';
import { Field } from './field';
import { YenInput } from './yen-input';

/**
 * A money field as the plan form has it: whole yen, separators allowed, 万円 shown beside it.
 * A typing mistake is said at the field as it is made, unless the caller's own `errors` say it
 * already (`typingCheckedByCaller`: the application form checks every figure with its rules).
 */
export function YenField({
  id,
  label,
  value,
  onChange,
  errors = [],
  warnings,
  hint,
  required = true,
  typingCheckedByCaller = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: readonly string[];
  warnings?: readonly string[];
  hint?: string;
  required?: boolean;
  typingCheckedByCaller?: boolean;
}) {
  const shownErrors =
    !typingCheckedByCaller && value.trim() !== '' && parseYen(value) === undefined
      ? [...errors, `${label}は円単位の整数で入力してください。`]
      : errors;
  return (
    <Field id={id} label={label} required={required} hint={hint} errors={shownErrors} warnings={warnings}>
      {(describedBy, invalid) => (
        <YenInput
          value={value}
          onChange={onChange}
          input={{ id, 'aria-describedby': describedBy, 'aria-invalid': invalid }}
        />
      )}
    </Field>
  );
}

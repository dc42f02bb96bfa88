import { parseYen } from '../../format/money';
import { Field } from '../../ui/field';
import { YenInput } from '../../ui/yen-input';

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
  const shownErrors =
    value.trim() !== '' && parseYen(value) === undefined
      ? [...errors, `${label}は円単位の整数で入力してください。`]
      : errors;
  return (
    <Field id={id} label={label} required={required} hint={hint} errors={shownErrors}>
      {(describedBy) => (
        <YenInput
          value={value}
          onChange={onChange}
          input={{ id, 'aria-describedby': describedBy, 'aria-invalid': shownErrors.length > 0 }}
        />
      )}
    </Field>
  );
}

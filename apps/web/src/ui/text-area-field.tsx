import { Field } from './field';

/**
 * A field of several lines of text: its label, hint and messages (Field), and the textarea tied
 * to them. `maxLength` is the API's limit for the field (4,000 characters for reasons and
 * comments), so a text the API would refuse for its length cannot be typed.
 */
export function TextAreaField({
  id,
  label,
  value,
  onChange,
  errors,
  hint,
  required,
  rows = 3,
  maxLength = 4000,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: readonly string[];
  hint?: string;
  required?: boolean;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <Field id={id} label={label} required={required} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <textarea
          id={id}
          className="textarea"
          rows={rows}
          maxLength={maxLength}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

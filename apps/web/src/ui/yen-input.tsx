import type { InputHTMLAttributes } from 'react';
import { formatYenWithMan, parseYen, yenInputText } from '../format/money';

/**
 * A money input: whole yen as typed (separators and full-width digits allowed), 円 beside it,
 * and from 1万円 on the amount as officers read it (2,500万円). The field around it (label,
 * hint, errors) is the caller's; `input` carries its id and aria attributes. On leaving the
 * field a whole amount shows with separators (90000000 → 90,000,000), as prefilled amounts do.
 */
export function YenInput({
  value,
  onChange,
  input,
}: {
  value: string;
  onChange: (value: string) => void;
  input: InputHTMLAttributes<HTMLInputElement>;
}) {
  const typed = parseYen(value);
  return (
    <div className="yen-input">
      <input
        {...input}
        className="input input--yen"
        inputMode="numeric"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => typed !== undefined && yenInputText(typed) !== value && onChange(yenInputText(typed))}
      />
      <span aria-hidden="true">円</span>
      {typed !== undefined && typed >= 10_000 && <span className="muted">{formatYenWithMan(typed)}</span>}
    </div>
  );
}

import type { ReactNode } from 'react';
import { joinSentences } from '../format/sentences';

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: ReactNode;
}

export interface ChoiceFieldsetProps<T extends string> {
  /** The fieldset's id: the error summary's link moves focus here. */
  readonly id: string;
  readonly legend: string;
  /** The radios' group name. */
  readonly name: string;
  readonly choices: readonly Choice<T>[];
  /** The value chosen, or '' while none is. */
  readonly value: T | '';
  readonly onChange: (value: T) => void;
  readonly errors?: readonly string[];
  /** The radios side by side (a short pair such as 満たす／満たさない), not one under another. */
  readonly inline?: boolean;
}

/** A required choice of one: the legend with 必須, the field's own errors, then the radios (Digital Agency form pattern). */
export function ChoiceFieldset<T extends string>({
  id,
  legend,
  name,
  choices,
  value,
  onChange,
  errors = [],
  inline = false,
}: ChoiceFieldsetProps<T>) {
  const invalid = errors.length > 0;
  const radios = choices.map((choice) => (
    <label key={choice.value} className="choice">
      <input
        type="radio"
        name={name}
        checked={value === choice.value}
        onChange={() => onChange(choice.value)}
      />
      {choice.label}
    </label>
  ));
  return (
    <fieldset
      className={`fieldset${invalid ? ' field--error' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={invalid ? `${id}-error` : undefined}
    >
      <legend>
        {legend}
        <span className="badge badge--required">必須</span>
      </legend>
      {invalid && (
        <p className="field__error" id={`${id}-error`}>
          {joinSentences(errors)}
        </p>
      )}
      {inline ? <div className="choices-inline">{radios}</div> : radios}
    </fieldset>
  );
}

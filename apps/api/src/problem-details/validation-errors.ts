import type { ValidationError } from 'class-validator';
import type { FieldError } from './problem';

/** `isInt` → `is_int`: rule codes in answers are snake_case like the domain's. */
function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function childPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** Flattens class-validator's nested errors into one entry per field and broken rule. */
export function fieldErrorsFrom(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = childPath(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknown_field' : snakeCase(rule),
      message,
    }));
    return [...own, ...fieldErrorsFrom(error.children ?? [], field)];
  });
}

import { ValidateBy, ValidationOptions } from 'class-validator';
import { checkLocalGovernmentCode, findLocalGovernment } from '@l10k/rules';

/** Six digits with the right check digit (DOMAIN.md "Actors"); the message says what is wrong. */
export function IsLocalGovernmentCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'localGovernmentCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && checkLocalGovernmentCode(value).valid,
        defaultMessage: (args) => {
          const check = checkLocalGovernmentCode(args?.value as string);
          return `${args?.property}: ${check.valid ? 'not a local government code' : check.reason}`;
        },
      },
    },
    options,
  );
}

/**
 * A well-formed code must also name a local government of MIC's table (032077, not 999997).
 * Pair it with `IsLocalGovernmentCode`, which answers for the form and the check digit.
 */
export function IsRegisteredLocalGovernment(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'localGovernmentExists',
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' ||
          !checkLocalGovernmentCode(value).valid ||
          findLocalGovernment(value) !== undefined,
        defaultMessage: (args) =>
          `${args?.property}: ${String(args?.value)} names no local government in MIC's 全国地方公共団体コード`,
      },
    },
    options,
  );
}

import { ValidateBy, ValidationOptions } from 'class-validator';
import { checkLocalGovernmentCode } from '@l10k/rules';

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

import { ValidationPipe } from '@nestjs/common';
import { ProblemException, problem } from './problem';
import { fieldErrorsFrom } from './validation-errors';

/**
 * Request DTOs are validated strictly: unknown fields are refused, nothing is coerced
 * (a string where a number belongs is a 400 naming the field, not a silent conversion).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = fieldErrorsFrom(errors);
      return new ProblemException(
        problem(
          400,
          `The request has ${fieldErrors.length} invalid field${fieldErrors.length === 1 ? '' : 's'}: ${[
            ...new Set(fieldErrors.map((error) => error.field)),
          ].join(', ')}.`,
          fieldErrors,
          'invalid-request',
        ),
      );
    },
  });
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A written reason (withdrawal, revision request, decision): required, not blank, bounded. */
export function IsReason(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description, maxLength: 4000 }),
    IsString(),
    IsNotEmpty({ message: '$property must not be empty' }),
    MaxLength(4000),
  );
}

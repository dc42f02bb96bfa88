import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** One trillion yen: far above any plan, and sums of a few hundred such amounts stay exact integers. */
export const MAX_AMOUNT_YEN = 1_000_000_000_000;

/** An amount of money in integer yen, validated to be exact and non-negative. */
export function IsYen(description: string, example?: number): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_AMOUNT_YEN, description, example }),
    IsInt({ message: '$property must be an integer number of yen' }),
    Min(0, { message: '$property must not be negative' }),
    Max(MAX_AMOUNT_YEN, { message: `$property must be at most ${MAX_AMOUNT_YEN} yen` }),
  );
}

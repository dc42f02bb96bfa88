import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsYen } from '../../funding/dto/money';

export class GrantDecisionDto {
  @IsYen('The decided grant: at most the amount applied for', 18_000_000)
  grant: number;

  @ApiProperty({ description: '交付の条件', maxLength: 4000, example: '交付要綱第10条の条件を付す' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  conditions: string;
}

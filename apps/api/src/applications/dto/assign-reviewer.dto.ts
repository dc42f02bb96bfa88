import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AssignReviewerDto {
  @ApiProperty({
    description: 'The reviewer’s `sub` (subject) as their token carries it',
    example: 'reviewer-tanaka',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reviewerId: string;
}

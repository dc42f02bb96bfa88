import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { DocumentRefDto } from './document-ref.dto';

/** Up to 50 document references; absent means none. */
export function IsDocumentRefs(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [DocumentRefDto], description }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(50),
    ValidateNested({ each: true }),
    Type(() => DocumentRefDto),
  );
}

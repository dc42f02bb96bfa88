import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ROLES, Role } from '@l10k/domain';
import { IsLocalGovernmentCode, IsRegisteredLocalGovernment } from './is-local-government-code';

export class DevTokenRequest {
  @ApiProperty({ example: 'officer-032077-1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  sub: string;

  @ApiProperty({ example: '久慈 花子' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['municipality'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each of roles must be one of ${ROLES.join(', ')}` })
  roles: Role[];

  @ApiPropertyOptional({
    description:
      'required with the municipality role: the 6-digit code of a local government in MIC’s table (GET /v1/municipalities)',
    example: '032077',
  })
  @ValidateIf(
    (request: DevTokenRequest) =>
      request.municipalityCode !== undefined ||
      (Array.isArray(request.roles) && request.roles.includes('municipality')),
  )
  @IsDefined({ message: 'municipalityCode is required with the municipality role' })
  @IsLocalGovernmentCode()
  @IsRegisteredLocalGovernment()
  municipalityCode?: string;
}

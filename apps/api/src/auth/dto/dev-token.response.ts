import { ApiProperty } from '@nestjs/swagger';

export class DevTokenResponse {
  @ApiProperty({ description: 'send as Authorization: Bearer <token>' }) token: string;
  @ApiProperty({ example: '2025-06-10T12:00:00.000Z' }) expiresAt: string;
}

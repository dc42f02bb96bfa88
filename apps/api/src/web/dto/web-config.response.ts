import { ApiProperty } from '@nestjs/swagger';

export class OidcClientConfigResponse {
  @ApiProperty({ example: 'https://id.example.lg.jp/realms/l10k' }) issuer: string;
  @ApiProperty({ description: 'The public client the web front end signs in as (OIDC_AUDIENCE)' })
  clientId: string;
}

/** What the web front end needs to know before anyone signs in. */
export class WebConfigResponse {
  @ApiProperty({ enum: ['dev', 'oidc'] }) authMode: 'dev' | 'oidc';
  @ApiProperty({ type: OidcClientConfigResponse, nullable: true }) oidc: OidcClientConfigResponse | null;
}

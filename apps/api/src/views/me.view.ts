import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@l10k/domain';
import type { Principal } from '../auth/principal';

/** Who the token says the caller is: what the web front end shows and decides its menus by. */
export class MeView {
  @ApiProperty({ example: 'municipality-032077' }) sub: string;
  @ApiProperty({ example: '遠野市 産業振興課' }) name: string;
  @ApiProperty({ enum: ROLES, isArray: true, description: 'Never empty' }) roles: string[];
  @ApiPropertyOptional({
    example: '032077',
    description: 'The local-government code; present exactly when `roles` includes `municipality`',
  })
  municipalityCode?: string;
}

export const meView = ({ sub, name, roles, municipalityCode }: Principal): MeView => ({
  sub,
  name,
  roles: [...roles],
  ...(municipalityCode === undefined ? {} : { municipalityCode }),
});

import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'l10k:public';

/** Lets a route or controller answer without a token; every other route needs one. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export * from './auth.module';
export * from './current-actor.decorator';
export * from './principal';
export * from './public.decorator';
export * from './roles.decorator';

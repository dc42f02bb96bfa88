export * from './app-config';
export * from './load-config';
export * from './app-config.module';
export * from './listen-host';

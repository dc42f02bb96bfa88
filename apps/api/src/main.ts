import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, listenHost, loadConfig } from '@l10k/config';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig(process.env, { acceptsTokens: true });
  const app = await createApiApp(config);
  const { host, warning } = listenHost(config);
  if (warning) new Logger('Listen').warn(warning);
  await app.listen(config.port, host);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

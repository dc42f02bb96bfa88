import { ConfigError, loadConfig, requireDatabaseUrl } from '@l10k/config';
import { migrate } from '@l10k/database';

/** `npm run migrate`: brings DATABASE_URL's schema up to date (the compose topology runs it before the apps). */
async function main(): Promise<void> {
  const ran = await migrate(requireDatabaseUrl(loadConfig()));
  console.log(ran.length > 0 ? `migrations applied: ${ran.join(', ')}` : 'schema up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

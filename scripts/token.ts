import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@l10k/config';
import { devTokenSecret, issueDevToken, principalFromClaims } from '../apps/api/src';

const USAGE =
  'usage: npm run -s token -- --role <role> [--role <role>…] [--municipality <code>] [--sub <id>] [--name <name>]\n' +
  '  roles: municipality, reviewer, program_officer, auditor; --municipality is required with --role municipality';

/** The claim a refusal names, as the option that sets it. */
const OPTION_OF_CLAIM = {
  sub: '--sub',
  name: '--name',
  roles: '--role',
  municipalityCode: '--municipality',
} as const;

export const EXIT_BAD_ARGUMENTS = 2;

interface Output {
  write(text: string): unknown;
}

/**
 * `npm run token -- --role municipality --municipality 032077`: prints a dev token and
 * nothing else, so `TOKEN=$(npm run -s token -- …)` works. Signs with the same key as the
 * API (DEV_TOKEN_SECRET or DATA_DIR's dev-token-secret). Returns the exit code.
 */
export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        role: { type: 'string', multiple: true },
        municipality: { type: 'string' },
        sub: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    err.write(`token: ${(error as Error).message}\n${USAGE}\n`);
    return EXIT_BAD_ARGUMENTS;
  }
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }

  const roles = values.role ?? [];
  const scope = values.municipality === undefined ? '' : `-${values.municipality}`;
  const check = principalFromClaims({
    sub: values.sub ?? `dev-${roles.join('+')}${scope}`,
    name: values.name ?? `Dev ${roles.join(', ')}${scope}`,
    roles,
    municipalityCode: values.municipality,
  });
  if (!check.valid) {
    err.write(`token: ${OPTION_OF_CLAIM[check.claim]}: ${check.message}\n${USAGE}\n`);
    return EXIT_BAD_ARGUMENTS;
  }

  try {
    const config = loadConfig(env, { acceptsTokens: true });
    if (config.authMode !== 'dev') {
      err.write('token: AUTH_MODE is not dev; the API would refuse a dev token\n');
      return 1;
    }
    const { token } = await issueDevToken(
      await devTokenSecret(config),
      check.principal,
      config.devTokenTtlSeconds,
    );
    out.write(`${token}\n`);
    return 0;
  } catch (error) {
    err.write(`token: ${error instanceof ConfigError ? error.message : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

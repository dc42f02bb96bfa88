import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** The built files that compress: the page, its script and its stylesheet. Fonts are compressed already. */
const COMPRESSIBLE = /\.(html|js|css|svg|json)$/;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Writes `path.br` and `path.gz` beside the file, each as small as its format makes it. */
async function precompress(path: string): Promise<void> {
  const bytes = await readFile(path);
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzipped(bytes, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
}

/**
 * Every compressible file of the build gets its Brotli and gzip forms beside it, compressed
 * once, here, as hard as each format goes; the API sends the form a browser accepts and
 * compresses nothing per request (apps/api/src/web/serve-web-app.ts). The app's script and
 * stylesheet are 650 KB and 230 KB as built (the stylesheet declares every subset of the
 * self-hosted Japanese font), and an LGWAN terminal's first load carries them both.
 */
export function precompressedAssets(): Plugin {
  return {
    name: 'l10k:precompressed-assets',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir;
      if (dir === undefined) throw new Error('precompressed-assets: the build has no output folder');
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(files.map((name) => precompress(join(dir, name))));
    },
  };
}

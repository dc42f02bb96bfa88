import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompressedAssets } from './build/precompressed-assets.mts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/*
 * Built into dist/web, which the API process serves at `/`. JSX goes through Vite's own
 * oxc transform (React's automatic runtime): @vitejs/plugin-react adds only dev-server
 * Fast Refresh, and its optional babel peers do not resolve with this lockfile.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [precompressedAssets()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Fonts stay files of their own: the CSP allows fonts from 'self' only, not data: URLs.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: { proxy: { '/v1': 'http://localhost:3000' } },
});

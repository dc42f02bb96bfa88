import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where `npm run build` puts the web front end: dist/web beside the repository's package.json. */
export function defaultWebAppRoot(): string {
  let folder = __dirname;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) return join(__dirname, 'web');
    folder = parent;
  }
  return join(folder, 'dist', 'web');
}

export function isBuiltWebApp(root: string): boolean {
  return existsSync(join(root, 'index.html'));
}

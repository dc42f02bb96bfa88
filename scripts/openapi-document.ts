import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { dirname, join } from 'node:path';
import type { INestApplication } from '@nestjs/common';

/** The committed OpenAPI document the web front end's client is generated from. */
export function openApiDocumentPath(): string {
  return join(repositoryRoot(), 'apps', 'web', 'src', 'api', 'openapi.json');
}

/** The document exactly as the API serves it at /docs-json (the app listens on a free port for the moment). */
export async function openApiDocumentOf(app: INestApplication): Promise<unknown> {
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/docs-json`;
  // node:http without keep-alive, so closing the app leaves no pooled connection behind.
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200)
          return reject(new Error(`GET /docs-json answered ${response.statusCode}`));
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      });
    }).on('error', reject);
  });
}

/** The folder holding package.json, from this file's place in the source tree or in dist/. */
function repositoryRoot(): string {
  let folder = __dirname;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${__dirname}`);
    folder = parent;
  }
  return folder;
}

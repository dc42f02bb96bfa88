import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { multipartBody, multipartType } from '../../../test/documents/multipart';
import type { DocumentStore, StagedDocument } from '../storage/document-store';
import { FilesystemDocumentStore } from '../storage/filesystem-document-store';
import { receiveUpload } from './receive-upload';

const BOUNDARY = 'spec-boundary';

/** A request whose body arrives in the chunks given, a turn of the event loop apart, as over a network. */
function requestOf(chunks: readonly Buffer[]): IncomingMessage {
  const body = new PassThrough();
  Object.assign(body, { headers: { 'content-type': multipartType(BOUNDARY) }, complete: false });
  void (async () => {
    for (const chunk of chunks) {
      body.write(chunk);
      await new Promise((resolve) => setImmediate(resolve));
    }
    Object.assign(body, { complete: true });
    body.end();
  })();
  return body as unknown as IncomingMessage;
}

describe('receiving an upload', () => {
  let root: string;
  let staged: Array<Promise<StagedDocument>>;
  let store: DocumentStore;

  beforeEach(async () => {
    root = join(await mkdtemp(join(tmpdir(), 'l10k-receive-')), 'documents');
    const files = new FilesystemDocumentStore(root);
    staged = [];
    store = {
      stage: (source: Readable, options: { readonly maxBytes: number }) => {
        const staging = files.stage(source, options);
        staged.push(staging);
        return staging;
      },
      open: (sha256: string) => files.open(sha256),
    };
  });
  afterEach(() => rm(join(root, '..'), { recursive: true, force: true }));

  it.each([
    ['in one chunk', (malformed: Buffer, file: Buffer) => [Buffer.concat([malformed, file])]],
    ['in two', (malformed: Buffer, file: Buffer) => [malformed, file]],
  ])('stages nothing of a file part that comes after the body was refused (%s)', async (_case, chunked) => {
    const malformedKind = multipartBody(
      BOUNDARY,
      [{ name: 'kind', body: 'evidence', headers: ['no header'] }],
      {
        closed: false,
      },
    );
    const file = multipartBody(BOUNDARY, [
      { name: 'file', filename: 'a.pdf', contentType: 'application/pdf', body: Buffer.from('%PDF-1.7 x') },
    ]);
    const request = requestOf(chunked(malformedKind, file));
    await expect(receiveUpload(request, store, 1_000)).rejects.toThrow('Malformed part header');
    await new Promise((resolve) => request.on('end', resolve).resume());
    await Promise.allSettled(staged);
    expect(await readdir(root).catch(() => [])).toEqual([]);
  });
});

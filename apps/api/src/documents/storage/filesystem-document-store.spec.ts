import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { DocumentTooLargeError } from './document-store';
import { FilesystemDocumentStore } from './filesystem-document-store';

/** Every file under a folder, as paths relative to it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A source that sends some bytes, then fails, as a client that hangs up mid-upload. */
function failingAfter(bytes: Buffer): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(bytes);
      } else this.destroy(new Error('the client went away'));
    },
  });
}

describe('FilesystemDocumentStore', () => {
  let root: string;
  let store: FilesystemDocumentStore;

  beforeEach(async () => {
    root = join(await mkdtemp(join(tmpdir(), 'l10k-documents-')), 'documents');
    store = new FilesystemDocumentStore(root);
  });
  afterEach(async () => {
    await rm(join(root, '..'), { recursive: true, force: true });
  });

  it('files the bytes under ab/cd/<sha256> once committed, with their size and first bytes', async () => {
    const bytes = randomBytes(300_000);
    const sha = sha256Of(bytes);
    const staged = await store.stage(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), {
      maxBytes: 1_000_000,
    });
    expect({ sha256: staged.sha256, size: staged.size }).toEqual({ sha256: sha, size: 300_000 });
    expect(staged.head.equals(bytes.subarray(0, 256 * 1024))).toBe(true);
    expect(await filesUnder(root)).toEqual([expect.stringMatching(/^\.incoming-/)]);
    expect(await store.open(sha)).toBeUndefined();

    await staged.commit();
    expect(await filesUnder(root)).toEqual([`${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`]);
    expect((await readFile(store.pathOf(sha))).equals(bytes)).toBe(true);
    const stored = await store.open(sha);
    expect(stored?.size).toBe(300_000);
    stored?.stream.destroy();
  });

  it('keeps one file for the same bytes stored twice', async () => {
    for (let time = 0; time < 2; time++)
      await (await store.stage(Readable.from([Buffer.from('a,b\n1,2\n')]), { maxBytes: 100 })).commit();
    const sha = sha256Of(Buffer.from('a,b\n1,2\n'));
    expect(await filesUnder(root)).toEqual([`${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`]);
    expect(await text((await store.open(sha))!.stream)).toBe('a,b\n1,2\n');
  });

  it('refuses more than the limit and leaves nothing behind', async () => {
    await expect(
      store.stage(Readable.from([randomBytes(600), randomBytes(600)]), { maxBytes: 1000 }),
    ).rejects.toThrow(DocumentTooLargeError);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('takes exactly the limit', async () => {
    const staged = await store.stage(Readable.from([randomBytes(1000)]), { maxBytes: 1000 });
    expect(staged.size).toBe(1000);
    await staged.discard();
  });

  it('leaves nothing behind when the source fails mid-stream', async () => {
    await expect(store.stage(failingAfter(randomBytes(5000)), { maxBytes: 1_000_000 })).rejects.toThrow(
      'the client went away',
    );
    expect(await filesUnder(root)).toEqual([]);
  });

  it('leaves nothing behind when the source fails before its file is even opened', async () => {
    // A part cut short at once (a malformed multipart body): the refusal must not race the
    // opening of the staging file, or an .incoming-* file outlives the refusal.
    for (let attempt = 0; attempt < 50; attempt++) {
      const failed = new Readable({
        read() {
          this.destroy(new Error('the part ended early'));
        },
      });
      await expect(store.stage(failed, { maxBytes: 1_000 })).rejects.toThrow('the part ended early');
      expect(await filesUnder(root)).toEqual([]);
    }
  });

  it('forgets a discarded upload', async () => {
    const staged = await store.stage(Readable.from([Buffer.from('%PDF-1.7')]), { maxBytes: 100 });
    await staged.discard();
    await staged.discard();
    expect(await filesUnder(root)).toEqual([]);
    await expect(staged.commit()).rejects.toThrow(/once/);
  });

  it('removes uploads a crash cut short once they are a day old, and nothing else', async () => {
    await (await store.stage(Readable.from([Buffer.from('kept')]), { maxBytes: 100 })).commit();
    const now = new Date('2026-01-02T00:00:00Z');
    const dayAndMinute = new Date(now.getTime() - 24 * 60 * 60 * 1000 - 60_000);
    await writeFile(join(root, '.incoming-old'), 'half');
    await utimes(join(root, '.incoming-old'), dayAndMinute, dayAndMinute);
    await writeFile(join(root, '.incoming-recent'), 'in flight');
    await utimes(join(root, '.incoming-recent'), now, now);
    expect(await store.removeAbandonedUploads(now, 24 * 60 * 60 * 1000)).toBe(1);
    const sha = sha256Of(Buffer.from('kept'));
    expect(await filesUnder(root)).toEqual([
      '.incoming-recent',
      `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`,
    ]);
  });

  it('finds nothing for an unknown or malformed SHA-256', async () => {
    expect(await store.open('0'.repeat(64))).toBeUndefined();
    expect(await store.open('../../etc/passwd')).toBeUndefined();
  });
});

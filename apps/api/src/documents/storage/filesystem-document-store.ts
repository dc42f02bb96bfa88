import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DocumentTooLargeError,
  isSha256Hex,
  type DocumentStore,
  type StagedDocument,
  type StoredDocument,
} from './document-store';

/** Enough for every magic number file-type knows, and for the first entries of an Office file's ZIP. */
const HEAD_BYTES = 256 * 1024;

/** Flushes a folder's entries (a file created, renamed or removed in it) to the disk. */
async function syncFolder(path: string): Promise<void> {
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

/**
 * Documents on the local file system, content-addressed: `<root>/ab/cd/<sha256>`. An upload
 * is written to a temporary file in the root (the same file system, so the final rename is
 * atomic), hashed on the way, fsynced, and only on `commit` renamed into place, with the
 * folders fsynced too. A crash or a failed upload leaves at most a `.incoming-*` file,
 * never a document under a SHA-256 it does not have.
 */
export class FilesystemDocumentStore implements DocumentStore {
  constructor(private readonly root: string) {}

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async stage(source: Readable, { maxBytes }: { readonly maxBytes: number }): Promise<StagedDocument> {
    await mkdir(this.root, { recursive: true });
    const incoming = join(this.root, `.incoming-${randomUUID()}`);
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new DocumentTooLargeError(maxBytes));
        hash.update(chunk);
        if (headLength < HEAD_BYTES) {
          const part = chunk.subarray(0, HEAD_BYTES - headLength);
          head.push(Buffer.from(part));
          headLength += part.length;
        }
        done(null, chunk);
      },
    });
    // Created before anything is read, and written without O_CREAT: a stream that creates its
    // file could still be opening it when a source cut short at once fails the pipeline, and
    // make it after the clean-up below.
    await (await open(incoming, 'wx', 0o640)).close();
    try {
      await pipeline(source, meter, createWriteStream(incoming, { flags: 'r+' }));
      await syncFile(incoming);
    } catch (error) {
      await rm(incoming, { force: true });
      throw error;
    }
    const sha256 = hash.digest('hex');
    let settled = false;
    return {
      sha256,
      size,
      head: Buffer.concat(head),
      commit: async () => {
        if (settled) throw new Error('a staged document is committed or discarded once');
        try {
          await this.moveIntoPlace(incoming, sha256);
          settled = true;
        } catch (error) {
          await rm(incoming, { force: true });
          throw error;
        }
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await rm(incoming, { force: true });
      },
    };
  }

  /**
   * Removes what uploads cut short by a crash left behind: `.incoming-*` files older than
   * `olderThanMs` (old enough that no upload still writes them, even in another process). Returns how many.
   */
  async removeAbandonedUploads(now: Date, olderThanMs: number): Promise<number> {
    const names = await readdir(this.root).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    let removed = 0;
    for (const name of names.filter((entry) => entry.startsWith('.incoming-'))) {
      const path = join(this.root, name);
      const { mtimeMs } = await stat(path);
      if (now.getTime() - mtimeMs > olderThanMs) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  async open(sha256: string): Promise<StoredDocument | undefined> {
    if (!isSha256Hex(sha256)) return undefined;
    const path = this.pathOf(sha256);
    try {
      const { size } = await stat(path);
      return { stream: createReadStream(path), size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private async moveIntoPlace(incoming: string, sha256: string): Promise<void> {
    const outer = join(this.root, sha256.slice(0, 2));
    const inner = join(outer, sha256.slice(2, 4));
    await mkdir(inner, { recursive: true });
    // The new folders' entries must reach the disk too, or a crash could lose the path to the file.
    await syncFolder(this.root);
    await syncFolder(outer);
    // Same bytes under the same name: the rename replaces a file with an identical one.
    await rename(incoming, this.pathOf(sha256));
    await syncFolder(inner);
    await syncFolder(this.root);
  }
}

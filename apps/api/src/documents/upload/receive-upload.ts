import busboy, { type Busboy, type FileInfo } from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { isDocumentKind, MAX_DOCUMENT_NAME_LENGTH, type DocumentKind } from '@l10k/domain';
import { ProblemException } from '../../problem-details';
import { DocumentTooLargeError, type DocumentStore, type StagedDocument } from '../storage/document-store';
import { uploadProblems } from './upload-problems';

/** An upload read to its end: the file staged in the store (not yet committed), its name and kind. */
export interface ReceivedUpload {
  readonly kind: DocumentKind;
  readonly name: string;
  readonly staged: StagedDocument;
}

/** Longer than any kind; a longer value is refused, not silently cut. */
const MAX_FIELD_BYTES = 64;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The name without any folder a browser or a script may send, in composed form (macOS sends decomposed kana). */
function fileNameOf(info: FileInfo): string | ProblemException {
  const raw = info.filename;
  if (raw === undefined) return uploadProblems.fileNameMissing();
  const name = raw.split(/[/\\]/).pop()?.trim().normalize('NFC') ?? '';
  if (name === '') return uploadProblems.fileNameMissing();
  if (name.length > MAX_DOCUMENT_NAME_LENGTH || CONTROL.test(name)) return uploadProblems.fileNameInvalid();
  return name;
}

/**
 * Reads a multipart/form-data upload with busboy as it streams in: the one part named `file`
 * goes straight to the store (hashed on the way, never held whole in memory), `kind` is
 * read beside it, in either order. Every malformed body is a 400 naming what is wrong, a
 * file above `maxBytes` a 413; on any refusal, and when the client goes away mid-body, the
 * staged bytes are discarded, so nothing is left.
 */
export function receiveUpload(
  request: IncomingMessage,
  store: DocumentStore,
  maxBytes: number,
): Promise<ReceivedUpload> {
  let parser: Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      defParamCharset: 'utf8',
      limits: {
        fileSize: maxBytes,
        files: 1,
        // kind, and room to name a second field precisely (a file without a file name arrives as one).
        fields: 2,
        fieldSize: MAX_FIELD_BYTES,
        fieldNameSize: 100,
        headerPairs: 20,
      },
    });
  } catch {
    return Promise.reject(uploadProblems.notMultipart());
  }

  return new Promise<ReceivedUpload>((resolve, reject) => {
    let refusal: ProblemException | undefined;
    let kind: string | undefined;
    let name: string | undefined;
    let file: Readable | undefined;
    let staging: Promise<StagedDocument | undefined> | undefined;
    let overLimit = false;
    let finished = false;

    const refuse = (problem: ProblemException) => {
      refusal ??= problem;
    };

    const finish = async (failure?: ProblemException | Error) => {
      if (finished) return;
      finished = true;
      if (failure) {
        refuse(failure instanceof ProblemException ? failure : uploadProblems.malformed(failure.message));
        // A file still streaming will never end now: fail it, so that staging removes its bytes.
        if (file && !file.readableEnded) file.destroy(failure);
      }
      const staged = await staging;
      if (overLimit) refuse(uploadProblems.tooLarge(maxBytes));
      if (!refusal && staged === undefined) refuse(uploadProblems.fileMissing());
      if (!refusal && kind === undefined) refuse(uploadProblems.kindMissing());
      if (!refusal && !isDocumentKind(kind)) refuse(uploadProblems.kindUnknown());
      if (!refusal && staged?.size === 0) refuse(uploadProblems.empty());
      if (refusal || staged === undefined || name === undefined || !isDocumentKind(kind)) {
        await staged?.discard();
        reject(refusal);
        return;
      }
      resolve({ kind, name, staged });
    };

    parser.on('file', (part, stream, info) => {
      // Refused already (busboy goes on through a chunk after a malformed part): nothing more is staged.
      if (finished) {
        stream.resume();
        return;
      }
      if (part !== 'file') {
        refuse(uploadProblems.notNamedFile(part));
        stream.resume();
        return;
      }
      const named = fileNameOf(info);
      if (named instanceof ProblemException) {
        refuse(named);
        stream.resume();
        return;
      }
      name = named;
      file = stream;
      stream.on('limit', () => {
        overLimit = true;
      });
      staging = store.stage(stream, { maxBytes }).catch((error: unknown) => {
        if (error instanceof DocumentTooLargeError) overLimit = true;
        else if (!finished) refuse(uploadProblems.malformed('the file part ended early'));
        // Whatever went wrong, the rest of the part must still be read for the body to end.
        stream.resume();
        return undefined;
      });
    });
    parser.on('field', (field, value, info) => {
      // Busboy hands over a file part without a file name as a field.
      if (field === 'file') return refuse(uploadProblems.fileNameMissing());
      if (info.nameTruncated || info.valueTruncated) return refuse(uploadProblems.fieldTooLong(field));
      if (field !== 'kind') return refuse(uploadProblems.notNamedFile(field));
      if (kind !== undefined) return refuse(uploadProblems.kindTwice());
      kind = value;
    });
    parser.on('filesLimit', () => refuse(uploadProblems.twoFiles()));
    parser.on('fieldsLimit', () => refuse(uploadProblems.tooManyParts()));
    parser.on('close', () => void finish());
    parser.on('error', (error: Error) => void finish(error));
    // A client that hangs up mid-body: busboy would wait for the rest for ever.
    request.on('close', () => {
      if (!request.complete) void finish(new Error('the client closed the connection before the body ended'));
    });
    request.pipe(parser);
  });
}

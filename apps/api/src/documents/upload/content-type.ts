import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type/core';

/** What the bytes may be (API.md, "Attachments"): PDF, images, Office documents, CSV and ZIP. */
const FOUND_IN_BYTES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/zip',
]);

/**
 * Word 97–2003 and Excel 97–2003 files are OLE2 compound files: the bytes say only "compound
 * file" (as they would for an .msi), so the name says which of the two it is.
 */
const COMPOUND_FILES: Readonly<Record<string, string>> = {
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
};

/** The listing in API.md's words, for the message that refuses a file. */
export const ALLOWED_DESCRIPTION =
  'PDF, PNG, JPEG, GIF, WebP, TIFF, Word, Excel or PowerPoint (docx, xlsx, pptx; doc, xls), CSV or ZIP';

export type ContentCheck =
  { readonly ok: true; readonly contentType: string } | { readonly ok: false; readonly found: string };

/** Text a spreadsheet writes: no NUL, no control characters but tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The charset of CSV text: UTF-8 (with or without a BOM), or Shift_JIS, which Excel still
 * writes in Japan. `head` may end inside a character, which `stream: true` allows for.
 */
function csvCharset(head: Buffer): string | undefined {
  for (const charset of ['utf-8', 'shift_jis']) {
    try {
      const decoded = new TextDecoder(charset, { fatal: true }).decode(head, { stream: true });
      if (!BINARY.test(decoded)) return charset;
    } catch {
      // not this charset
    }
  }
  return undefined;
}

/**
 * The content type found in a file's first bytes (the file-type package), never taken from
 * what the client declared. CSV has no magic number: a `.csv` name with text inside is one.
 */
export async function contentTypeOf(head: Buffer, name: string): Promise<ContentCheck> {
  const extension = extname(name).toLowerCase();
  const found = await fileTypeFromBuffer(head);
  if (found && FOUND_IN_BYTES.has(found.mime)) return { ok: true, contentType: found.mime };
  if (found?.mime === 'application/x-cfb' && COMPOUND_FILES[extension])
    return { ok: true, contentType: COMPOUND_FILES[extension] };
  if (found) return { ok: false, found: found.mime };
  if (extension === '.csv') {
    const charset = csvCharset(head);
    if (charset) return { ok: true, contentType: `text/csv; charset=${charset}` };
    return { ok: false, found: 'a .csv name on bytes that are not text' };
  }
  return { ok: false, found: 'bytes of no known type' };
}

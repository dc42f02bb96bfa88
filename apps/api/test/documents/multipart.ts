/** A multipart/form-data body written by hand, so a test can also write it wrong. */
export interface Part {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly body: Buffer | string;
  /** Raw header lines instead of the ones built from name and filename. */
  readonly headers?: readonly string[];
}

export function multipartBody(boundary: string, parts: readonly Part[], { closed = true } = {}): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const headers = part.headers ?? [
      `Content-Disposition: form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`,
      ...(part.contentType ? [`Content-Type: ${part.contentType}`] : []),
    ];
    chunks.push(Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(part.body) ? part.body : Buffer.from(part.body));
    chunks.push(Buffer.from('\r\n'));
  }
  if (closed) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

export const multipartType = (boundary: string) => `multipart/form-data; boundary=${boundary}`;

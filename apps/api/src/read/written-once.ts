/**
 * A view kept to answer later requests with. The route's serializer (the OpenAPI schema's, see
 * openapi/response-schemas.ts) writes it the first time it is sent; from then on only those
 * bytes are kept and sent, and the view is let go: a summary's view object takes several times
 * the memory of its JSON, and thousands are kept.
 */
export class WrittenOnce<View extends object> {
  private view: View | undefined;
  private bytes: Buffer | undefined;

  constructor(view: View) {
    this.view = view;
  }

  /** The bytes `serialize` writes for the view: written the first time, the same bytes after. */
  writtenBy(serialize: (view: View) => string): Buffer {
    if (this.bytes === undefined) {
      const text = serialize(this.view!);
      // Exactly its size, on its own: a pooled Buffer would keep a shared 8 KB slab alive per view.
      this.bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
      this.bytes.write(text);
      this.view = undefined;
    }
    return this.bytes;
  }

  /** What JSON.stringify writes for it: the view, or once written, what was written. */
  toJSON(): unknown {
    return this.view ?? JSON.parse(this.bytes!.toString('utf8'));
  }
}

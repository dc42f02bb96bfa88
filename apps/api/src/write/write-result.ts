/** A write's answer, kept as sent so that an idempotent repeat can replay it byte for byte. */
export interface WriteResult {
  readonly status: number;
  readonly body: unknown;
  /** The stream revision after the write: the ETag and the next If-Match. */
  readonly revision?: number;
}

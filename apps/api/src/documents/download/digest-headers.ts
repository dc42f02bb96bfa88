/**
 * The SHA-256 of a representation as HTTP states it: `Repr-Digest` (RFC 9530) and the older
 * `Digest` (RFC 3230) that many clients still read. Both carry base64, not hex.
 */
export function digestHeaders(sha256Hex: string): Record<'Repr-Digest' | 'Digest', string> {
  const base64 = Buffer.from(sha256Hex, 'hex').toString('base64');
  return { 'Repr-Digest': `sha-256=:${base64}:`, Digest: `sha-256=${base64}` };
}

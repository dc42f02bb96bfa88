import { EventStoreUnavailableError } from '../errors';

const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections,
// 3D000 the database is gone.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '3D000']);
const CLIENT_SIDE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /not queryable/i,
  /cannot use a pool after calling end/i,
  /is not currently accepting connections/i,
];

/** True when the failure is the database being out of reach, not something the request did. */
export function isUnavailable(error: unknown): boolean {
  // Shape, not instanceof: errors from Node's core may come from another realm (e.g. under Jest).
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_ERRORS.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) return true;
  }
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested) && nested.some(isUnavailable)) return true;
  // TypeORM wraps the driver's error.
  const driverError = (error as { driverError?: unknown }).driverError;
  if (driverError !== undefined && driverError !== error && isUnavailable(driverError)) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && CLIENT_SIDE_MESSAGES.some((pattern) => pattern.test(message));
}

/** Rethrows an out-of-reach database as the port's EventStoreUnavailableError, anything else unchanged. */
export function mapPostgresError(error: unknown): unknown {
  if (isUnavailable(error)) {
    return new EventStoreUnavailableError(
      `PostgreSQL event store unavailable: ${String((error as { message?: unknown }).message)}`,
      { cause: error },
    );
  }
  return error;
}

export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function constraintName(error: unknown): string | undefined {
  const constraint = (error as { constraint?: unknown } | undefined)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

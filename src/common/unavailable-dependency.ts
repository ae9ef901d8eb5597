// Socket errors of a server that is down, restarting or unreachable.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (shutdown, crash, starting up), 53300 (too many connections).
const POSTGRES_CODES = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
// What node-postgres, ioredis and BullMQ say when their connection is gone, without a code.
const MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /^Connection is closed/,
  /max retries per request limit/i,
  /^Stream isn't writeable/,
];

interface ErrorShape {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * Whether an error means that PostgreSQL or Redis cannot be reached right now (down, restarting,
 * refusing connections), as opposed to a fault of the request or the code. Such a failure is
 * answered 503 with Retry-After: the same request succeeds once the server is back.
 */
export function isUnavailableDependency(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 4) return false;
  const { code, name, message, driverError, cause, errors } = error as ErrorShape;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || POSTGRES_CODES.test(code))) return true;
  if (name === 'MaxRetriesPerRequestError') return true;
  // TypeORM releases a transaction's connection when PostgreSQL drops it; the next query says so.
  if (name === 'QueryRunnerAlreadyReleasedError' || name === 'QueryRunnerProviderAlreadyReleasedError') return true;
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  const nested = [driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return nested.some((inner) => isUnavailableDependency(inner, depth + 1));
}

/**
 * The read-model database cannot be reached: refused, terminated, timed out.
 * Not a bug and not the caller's fault; it passes when the database returns.
 * Clients see READ_MODEL_UNAVAILABLE (src/shared/graphql).
 */
export class ReadModelUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The read models are unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ReadModelUnavailableError';
  }
}

/** Network failures Node reports by code. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
/**
 * SQLSTATEs that mean the session, not the statement, is gone: class 08
 * (connection exception), 57P01-57P03 (terminated by an administrator, a
 * crash or a restart), 53300 (too many connections), 25P03 (ended by
 * idle_in_transaction_session_timeout), 57014 (statement timeout: too slow).
 */
const SESSION_STATES = /^(08...|57P0[123]|53300|25P03|57014)$/;
/** What pg and pg-pool say when the socket went away or never came. */
const CONNECTION_MESSAGES = /Connection terminated|not queryable|timeout exceeded when trying to connect|Query read timeout|connect ECONNREFUSED/i;

/** True when `error` (or its cause) says the database could not be reached, rather than that the query was wrong. */
export function isReadModelUnavailable(error: unknown, depth = 0): boolean {
  // Duck-typed, not instanceof: socket errors come from Node's own realm (and pg may be loaded twice).
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  if (error instanceof ReadModelUnavailableError) return true;
  const { code, message, errors, cause } = error as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SESSION_STATES.test(code))) return true;
  if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isReadModelUnavailable(inner, depth + 1))) return true;
  return isReadModelUnavailable(cause, depth + 1);
}

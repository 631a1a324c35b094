import mercurius from 'mercurius';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { Logger } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ErrorCode, readModelUnavailable } from './graphql-errors';
import { isReadModelUnavailable } from '../../projections/read-model-unavailable';
import { AppendTooLargeError, StoreUnavailableError, StreamDeletedError } from '../../event-store/event-store.errors';
import { factsOf } from '../../observability/request-facts';

type JsonError = { message: string; extensions?: Record<string, unknown>; locations?: unknown; path?: unknown };
type Formatter = typeof mercurius.defaultErrorFormatter;

/**
 * Errors graphql-js raises before a resolver runs (a missing required field, a
 * string where a number belongs, an unknown enum value) carry no code. Give
 * them one: input problems become BAD_USER_INPUT naming the field, the rest
 * GRAPHQL_VALIDATION_FAILED, so every error a client sees is typed. Failures
 * raised outside resolvers (hooks, field middleware), which the exception
 * filter never sees, say what happened instead: STORE_UNAVAILABLE,
 * READ_MODEL_UNAVAILABLE, or an internal error.
 */
export const errorFormatter: Formatter = (execution, context) => {
  const typed = execution.errors.map((error) => withFailureCode(withTransportCode(error)));
  const formatted = mercurius.defaultErrorFormatter({ ...execution, errors: typed }, context);
  const errors = (formatted.response.errors ?? []) as JsonError[];
  for (const error of errors) {
    if (error.extensions?.code) continue;
    const field = inputFieldOf(error.message);
    error.extensions = field
      ? { ...error.extensions, code: ErrorCode.BAD_USER_INPUT, fields: [field] }
      : { ...error.extensions, code: isInputProblem(error.message) ? ErrorCode.BAD_USER_INPUT : 'GRAPHQL_VALIDATION_FAILED' };
  }
  return formatted;
};

const INPUT_PROBLEMS = [
  /cannot represent/i,
  /of required type .* was not provided/i,
  /is not defined by type/i,
  /Variable "\$\w+" got invalid value/i,
  /Expected value of type/i,
  /Expected type/i,
  /does not exist in ".*" enum/i,
];

function isInputProblem(message: string): boolean {
  return INPUT_PROBLEMS.some((pattern) => pattern.test(message));
}

/** Picks the field name out of graphql-js messages such as `Field "Input.name" of required type ...`. */
function inputFieldOf(message: string): string | null {
  if (!isInputProblem(message)) return null;
  const qualified = /Field "(?:\w+\.)?(\w+)"/.exec(message) ?? /at "\w+\.([\w.[\]]+)"/.exec(message);
  if (qualified) return qualified[1];
  const variable = /Variable "\$(\w+)"/.exec(message);
  return variable ? variable[1] : null;
}

/** Errors Fastify or Mercurius raise before GraphQL runs, by their own codes: the client gets a stable code instead. */
const TRANSPORT_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  MER_ERR_GQL_CSRF_PREVENTION: 'CSRF_REJECTED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'BAD_REQUEST',
};

function withTransportCode(error: GraphQLError): GraphQLError {
  const original = error.originalError as (Error & { code?: string }) | undefined;
  const code = original?.code ? TRANSPORT_CODES[original.code] : undefined;
  if (!code || error.extensions?.code) return error;
  return new GraphQLError(error.message, { originalError: original, extensions: { ...error.extensions, code } });
}

/**
 * An error thrown by our own code outside a resolver: a store that cannot
 * write (the read-access log on a full disk) is STORE_UNAVAILABLE, anything
 * else internal. Fastify's and Mercurius' own errors (their codes start FST_
 * and MER_) are about the request and are left to the rules above.
 */
function withFailureCode(error: GraphQLError): GraphQLError {
  const original = error.originalError as (Error & { code?: unknown }) | undefined;
  if (error.extensions?.code || !original || original instanceof GraphQLError) return error;
  if (typeof original.code === 'string' && /^(FST|MER)_/.test(original.code)) return error;
  if (isReadModelUnavailable(original)) {
    const { message, extensions } = readModelUnavailable();
    return new GraphQLError(message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: original, extensions: { ...error.extensions, ...extensions } });
  }
  const unavailable = original instanceof StoreUnavailableError;
  const tooLarge = original instanceof AppendTooLargeError;
  const deleted = original instanceof StreamDeletedError;
  const message = unavailable ? `The event store is unavailable: ${original.message}` : tooLarge || deleted ? original.message : error.message;
  const code = unavailable ? ErrorCode.STORE_UNAVAILABLE : tooLarge ? ErrorCode.PAYLOAD_TOO_LARGE : deleted ? ErrorCode.STREAM_DELETED : ErrorCode.INTERNAL;
  return new GraphQLError(message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: original, extensions: { ...error.extensions, code } });
}

function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

/** Codes whose messages are written for clients; anything else may carry internals. */
const INTERNAL_CODES = new Set<unknown>([ErrorCode.INTERNAL, ErrorCode.STORE_UNAVAILABLE, undefined]);
const logger = new Logger('GraphQL');

/**
 * The formatter for this service: typed errors as above; a rate-limited
 * request answers 429; and with `maskInternals` (production) an internal
 * error shows only its code and a correlation id, while the log keeps the
 * message under the same id for the operator.
 */
export function createErrorFormatter(options: { maskInternals: boolean }): Formatter {
  return (execution, context) => {
    const formatted = errorFormatter(execution, context);
    const errors = (formatted.response.errors ?? []) as JsonError[];
    const ctx = context as unknown as { correlationId?: string; reply?: { request?: { id?: string; raw?: IncomingMessage } } };
    let correlationId = ctx.correlationId;
    for (const error of errors) {
      if (!INTERNAL_CODES.has(error.extensions?.code)) continue;
      correlationId ??= ctx.reply?.request?.id ?? randomUUID();
      logger.error({ correlationId, error: error.message, path: error.path }, 'GraphQL request failed');
      error.extensions = { ...error.extensions, code: error.extensions?.code ?? ErrorCode.INTERNAL, correlationId };
      if (options.maskInternals) {
        error.message = `Internal server error (correlation id ${correlationId})`;
        error.extensions = { code: error.extensions.code, correlationId };
      }
    }
    // graphql-js suggests field, type and argument names ("Did you mean …?"): a map of the schema for a prober.
    if (options.maskInternals) for (const error of errors) error.message = withoutSuggestions(error.message);
    // The request's log line and metrics report these codes (src/observability).
    if (ctx.reply?.request?.raw) factsOf(ctx.reply.request.raw).errorCodes.push(...errors.map((e) => String(e.extensions?.code)));
    // Refused as a whole: every error is RATE_LIMITED and no root field answered (each is null or missing).
    const data = formatted.response.data as Record<string, unknown> | null | undefined;
    const limited = errors.length > 0 && errors.every((e) => e.extensions?.code === 'RATE_LIMITED') && Object.values(data ?? {}).every((value) => value === null);
    if (limited) {
      // RFC 9110 Retry-After: the longest wait any of the refusals asks for.
      const seconds = Math.max(1, ...errors.map((e) => Number(e.extensions?.retryAfterSeconds) || 1));
      (ctx.reply as { header?: (name: string, value: string) => unknown } | undefined)?.header?.('retry-after', String(seconds));
    }
    return { ...formatted, statusCode: limited ? 429 : formatted.statusCode };
  };
}

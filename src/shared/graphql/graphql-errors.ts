import { ValidationError } from 'class-validator';
import { GraphQLError } from 'graphql';
import { DomainError } from '../domain/domain-error';
import { ConcurrencyConflictError } from '../commands/concurrency-conflict.error';

/** Stable codes clients can rely on, besides the domain's own rule codes. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  /** The command id was already used for a different command; nothing was stored. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  /** The store refused to write this much in one append (EventStoreDB: 1 MiB); nothing was stored. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** What the command concerns was deleted from the event store (an EventStoreDB tombstone); nothing was stored. */
  STREAM_DELETED: 'STREAM_DELETED',
  /** The read-model database cannot be reached (refused, terminated, too slow); try again. Writes may still be stored. */
  READ_MODEL_UNAVAILABLE: 'READ_MODEL_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const;

export interface FieldProblem {
  field: string;
  message: string;
}

export function badUserInput(problems: FieldProblem[]): GraphQLError {
  const fields = problems.map((p) => p.field);
  return new GraphQLError(`Invalid input: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, fields, problems },
  });
}

/** Flattens class-validator's nested errors into dotted field paths ("input.activities.0.description"). */
export function validationProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...validationProblems(error.children ?? [], field)];
  });
}

export function readModelUnavailable(): GraphQLError {
  // The driver's own words name hosts and internals: the log has them, the client a fixed message.
  return new GraphQLError('The read models are unavailable for the moment; try again shortly', {
    extensions: { code: ErrorCode.READ_MODEL_UNAVAILABLE },
  });
}

export function domainError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { code: error.code, ...error.details } });
}

export function conflictError(error: ConcurrencyConflictError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { code: ErrorCode.CONFLICT, stream: error.streamName } });
}

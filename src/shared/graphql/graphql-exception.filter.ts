import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DomainError } from '../domain/domain-error';
import { ConcurrencyConflictError } from '../commands/concurrency-conflict.error';
import { AppendTooLargeError, CommandIdReusedError, StoreUnavailableError, StreamDeletedError } from '../../event-store/event-store.errors';
import { conflictError, domainError, ErrorCode, readModelUnavailable } from './graphql-errors';
import { isReadModelUnavailable } from '../../projections/read-model-unavailable';
import { IntegrityFailedError } from '../../audit/integrity/integrity-status';

/**
 * Errors are data: every failure a resolver can meet leaves as a GraphQLError
 * with a stable `extensions.code`. Anything unexpected is logged and reported
 * without internals.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  override catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    // Plain HTTP routes (/health, unknown paths): Nest's own answer; a 404 is logged by the request logger, not here.
    if (host.getType() === 'http') return super.catch(exception, host);
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof DomainError) return domainError(exception);
    if (exception instanceof ConcurrencyConflictError) return conflictError(exception);
    if (exception instanceof CommandIdReusedError) {
      return new GraphQLError(exception.message, { extensions: { code: ErrorCode.IDEMPOTENCY_KEY_REUSED, commandId: exception.commandId } });
    }
    if (exception instanceof IntegrityFailedError) return new GraphQLError(exception.message, { extensions: { code: exception.code } });
    if (exception instanceof AppendTooLargeError) return new GraphQLError(exception.message, { extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE } });
    if (exception instanceof StreamDeletedError) return new GraphQLError(exception.message, { extensions: { code: ErrorCode.STREAM_DELETED } });
    if (exception instanceof StoreUnavailableError) {
      this.logger.error(`[correlation id ${correlationIdOf(host)}] ${exception.message}`);
      return new GraphQLError(`The event store is unavailable: ${exception.message}`, {
        extensions: { code: ErrorCode.STORE_UNAVAILABLE },
      });
    }
    if (isReadModelUnavailable(exception)) {
      this.logger.error(`[correlation id ${correlationIdOf(host)}] ${exception instanceof Error ? exception.message : String(exception)}`);
      return readModelUnavailable();
    }
    // The client sees only the code and this correlation id (see createErrorFormatter); the operator finds the rest here.
    const detail = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
    this.logger.error(`[correlation id ${correlationIdOf(host)}] ${detail}`);
    return new GraphQLError('Internal server error', { extensions: { code: ErrorCode.INTERNAL } });
  }
}

function correlationIdOf(host: ArgumentsHost): string {
  if (host.getType<string>() !== 'graphql') return 'none';
  return GqlArgumentsHost.create(host).getContext<{ correlationId?: string }>()?.correlationId ?? 'none';
}

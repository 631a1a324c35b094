import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DomainError } from '../domain/domain-error';
import { ConcurrencyConflictError } from '../commands/concurrency-conflict.error';
import { StoreUnavailableError } from '../../event-store/event-store.errors';
import { conflictError, domainError, ErrorCode } from './graphql-errors';

/**
 * Errors are data: every failure a resolver can meet leaves as a GraphQLError
 * with a stable `extensions.code`. Anything unexpected is logged and reported
 * without internals.
 */
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, _host: ArgumentsHost): GraphQLError {
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof DomainError) return domainError(exception);
    if (exception instanceof ConcurrencyConflictError) return conflictError(exception);
    if (exception instanceof StoreUnavailableError) {
      this.logger.error(exception.message);
      return new GraphQLError(`The event store is unavailable: ${exception.message}`, {
        extensions: { code: ErrorCode.STORE_UNAVAILABLE },
      });
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return new GraphQLError('Internal server error', { extensions: { code: ErrorCode.INTERNAL } });
  }
}

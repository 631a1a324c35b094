import {
  createSourceEventStream, DocumentNode, execute, ExecutionArgs, ExecutionResult, getOperationAST, GraphQLError, GraphQLSchema, parse,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { writePersonalDataReads } from '../../../audit/read-access/personal-data.middleware';
import { StoreUnavailableError } from '../../../event-store/event-store.errors';
import { mapAsyncIterable } from '../../../shared/async-iteration';
import { ErrorCode } from '../../../shared/graphql/graphql-errors';
import { GraphqlHardening } from '../../../shared/graphql/hardening/graphql-hardening';
import { RequestIdentity } from '../../../auth/request-identity';

export const OPERATION_NOT_SUPPORTED = 'OPERATION_NOT_SUPPORTED';

/** What a subscription runs with: the schema Mercurius serves, the HTTP checks, and the app the read log is found from. */
export interface SubscriptionEnvironment {
  schema: GraphQLSchema;
  checkOperation: GraphqlHardening['checkOperation'];
  /** The Fastify instance: the GraphQL context's `app`, as over HTTP (the read-access recorder is found from it). */
  app: object;
}

/** The context of a subscription (and, copied, of each event it delivers): who asks, as over HTTP. */
export type SubscriptionContext = RequestIdentity & { app: object; correlationId: string };

export interface PreparedSubscription {
  args: ExecutionArgs & { contextValue: SubscriptionContext };
  results: AsyncIterableIterator<ExecutionResult>;
}

/**
 * One subscribe message, as an HTTP operation is handled: parsed, validated
 * and limited by the same rules (depth, aliases, cost, unknown fields,
 * fragment cycles); then the root field's resolver runs behind the same
 * guard and visibility filter. Anything refused comes back as errors, so the
 * client gets a graphql-ws `error` message and nothing is registered.
 */
export async function prepareSubscription(
  environment: SubscriptionEnvironment,
  context: SubscriptionContext,
  { query, operationName, variables }: SubscribePayload,
): Promise<PreparedSubscription | readonly GraphQLError[]> {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  const { schema } = environment;
  const problems = environment.checkOperation(schema, document, operationName, variables ?? undefined);
  if (problems.length > 0) return problems;
  const operation = getOperationAST(document, operationName);
  if (!operation) return [new GraphQLError('Name the operation to run (operationName)', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })];
  if (operation.operation !== 'subscription') {
    return [new GraphQLError('Only subscriptions run over this socket; send queries and mutations over HTTP', { extensions: { code: OPERATION_NOT_SUPPORTED } })];
  }
  const args = { schema, document, operationName, variableValues: variables, rootValue: undefined, contextValue: context };
  const events = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in events)) return events.errors ?? [];
  return { args, results: mapAsyncIterable(events, (event) => deliver(args, event)) };
}

/**
 * One event, resolved as the same selection would be over HTTP: the event is
 * the root value, and every field below goes through the same resolvers,
 * guards, visibility filters and personal-data middleware. Each event gets a
 * fresh copy of the context, so request loaders read today's rows and the
 * reads it logs are its own; the log is written before the event is sent.
 */
async function deliver(args: PreparedSubscription['args'], event: unknown): Promise<ExecutionResult> {
  const contextValue = { ...args.contextValue };
  const result = await execute({ ...args, rootValue: event, contextValue });
  try {
    await writePersonalDataReads(result, contextValue as never);
  } catch (error) {
    // No consultation without its log entry: the reader gets an error in place of the data.
    const code = error instanceof StoreUnavailableError ? ErrorCode.STORE_UNAVAILABLE : ErrorCode.INTERNAL;
    return { data: null, errors: [new GraphQLError('The read could not be logged, so it is not delivered', { originalError: error as Error, extensions: { code } })] };
  }
  return result;
}

import { DocumentNode, GraphQLError, GraphQLSchema, Kind, OperationDefinitionNode, ValidationContext, ValidationRule } from 'graphql';
import { measureOperation } from './query-shape';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
}

export const QueryLimitCode = {
  TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_COSTLY: 'QUERY_TOO_COSTLY',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
} as const;

/**
 * Depth and aliases, as a validation rule: an abusive query is refused with the
 * other validation errors, before any resolver runs. Both depend on the query
 * text alone, so Mercurius can cache the verdict with the parsed query.
 */
export function queryShapeRule(limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases'>): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const shape = measureOperation(context.getSchema(), context.getDocument(), operation);
      const refuse = (message: string, code: string, details: Record<string, number>) =>
        context.reportError(new GraphQLError(message, { nodes: operation, extensions: { code, ...details } }));
      if (shape.depth > limits.maxDepth) {
        refuse(`Query is nested ${shape.depth} levels deep; the limit is ${limits.maxDepth}`, QueryLimitCode.TOO_DEEP, { depth: shape.depth, limit: limits.maxDepth });
      }
      if (shape.aliases > limits.maxAliases) {
        refuse(`Query uses ${shape.aliases} aliases; the limit is ${limits.maxAliases}`, QueryLimitCode.TOO_MANY_ALIASES, { aliases: shape.aliases, limit: limits.maxAliases });
      }
    },
  });
}

/** Thrown from a Mercurius hook, it is answered as validation errors are: 400, the errors listed, nothing run. */
class QueryRefused extends Error {
  readonly statusCode = 400;
  readonly errors: GraphQLError[];

  constructor(error: GraphQLError) {
    super(error.message);
    this.errors = [error];
  }
}

/** What Mercurius puts in the context of an HTTP request (batches add the index of the operation). */
interface HttpContext {
  reply?: { request?: { method?: string; body?: unknown; query?: unknown } };
  operationId?: number;
}

/**
 * The operation name the client asked to run: `null` when it named none,
 * `undefined` when the request is not plain HTTP (then every operation counts).
 */
function requestedOperationName(context: unknown): string | null | undefined {
  const { reply, operationId } = (context ?? {}) as HttpContext;
  const request = reply?.request;
  if (!request) return undefined;
  const params = request.method === 'GET' ? request.query : Array.isArray(request.body) ? request.body[operationId ?? 0] : request.body;
  const name = (params as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === 'string' && name !== '' ? name : null;
}

/** The operation that will run, as graphql-js picks it; all of them when that cannot be told. */
function operationsToMeasure(document: DocumentNode, requested: string | null | undefined): OperationDefinitionNode[] {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  // Without a name, graphql-js runs the only operation, or refuses a document with several.
  return requested ? operations.filter((o) => o.name?.value === requested) : operations;
}

/**
 * The cost limit for one request: cost depends on page sizes, which often come from the variables, so it is
 * measured per request (a walk over the query, no resolver run). It measures the operation the client asked for
 * (by `operationName`, as graphql-js selects it); where that is not said, every operation in the document must be
 * within the limit. Null when within.
 */
export function costRefusal(
  limits: Pick<QueryLimits, 'maxCost'>,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): GraphQLError | null {
  return measuredCost(limits, schema, document, operationName, variables).refusal;
}

/** The costliest operation's cost, and the refusal when it is beyond the limit. */
function measuredCost(
  limits: Pick<QueryLimits, 'maxCost'>,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): { cost: number; refusal: GraphQLError | null } {
  let costliest: { operation: OperationDefinitionNode; cost: number } | undefined;
  for (const operation of operationsToMeasure(document, operationName)) {
    const { cost } = measureOperation(schema, document, operation, variables ?? {});
    if (!costliest || cost > costliest.cost) costliest = { operation, cost };
  }
  if (!costliest || costliest.cost <= limits.maxCost) return { cost: costliest?.cost ?? 0, refusal: null };
  const refusal = new GraphQLError(`Query could return about ${costliest.cost} fields; the limit is ${limits.maxCost} (ask for smaller pages)`, {
    nodes: costliest.operation, extensions: { code: QueryLimitCode.TOO_COSTLY, cost: costliest.cost, limit: limits.maxCost },
  });
  return { cost: costliest.cost, refusal };
}

/** Where the measured cost waits in the GraphQL context for the access guard to charge it to the caller's budget. */
export interface OperationCost {
  operationCost?: number;
  operationCostCharged?: boolean;
}

/** The cost limit over HTTP, as a Mercurius `preExecution` hook, after the (cached) validation. */
export function refuseCostlyQueries(limits: Pick<QueryLimits, 'maxCost'>) {
  return async (schema: GraphQLSchema, document: DocumentNode, context: unknown, variables?: Record<string, unknown>): Promise<void> => {
    const { cost, refusal } = measuredCost(limits, schema, document, requestedOperationName(context), variables);
    if (context && typeof context === 'object') (context as OperationCost).operationCost = cost;
    // One error, so the answer is a 400 like the other limits (Mercurius uses the status of a lone error).
    if (refusal) throw new QueryRefused(refusal);
  };
}

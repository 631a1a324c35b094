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

  constructor(readonly errors: GraphQLError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/**
 * The cost limit, as a Mercurius `preExecution` hook: cost depends on page
 * sizes, which often come from the variables, so it is checked on every
 * request (a walk over the query, no resolver run) after the cached
 * validation. The hook is not told which operation will run, so every
 * operation in the document must be within the limit.
 */
export function refuseCostlyQueries(limits: Pick<QueryLimits, 'maxCost'>) {
  return async (schema: GraphQLSchema, document: DocumentNode, _context: unknown, variables?: Record<string, unknown>): Promise<void> => {
    const errors: GraphQLError[] = [];
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const { cost } = measureOperation(schema, document, definition as OperationDefinitionNode, variables ?? {});
      if (cost > limits.maxCost) {
        errors.push(new GraphQLError(`Query could return about ${cost} fields; the limit is ${limits.maxCost} (ask for smaller pages)`, {
          nodes: definition, extensions: { code: QueryLimitCode.TOO_COSTLY, cost, limit: limits.maxCost },
        }));
      }
    }
    if (errors.length > 0) throw new QueryRefused(errors);
  };
}

import { GraphQLError, Kind, ValidationContext, ValidationRule } from 'graphql';
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
 * A validation rule, so an abusive query is refused with the other validation
 * errors — before any resolver runs. Only the operation that will run is
 * measured (the named one, or the only one).
 */
export function queryLimitsRule(limits: QueryLimits, request: { variables?: Record<string, unknown> | null; operationName?: string | null }): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const operations = context.getDocument().definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      const selected = request.operationName ? operation.name?.value === request.operationName : operations.length === 1;
      if (!selected) return;
      const shape = measureOperation(context.getSchema(), context.getDocument(), operation, request.variables ?? {});
      const refuse = (message: string, code: string, details: Record<string, number>) =>
        context.reportError(new GraphQLError(message, { nodes: operation, extensions: { code, ...details } }));
      if (shape.depth > limits.maxDepth) {
        refuse(`Query is nested ${shape.depth} levels deep; the limit is ${limits.maxDepth}`, QueryLimitCode.TOO_DEEP, { depth: shape.depth, limit: limits.maxDepth });
      }
      if (shape.aliases > limits.maxAliases) {
        refuse(`Query uses ${shape.aliases} aliases; the limit is ${limits.maxAliases}`, QueryLimitCode.TOO_MANY_ALIASES, { aliases: shape.aliases, limit: limits.maxAliases });
      }
      if (shape.cost > limits.maxCost) {
        refuse(`Query could return about ${shape.cost} fields; the limit is ${limits.maxCost} (ask for smaller pages)`, QueryLimitCode.TOO_COSTLY, { cost: shape.cost, limit: limits.maxCost });
      }
    },
  });
}

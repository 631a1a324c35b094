import { DocumentNode, GraphQLError, GraphQLSchema, NoSchemaIntrospectionCustomRule, specifiedRules, validate, ValidationRule } from 'graphql';
import { AppConfig } from '../../../config/app-config';
import { limitBatchSize } from './batch-limit.hook';
import { costRefusal, queryShapeRule, refuseCostlyQueries } from './query-limits.rule';

/**
 * Headers that mark a request no cross-site form or simple fetch can make: the two that force a CORS preflight
 * (Mercurius' names). WebSocket upgrades do not reach Mercurius (src/promises/live/graphql-ws serves them).
 */
export const PREFLIGHT_HEADERS = ['x-mercurius-operation-name', 'mercurius-require-preflight'];

/**
 * What makes /graphql safe to expose: Mercurius options (depth and alias limits
 * and, in production, no introspection as validation rules; capped batches;
 * CSRF prevention; GraphiQL only outside production), the hook that
 * enforces the cost limit, and the same checks as one function for the
 * operations that do not come through Mercurius (subscriptions over graphql-ws).
 */
export function graphqlHardening(config: AppConfig) {
  const production = config.NODE_ENV === 'production';
  const limits = { maxDepth: config.GRAPHQL_MAX_DEPTH, maxCost: config.GRAPHQL_MAX_COST, maxAliases: config.GRAPHQL_MAX_ALIASES };
  const validationRules = [queryShapeRule(limits), ...(production ? [NoSchemaIntrospectionCustomRule] : [])] as ValidationRule[];
  const options = {
    graphiql: !production,
    allowBatchedQueries: true,
    // A browser can only send a "simple" cross-site request (text/plain, form data) without a preflight; those are refused.
    csrfPrevention: { allowedContentTypes: ['application/json', 'application/graphql'], requiredHeaders: PREFLIGHT_HEADERS },
    // Validation depends on the query text alone, so Mercurius keeps parsed and validated queries (1,024 of them).
    cache: true,
    validationRules,
    additionalRouteOptions: { preValidation: limitBatchSize(config.GRAPHQL_MAX_BATCH) },
  };
  /** Everything an HTTP operation is checked against before it runs: validation (graphql-js's rules and ours), then cost. */
  const checkOperation = (schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): readonly GraphQLError[] => {
    const invalid = validate(schema, document, [...specifiedRules, ...validationRules]);
    if (invalid.length > 0) return invalid;
    const costly = costRefusal(limits, schema, document, operationName, variables);
    return costly ? [costly] : [];
  };
  // The cost limit reads page sizes from the variables too: checked per request, before execution.
  return { options, preExecution: refuseCostlyQueries(limits), checkOperation };
}

export type GraphqlHardening = ReturnType<typeof graphqlHardening>;

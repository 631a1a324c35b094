import { NoSchemaIntrospectionCustomRule, ValidationRule } from 'graphql';
import { AppConfig } from '../../../config/app-config';
import { limitBatchSize } from './batch-limit.hook';
import { queryShapeRule, refuseCostlyQueries } from './query-limits.rule';

/**
 * Headers that mark a request no cross-site form or simple fetch can make: the two that force a CORS preflight
 * (Mercurius' names), and the WebSocket handshake's key, which scripts cannot set — so graphql-ws subscriptions,
 * which upgrade a GET without a content type, get through. (A cross-site page can open a WebSocket, but cannot
 * add the Authorization header the subscription guard needs.)
 */
export const PREFLIGHT_HEADERS = ['x-mercurius-operation-name', 'mercurius-require-preflight', 'sec-websocket-key'];

/**
 * What makes /graphql safe to expose: Mercurius options (depth and alias limits
 * and, in production, no introspection as validation rules; capped batches;
 * CSRF prevention; GraphiQL only outside production) and the hook that
 * enforces the cost limit.
 */
export function graphqlHardening(config: AppConfig) {
  const production = config.NODE_ENV === 'production';
  const limits = { maxDepth: config.GRAPHQL_MAX_DEPTH, maxCost: config.GRAPHQL_MAX_COST, maxAliases: config.GRAPHQL_MAX_ALIASES };
  const options = {
    graphiql: !production,
    allowBatchedQueries: true,
    // A browser can only send a "simple" cross-site request (text/plain, form data) without a preflight; those are refused.
    csrfPrevention: { allowedContentTypes: ['application/json', 'application/graphql'], requiredHeaders: PREFLIGHT_HEADERS },
    // Validation depends on the query text alone, so Mercurius keeps parsed and validated queries (1,024 of them).
    cache: true,
    validationRules: [queryShapeRule(limits), ...(production ? [NoSchemaIntrospectionCustomRule] : [])] as ValidationRule[],
    additionalRouteOptions: { preValidation: limitBatchSize(config.GRAPHQL_MAX_BATCH) },
  };
  // The cost limit reads page sizes from the variables too: checked per request, before execution.
  return { options, preExecution: refuseCostlyQueries(limits) };
}

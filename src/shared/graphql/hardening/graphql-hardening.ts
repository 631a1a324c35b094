import { NoSchemaIntrospectionCustomRule, ValidationRule } from 'graphql';
import { AppConfig } from '../../../config/app-config';
import { limitBatchSize } from './batch-limit.hook';
import { queryLimitsRule } from './query-limits.rule';

/**
 * Headers that mark a request no cross-site form or simple fetch can make: the two that force a CORS preflight
 * (Mercurius' names), and the WebSocket handshake's key, which scripts cannot set — so graphql-ws subscriptions,
 * which upgrade a GET without a content type, get through. (A cross-site page can open a WebSocket, but cannot
 * add the Authorization header the subscription guard needs.)
 */
export const PREFLIGHT_HEADERS = ['x-mercurius-operation-name', 'mercurius-require-preflight', 'sec-websocket-key'];

/**
 * The Mercurius options that make /graphql safe to expose: query limits and (in
 * production) no introspection as validation rules, capped batches, CSRF
 * prevention, and GraphiQL only outside production.
 */
export function graphqlHardening(config: AppConfig) {
  const production = config.NODE_ENV === 'production';
  const limits = { maxDepth: config.GRAPHQL_MAX_DEPTH, maxCost: config.GRAPHQL_MAX_COST, maxAliases: config.GRAPHQL_MAX_ALIASES };
  return {
    graphiql: !production,
    allowBatchedQueries: true,
    // A browser can only send a "simple" cross-site request (text/plain, form data) without a preflight; those are refused.
    csrfPrevention: { allowedContentTypes: ['application/json', 'application/graphql'], requiredHeaders: PREFLIGHT_HEADERS },
    // The cost limit reads `first` from the variables, so validation depends on them: Mercurius' per-query cache must be off.
    cache: false,
    validationRules: ({ variables, operationName }: { variables?: Record<string, unknown>; operationName?: string }): ValidationRule[] => [
      queryLimitsRule(limits, { variables, operationName }),
      ...(production ? [NoSchemaIntrospectionCustomRule] : []),
    ],
    additionalRouteOptions: { preValidation: limitBatchSize(config.GRAPHQL_MAX_BATCH) },
  };
}

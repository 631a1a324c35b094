import type { FastifyInstance } from 'fastify';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/**
 * GraphQL over HTTP's own media type. A client that accepts it (and not plain JSON ahead of it) gets it back,
 * with its rules: a request error (the request never reached execution: unparsable, invalid, refused) is a
 * 4xx with no `data` entry at all, so "no data" and "data is null" mean different things. Clients asking for
 * `application/json` keep Mercurius' answers unchanged.
 */
export function serveGraphqlResponseMediaType(fastify: FastifyInstance, path = '/graphql'): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.url.split('?')[0] !== path || !prefersGraphqlResponse(request.headers.accept)) return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
    void reply.header('content-type', `${GRAPHQL_RESPONSE}; charset=utf-8`);
    if (reply.statusCode < 400 || typeof payload !== 'string') return payload;
    return JSON.stringify(withoutData(JSON.parse(payload) as unknown));
  });
}

function withoutData(result: unknown): unknown {
  if (Array.isArray(result)) return result.map(withoutData);
  if (result === null || typeof result !== 'object') return result;
  const { data: _dropped, ...rest } = result as Record<string, unknown>;
  return rest;
}

/** True when the Accept header lists the GraphQL response type before (or without) application/json. */
function prefersGraphqlResponse(accept: string | undefined): boolean {
  const types = (accept ?? '').split(',').map((entry) => entry.split(';')[0].trim().toLowerCase());
  const graphql = types.indexOf(GRAPHQL_RESPONSE);
  const json = types.findIndex((type) => type === 'application/json' || type === '*/*' || type === 'application/*');
  return graphql !== -1 && (json === -1 || graphql < json);
}

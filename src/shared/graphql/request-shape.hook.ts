import type { FastifyInstance } from 'fastify';

/** The charset parameter of a Content-Type header, unquoted; undefined when there is none. */
function declaredCharset(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2]) : undefined;
}

const UTF8 = new Set(['utf-8', 'utf8']);

/**
 * Mercurius trusts that `query` is a string; a JSON body such as `{"query": 42}`
 * reaches graphql-js and comes back as a 200 with an internal message. Refuse
 * such requests up front with a plain 400 and a typed error.
 *
 * JSON is UTF-8 (RFC 8259) and the body parser reads every body as UTF-8, so a
 * body declared in another charset (`application/json; charset=latin1`) would
 * be misread and its letters stored mangled for good: it is refused before it
 * is read, 415 UNSUPPORTED_MEDIA_TYPE.
 */
export function rejectMalformedGraphqlBodies(fastify: FastifyInstance, path = '/graphql'): void {
  const isGraphqlPost = (request: { method: string; url: string }) => request.method === 'POST' && request.url.split('?')[0] === path;
  fastify.addHook('onRequest', async (request, reply) => {
    if (!isGraphqlPost(request)) return;
    const charset = declaredCharset(request.headers['content-type']);
    if (charset === undefined || UTF8.has(charset.toLowerCase())) return;
    const message = `Unsupported charset "${charset}": GraphQL requests are JSON, which is UTF-8; send the body as UTF-8 (charset=utf-8)`;
    await reply.code(415).send({ data: null, errors: [{ message, extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] });
  });
  fastify.addHook('preValidation', async (request, reply) => {
    if (!isGraphqlPost(request)) return;
    const body = request.body as GraphqlParams | unknown[] | null;
    const problem = Array.isArray(body) ? body.map(problemOf).find((found) => found !== null) ?? null : problemOf(body);
    if (problem) {
      await reply.code(400).send({ data: null, errors: [{ message: `Malformed GraphQL request: ${problem}`, extensions: { code: 'BAD_REQUEST' } }] });
    }
  });
}

type GraphqlParams = { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown };

/**
 * What is wrong with one request's parameters, or null. Optional parameters sent as JSON null count as absent
 * (GraphQL over HTTP: `"extensions": null` must be accepted), so they are removed before Mercurius' own schema.
 */
function problemOf(body: unknown): string | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON object';
  const params = body as GraphqlParams;
  for (const optional of ['variables', 'operationName', 'extensions'] as const) if (params[optional] === null) delete params[optional];
  if (typeof params.query !== 'string') return '"query" must be a string holding a GraphQL document';
  if (params.variables !== undefined && (typeof params.variables !== 'object' || Array.isArray(params.variables))) return '"variables" must be an object';
  if (params.extensions !== undefined && (typeof params.extensions !== 'object' || Array.isArray(params.extensions))) return '"extensions" must be an object';
  return null;
}

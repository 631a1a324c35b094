import type { FastifyInstance } from 'fastify';

/**
 * Mercurius trusts that `query` is a string; a JSON body such as `{"query": 42}`
 * reaches graphql-js and comes back as a 200 with an internal message. Refuse
 * such requests up front with a plain 400 and a typed error.
 */
export function rejectMalformedGraphqlBodies(fastify: FastifyInstance, path = '/graphql'): void {
  fastify.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'POST' || request.url.split('?')[0] !== path) return;
    const body = request.body as { query?: unknown; variables?: unknown } | unknown[] | null;
    if (Array.isArray(body)) return; // batched requests: each entry is checked by Mercurius itself
    const problem =
      body === null || typeof body !== 'object'
        ? 'the body must be a JSON object'
        : typeof body.query !== 'string'
          ? '"query" must be a string holding a GraphQL document'
          : body.variables !== undefined && body.variables !== null && (typeof body.variables !== 'object' || Array.isArray(body.variables))
            ? '"variables" must be an object'
            : null;
    if (problem) {
      await reply.code(400).send({ data: null, errors: [{ message: `Malformed GraphQL request: ${problem}`, extensions: { code: 'BAD_REQUEST' } }] });
    }
  });
}

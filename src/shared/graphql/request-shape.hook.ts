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

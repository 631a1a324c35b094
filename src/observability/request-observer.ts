import type { FastifyInstance, FastifyRequest } from 'fastify';
import { factsOf, noteOperations, outcomeOf } from './request-facts';
import { graphqlErrors, graphqlRequestDuration, graphqlRequests, rateLimitRefusals } from './metrics/metrics';

/**
 * Notes what each GraphQL request asks for (before it runs, so refused and
 * invalid operations are named too) and, once answered, counts it in the
 * request metrics. The request log line reads the same facts (logger-options.ts).
 */
export function observeGraphqlRequests(fastify: FastifyInstance, path = '/graphql'): void {
  const isGraphql = (request: FastifyRequest) => request.url.split('?')[0] === path && !request.headers.upgrade;

  fastify.addHook('preHandler', async (request) => {
    if (!isGraphql(request)) return;
    noteOperations(request.raw, (request.method === 'GET' ? request.query : request.body) as Parameters<typeof noteOperations>[1]);
  });

  fastify.addHook('onResponse', async (request, reply) => {
    if (!isGraphql(request)) return;
    const facts = factsOf(request.raw);
    const outcome = outcomeOf(request.raw, reply.statusCode);
    const seconds = reply.elapsedTime / 1000;
    const operations = facts.operations.length > 0 ? facts.operations : [{ type: 'unknown', rootFields: [] }];
    for (const operation of operations) {
      const labels = { operation: operation.rootFields.join('+') || 'unknown', type: operation.type, outcome };
      graphqlRequests.inc(labels);
      graphqlRequestDuration.observe(labels, seconds);
    }
    for (const code of facts.errorCodes) {
      graphqlErrors.inc({ code });
      if (code === 'RATE_LIMITED') rateLimitRefusals.inc();
    }
  });
}

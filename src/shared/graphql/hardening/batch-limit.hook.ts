import type { FastifyReply, FastifyRequest } from 'fastify';

export const BATCH_TOO_LARGE = 'BATCH_TOO_LARGE';

/**
 * Batched requests (a JSON array of operations) are allowed, but a batch of a
 * thousand operations is one request doing a thousand requests' work: refuse
 * it before anything runs.
 */
export function limitBatchSize(maxOperations: number) {
  return async function rejectLargeBatches(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!Array.isArray(request.body) || request.body.length <= maxOperations) return;
    await reply.code(400).send({
      data: null,
      errors: [{
        message: `A batch may hold at most ${maxOperations} operations; this one has ${request.body.length}`,
        extensions: { code: BATCH_TOO_LARGE, limit: maxOperations },
      }],
    });
  };
}

import type { FastifyRequest } from 'fastify';
import { Viewer } from './identity';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/** What every GraphQL operation knows about its caller (merged into the GraphQL context). */
export interface RequestIdentity {
  viewer: Viewer;
  /** Set when a token was sent but failed verification: every field then answers UNAUTHENTICATED. */
  authFailure: string | null;
  /** For per-IP rate limits of anonymous callers. */
  clientIp: string;
}

/**
 * No Authorization header means anonymous (the public view). A header that is
 * present but not a valid Bearer token is an error, not a silent downgrade to
 * anonymous, so a client with an expired token learns it at once.
 */
export async function identifyRequest(verifier: TokenVerifier, request: FastifyRequest): Promise<RequestIdentity> {
  const clientIp = request.ip;
  const header = request.headers.authorization;
  if (header === undefined || header === '') return { viewer: null, authFailure: null, clientIp };
  const match = /^Bearer\s+([A-Za-z0-9_.-]+)\s*$/i.exec(header);
  if (!match) return { viewer: null, authFailure: 'Authorization must be "Bearer <token>"', clientIp };
  try {
    return { viewer: await verifier.verify(match[1]), authFailure: null, clientIp };
  } catch (error) {
    const reason = error instanceof InvalidTokenError ? error.message : 'token could not be verified';
    return { viewer: null, authFailure: `Invalid token: ${reason}`, clientIp };
  }
}

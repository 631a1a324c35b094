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
  return (await identifyAuthorization(verifier, request.headers.authorization, request.ip)).identity;
}

/**
 * The same for an Authorization value from anywhere (a WebSocket sends it in connection_init), with the instant
 * the token stops being accepted (null when anonymous or refused).
 */
export async function identifyAuthorization(
  verifier: TokenVerifier,
  header: string | undefined,
  clientIp: string,
): Promise<{ identity: RequestIdentity; acceptedUntil: Date | null }> {
  const refuse = (authFailure: string) => ({ identity: { viewer: null, authFailure, clientIp }, acceptedUntil: null });
  if (header === undefined || header === '') return { identity: { viewer: null, authFailure: null, clientIp }, acceptedUntil: null };
  const match = /^Bearer\s+([A-Za-z0-9_.-]+)\s*$/i.exec(header);
  if (!match) return refuse('Authorization must be "Bearer <token>"');
  try {
    const { identity, acceptedUntil } = await verifier.verifyToken(match[1]);
    return { identity: { viewer: identity, authFailure: null, clientIp }, acceptedUntil };
  } catch (error) {
    const reason = error instanceof InvalidTokenError ? error.message : 'token could not be verified';
    return refuse(`Invalid token: ${reason}`);
  }
}

import type { IncomingMessage } from 'node:http';
import { identifyAuthorization, RequestIdentity } from './request-identity';
import { TokenVerifier } from './token-verifier';

/** Who is on a socket, and until when their token is accepted (null: anonymous, nothing to run out). */
export interface SocketCaller {
  identity: RequestIdentity;
  acceptedUntil: Date | null;
}

/**
 * Signs in a graphql-ws connection. Browsers cannot set headers on a
 * WebSocket, so the token comes in connection_init's payload
 * (`{ "authorization": "Bearer …" }`); servers may send the upgrade request's
 * Authorization header instead. The payload wins when both are there. No
 * token is the public view; a bad one is refused (the socket closes with
 * 4403), never downgraded to anonymous, as over HTTP.
 */
export async function signInSocket(
  verifier: TokenVerifier,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  upgrade: IncomingMessage,
): Promise<SocketCaller | { refusal: string }> {
  const fromPayload = connectionParams?.authorization ?? connectionParams?.Authorization;
  if (fromPayload !== undefined && typeof fromPayload !== 'string') return { refusal: 'authorization must be "Bearer <token>"' };
  const header = fromPayload ?? upgrade.headers.authorization;
  const { identity, acceptedUntil } = await identifyAuthorization(verifier, header, upgrade.socket.remoteAddress ?? 'unknown');
  return identity.authFailure ? { refusal: identity.authFailure } : { identity, acceptedUntil };
}

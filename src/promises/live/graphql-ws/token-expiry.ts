import { CloseCode } from 'graphql-ws';
import type WebSocket from 'ws';

export const TOKEN_EXPIRED = 'Token expired';

/** setTimeout's longest delay (about 24.8 days); a longer wait is taken in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * A socket lives no longer than the token it signed in with: when the token
 * is no longer accepted, the socket closes with 4403 Forbidden, "Token
 * expired" — a code on which graphql-ws clients retry, so a client that
 * fetches a fresh token in `connectionParams` carries on. Returns a stop for
 * when the socket closes first.
 */
export function closeWhenTokenExpires(socket: WebSocket, acceptedUntil: Date | null): () => void {
  if (!acceptedUntil) return () => undefined;
  let timer: NodeJS.Timeout;
  const arm = () => {
    const left = acceptedUntil.getTime() - Date.now();
    if (left <= 0) return socket.close(CloseCode.Forbidden, TOKEN_EXPIRED);
    timer = setTimeout(arm, Math.min(left, LONGEST_TIMER_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}

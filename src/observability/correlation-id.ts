import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

export const CORRELATION_HEADER = 'x-correlation-id';

/** W3C Trace Context: version-traceid-parentid-flags; an all-zero trace id is invalid. */
const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;
const SANE_ID = /^[\w.:-]{1,128}$/;

/**
 * The id that ties a request's log lines, its events' metadata and the
 * client's bug report together: the caller's `x-correlation-id` when it looks
 * sane, else the trace id of a W3C `traceparent` (so one trace spans systems),
 * else a new one.
 */
export function correlationIdFromHeaders(headers: IncomingHttpHeaders): string {
  const header = first(headers[CORRELATION_HEADER]);
  if (header && SANE_ID.test(header)) return header;
  const trace = TRACEPARENT.exec(first(headers.traceparent)?.trim().toLowerCase() ?? '')?.[1];
  if (trace && !/^0+$/.test(trace)) return trace;
  return randomUUID();
}

const assigned = new WeakMap<IncomingMessage, string>();

/** One id per request, however many places ask (the request logger, the GraphQL context). */
export function correlationIdOf(request: IncomingMessage): string {
  let id = assigned.get(request);
  if (id === undefined) {
    id = correlationIdFromHeaders(request.headers);
    assigned.set(request, id);
  }
  return id;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

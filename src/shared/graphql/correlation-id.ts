import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const CORRELATION_HEADER = 'x-correlation-id';

/** Honour a caller's correlation id (one that looks sane) so a trace spans systems; else start one. */
export function correlationIdOf(headers: IncomingHttpHeaders): string {
  const header = headers[CORRELATION_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
}

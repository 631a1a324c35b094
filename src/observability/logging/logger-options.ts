import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream, LevelWithSilent } from 'pino';
import { stdTimeFunctions } from 'pino';
import type { Options } from 'pino-http';
import { AppConfig } from '../../config/app-config';
import { correlationIdOf } from '../correlation-id';
import { factsOf, outcomeOf } from '../request-facts';

/** Routes whose successful answers say nothing an operator needs at info level: probes and scrapes. */
const QUIET_PATHS = /^\/(health|metrics)(\/|$)/;
/** Outcomes that mean the service, not the caller, failed. */
const SERVER_FAULTS = new Set(['INTERNAL', 'STORE_UNAVAILABLE', 'READ_MODEL_UNAVAILABLE']);

const pathOf = (req: IncomingMessage) => (req.url ?? '').split('?')[0];

/**
 * The request logger (pino-http under nestjs-pino): one JSON line per request
 * with its correlation id, method and path (no query string, no headers: they
 * carry tokens and personal data), status, duration and, for GraphQL, the
 * operation, its type, the outcome code and the caller's user id.
 */
export function loggerParams(config: AppConfig): Params {
  const options: Options = {
    level: config.LOG_LEVEL,
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    genReqId: (req) => correlationIdOf(req),
    customAttributeKeys: { reqId: 'correlationId', responseTime: 'durationMs' },
    // Lines logged while a request runs carry its correlation id only, not the whole request.
    quietReqLogger: true,
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: levelOf,
    customSuccessObject: (req, res, line) => ({ ...line, ...graphqlFieldsOf(req, res) }),
    customErrorObject: (req, res, _error, line) => ({ ...line, ...graphqlFieldsOf(req, res) }),
    customSuccessMessage: (req, res) => messageOf(req, res),
    customErrorMessage: (req, res) => messageOf(req, res),
  };
  const pretty = prettyStream(config);
  return { pinoHttp: pretty ? [options, pretty] : options };
}

function levelOf(req: IncomingMessage, res: ServerResponse, error?: Error): LevelWithSilent {
  if (error || res.statusCode >= 500) return 'error';
  // Unknown routes are scanners and typos: a plain 404, visible when debugging.
  if (res.statusCode === 404) return 'debug';
  if (factsOf(req).errorCodes.some((code) => SERVER_FAULTS.has(code))) return 'error';
  if (QUIET_PATHS.test(pathOf(req)) && res.statusCode < 400) return 'debug';
  return 'info';
}

function graphqlFieldsOf(req: IncomingMessage, res: ServerResponse): Record<string, unknown> {
  const { operations, userId } = factsOf(req);
  if (operations.length === 0 && !pathOf(req).startsWith('/graphql')) return {};
  const fields = (pick: (o: (typeof operations)[number]) => unknown) => (operations.length === 1 ? pick(operations[0]) : operations.map(pick));
  return {
    operation: fields((o) => o.name ?? (o.rootFields.join('+') || null)),
    operationType: fields((o) => o.type),
    outcome: outcomeOf(req, res.statusCode),
    userId,
  };
}

function messageOf(req: IncomingMessage, res: ServerResponse): string {
  const { operations } = factsOf(req);
  if (operations.length === 0) return `${req.method} ${pathOf(req)} ${res.statusCode}`;
  const names = operations.map((o) => `${o.type} ${o.name ?? (o.rootFields.join('+') || '(anonymous)')}`).join(', ');
  return `${names} ${outcomeOf(req, res.statusCode)}`;
}

/**
 * Readable lines for a person at a terminal: pino-pretty (a development
 * dependency) in development, JSON everywhere else. LOG_FORMAT overrides.
 */
function prettyStream(config: AppConfig): DestinationStream | undefined {
  const format = config.LOG_FORMAT ?? (config.NODE_ENV === 'development' ? 'pretty' : 'json');
  if (format !== 'pretty') return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (options: object) => DestinationStream;
    return pretty({ colorize: process.stdout.isTTY, singleLine: true, ignore: 'pid,hostname', sync: true });
  } catch {
    return undefined; // production dependencies only: JSON it is
  }
}

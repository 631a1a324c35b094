import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every figure the service publishes at /metrics, in one place. Metrics are
 * process-wide (one process is one instance), so any module records with a
 * plain import and a one-line call; lags are computed when scraped (see
 * lag-metrics.ts).
 */
export const metricsRegistry = new Registry();
const registers = [metricsRegistry];

/** Request latencies: 1 ms to 10 s. */
const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

let nodeDefaults = false;
/** Node's own figures (event-loop lag, heap, GC, handles), once per process. */
export function collectNodeMetrics(): void {
  if (nodeDefaults) return;
  nodeDefaults = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

const requestLabels = ['operation', 'type', 'outcome'] as const;

export const graphqlRequests = new Counter({
  name: 'samverkan_graphql_requests_total',
  help: 'GraphQL operations by root field(s), operation type and outcome (OK or the error code)',
  labelNames: requestLabels,
  registers,
});

export const graphqlRequestDuration = new Histogram({
  name: 'samverkan_graphql_request_duration_seconds',
  help: 'Time from request to response for GraphQL requests, by operation, type and outcome',
  labelNames: requestLabels,
  buckets: SECONDS,
  registers,
});

export const graphqlErrors = new Counter({
  name: 'samverkan_graphql_errors_total',
  help: 'Errors in GraphQL responses, by extensions.code',
  labelNames: ['code'] as const,
  registers,
});

export const rateLimitRefusals = new Counter({
  name: 'samverkan_rate_limit_refusals_total',
  help: 'Operations refused with RATE_LIMITED',
  registers,
});

export const eventStoreAppendDuration = new Histogram({
  name: 'samverkan_event_store_append_duration_seconds',
  help: 'Time an append takes as its caller sees it (group commit wait and fsync included), by outcome',
  labelNames: ['outcome'] as const,
  buckets: SECONDS,
  registers,
});

export const groupCommitAppends = new Histogram({
  name: 'samverkan_event_store_group_commit_appends',
  help: 'Appends committed together in one transaction by the embedded store (group commit)',
  buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
  registers,
});

export const readYourWritesWait = new Histogram({
  name: 'samverkan_read_your_writes_wait_seconds',
  help: 'How long mutations waited for the read models to include their events, by outcome (reached, timed_out, or unavailable: the read-model database could not be reached)',
  labelNames: ['outcome'] as const,
  buckets: SECONDS,
  registers,
});

export const openSubscriptions = new Gauge({
  name: 'samverkan_graphql_subscriptions_open',
  help: 'GraphQL subscriptions currently open',
  registers,
});

/** Counts a subscription as open from its first pull until its iterator ends, whichever way it ends. */
export async function countWhileOpen<T>(subscribing: AsyncIterable<T> | Promise<AsyncIterable<T>>): Promise<AsyncIterable<T>> {
  const iterable = await subscribing;
  return {
    [Symbol.asyncIterator]() {
      const inner = iterable[Symbol.asyncIterator]();
      let open = true;
      openSubscriptions.inc();
      const close = () => {
        if (open) openSubscriptions.dec();
        open = false;
      };
      return {
        async next() {
          const result = await inner.next().catch((error: unknown) => {
            close();
            throw error;
          });
          if (result.done) close();
          return result;
        },
        async return(value?: unknown) {
          close();
          return (await inner.return?.(value)) ?? { done: true, value: undefined };
        },
        async throw(error?: unknown) {
          close();
          if (inner.throw) return inner.throw(error);
          throw error;
        },
      };
    },
  };
}

import { mapAsyncIterable, SKIP } from '../../shared/async-iteration';
import { ResultContext, ResultFilter } from './result-filters';

type Page = { edges: { cursor: string; node: unknown }[]; pageInfo: unknown };

/**
 * The result filter of a subscription (`Subscription.promiseChanged`, …): a
 * subscription resolver returns a stream of events `{ [field]: item }`, and
 * each item passes the very filter that the matching list query applies to
 * its page (`Query.promises` → visiblePromises, `Query.activityLog` →
 * entriesOfAnyPromise). An item that filter leaves out is not sent; one it
 * redacts (notes) is sent redacted. So a subscriber receives what the same
 * caller would read over HTTP, by one rule, not a copy of it.
 */
export const eachEvent =
  (field: string, pageFilter: ResultFilter): ResultFilter =>
  (events, context: ResultContext) =>
    mapAsyncIterable(events as AsyncIterable<Record<string, unknown>>, async (event) => {
      const page = (await pageFilter({ edges: [{ cursor: '', node: event[field] }], pageInfo: null } satisfies Page, context)) as Page;
      const [edge] = page.edges;
      return edge ? { ...event, [field]: edge.node } : SKIP;
    });

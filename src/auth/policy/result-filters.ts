import { denied } from '../auth-errors';
import { Viewer } from '../identity';
import { canSeeAgreement, canSeePromise, mayReadNonPublic, redactNotes } from './visibility';

/** Looks up parties for reads that do not carry them (activity entries, history by id); backed by read models. */
export interface PartyLookup {
  promiseParties(promiseIds: string[]): Promise<Map<string, readonly string[]>>;
  agreementParties(agreementId: string): Promise<readonly string[] | null>;
}

export interface ResultContext {
  viewer: Viewer;
  parent: unknown;
  parties: PartyLookup;
}

/** Runs on what a resolver returned, before the client sees it. */
export type ResultFilter = (result: unknown, context: ResultContext) => unknown;

type Connection<T> = { edges: { cursor: string; node: T }[]; pageInfo: unknown };

/**
 * One object: an error when the viewer may not see it (FORBIDDEN, or
 * UNAUTHENTICATED for anonymous callers, who might see it after signing in).
 */
export const single =
  <T>(visible: (viewer: Viewer, item: T) => boolean, what: string): ResultFilter =>
  (result, { viewer }) => {
    if (result == null || visible(viewer, result as T)) return result;
    throw denied(viewer !== null, `${what} is not published; only its parties and auditors may read it`);
  };

/**
 * A page: items the viewer may not see are left out. The cursors still come
 * from the rows read, so paging on continues where the read stopped (a page
 * can come back shorter than `first`).
 */
export const page =
  <T>(visible: (viewer: Viewer, item: T) => boolean): ResultFilter =>
  (result, { viewer }) => {
    const connection = result as Connection<T> | null;
    if (!connection) return connection;
    return { ...connection, edges: connection.edges.filter((edge) => visible(viewer, edge.node)) };
  };

export const agreementOrError = single(canSeeAgreement, 'This agreement');
export const promiseOrError = single(canSeePromise, 'This promise');
export const visibleAgreements = page(canSeeAgreement);
export const visiblePromises = page(canSeePromise);

/** A nested agreement the viewer may not see reads as null rather than failing the whole promise. */
export const agreementOrNull: ResultFilter = (result, { viewer }) =>
  result == null || canSeeAgreement(viewer, result as Parameters<typeof canSeeAgreement>[1]) ? result : null;

type Entry = { promiseId: string; notes?: string | null };

/** Entries under a promise the parent already names (`CitizenPromise.activities`). */
export const entriesOfParentPromise: ResultFilter = (result, { viewer, parent }) => {
  const connection = result as Connection<Entry> | null;
  if (!connection) return connection;
  const partyIds = (parent as { partyIds?: readonly string[] } | null)?.partyIds ?? [];
  const visible = mayReadNonPublic(viewer, partyIds);
  return { ...connection, edges: connection.edges.map((e) => ({ ...e, node: redactNotes(e.node, visible) })) };
};

/** Entries from any promises (`Query.activityLog`): the parties are looked up per promise on the page. */
export const entriesOfAnyPromise: ResultFilter = async (result, { viewer, parties }) => {
  const connection = result as Connection<Entry> | null;
  if (!connection || connection.edges.length === 0) return connection;
  const partiesOf = await parties.promiseParties([...new Set(connection.edges.map((e) => e.node.promiseId))]);
  return {
    ...connection,
    edges: connection.edges.map((e) => ({ ...e, node: redactNotes(e.node, mayReadNonPublic(viewer, partiesOf.get(e.node.promiseId) ?? [])) })),
  };
};

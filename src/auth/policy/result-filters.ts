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
 * One object: null when the viewer may not see it, exactly as for an id that
 * does not exist, so an outsider cannot tell a draft from a missing id (an
 * error here would say "this id is in use").
 */
export const single =
  <T>(visible: (viewer: Viewer, item: T) => boolean): ResultFilter =>
  (result, { viewer }) =>
    result == null || visible(viewer, result as T) ? result : null;

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

/** Also for a nested agreement: one the viewer may not see reads as null rather than failing the whole promise. */
export const agreementOrNull = single(canSeeAgreement);
export const promiseOrNull = single(canSeePromise);
export const visibleAgreements = page(canSeeAgreement);
export const visiblePromises = page(canSeePromise);


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

type FollowUpLike = { activityStatuses: { comment?: string | null }[]; measurements: { note?: string | null }[] };

/**
 * Follow-ups of the parent promise (`CitizenPromise.followUps`): their comments
 * and measurement notes are internal working text, read as activity notes are.
 */
export const followUpsOfParentPromise: ResultFilter = (result, { viewer, parent }) => {
  const followUps = result as FollowUpLike[] | null;
  if (!followUps) return followUps;
  const partyIds = (parent as { partyIds?: readonly string[] } | null)?.partyIds ?? [];
  if (mayReadNonPublic(viewer, partyIds)) return followUps;
  return followUps.map((f) => ({
    ...f,
    activityStatuses: f.activityStatuses.map((s) => (s.comment == null ? s : { ...s, comment: null })),
    measurements: f.measurements.map((m) => (m.note == null ? m : { ...m, note: null })),
  }));
};

/**
 * An immutable, append-only set of ids for state that grows with every event
 * (e.g. the thousands of activity-log entry ids of a promise). Copying a Set on
 * each evolve would make folding a stream quadratic; this list shares structure
 * with the previous state instead, so `add` is O(1) and the fold stays linear.
 * Lookup is O(n), done once per decision.
 */
export type AppendOnlyIds = { readonly id: string; readonly rest: AppendOnlyIds; readonly size: number } | null;

export const emptyIds: AppendOnlyIds = null;

export function addId(ids: AppendOnlyIds, id: string): AppendOnlyIds {
  return { id, rest: ids, size: (ids?.size ?? 0) + 1 };
}

export function hasId(ids: AppendOnlyIds, id: string): boolean {
  for (let node = ids; node !== null; node = node.rest) if (node.id === id) return true;
  return false;
}

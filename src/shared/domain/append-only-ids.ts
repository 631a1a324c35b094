/**
 * An immutable, append-only set of ids for state that grows with every event
 * (e.g. the thousands of activity-log entry ids of a promise). Copying a Set on
 * each evolve would make folding a stream quadratic; this list shares structure
 * with the previous state instead, so `add` is O(1) and the fold stays linear.
 *
 * Lookups go through a Set kept beside the newest list and handed on to the
 * next list by `addId` (the old list loses it: it no longer matches). So the
 * usual pattern, look up on the current state then add, is O(1); looking up
 * on an older list rebuilds its Set once, in O(n).
 */
export type AppendOnlyIds = { readonly id: string; readonly rest: AppendOnlyIds; readonly size: number } | null;

export const emptyIds: AppendOnlyIds = null;

type IdList = Exclude<AppendOnlyIds, null>;
const lookup = new WeakMap<IdList, Set<string>>();

export function addId(ids: AppendOnlyIds, id: string): AppendOnlyIds {
  const list: IdList = { id, rest: ids, size: (ids?.size ?? 0) + 1 };
  const set = ids && lookup.get(ids);
  if (set) {
    lookup.delete(ids);
    lookup.set(list, set.add(id));
  }
  return list;
}

export function hasId(ids: AppendOnlyIds, id: string): boolean {
  if (ids === null) return false;
  let set = lookup.get(ids);
  if (!set) {
    set = new Set();
    for (let node: AppendOnlyIds = ids; node !== null; node = node.rest) set.add(node.id);
    lookup.set(ids, set);
  }
  return set.has(id);
}

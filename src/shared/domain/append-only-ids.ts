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
export type AppendOnlyIds = { readonly id: string; readonly rest: AppendOnlyIds; readonly size: number; readonly value?: string } | null;

export const emptyIds: AppendOnlyIds = null;

type IdList = Exclude<AppendOnlyIds, null>;
const lookup = new WeakMap<IdList, Map<string, string | undefined>>();

/** `value` is one string kept with the id (e.g. an entry's date), read back with `valueOfId`. */
export function addId(ids: AppendOnlyIds, id: string, value?: string): AppendOnlyIds {
  const list: IdList = value === undefined ? { id, rest: ids, size: (ids?.size ?? 0) + 1 } : { id, rest: ids, size: (ids?.size ?? 0) + 1, value };
  const map = ids && lookup.get(ids);
  if (map) {
    lookup.delete(ids);
    // The first value given for an id stands, as a fold from the oldest node would find it.
    lookup.set(list, map.has(id) ? map : map.set(id, value));
  }
  return list;
}

function indexOf(ids: IdList): Map<string, string | undefined> {
  let map = lookup.get(ids);
  if (!map) {
    const nodes: IdList[] = [];
    for (let node: AppendOnlyIds = ids; node !== null; node = node.rest) nodes.push(node);
    map = new Map();
    for (const node of nodes.reverse()) if (!map.has(node.id)) map.set(node.id, node.value);
    lookup.set(ids, map);
  }
  return map;
}

export function hasId(ids: AppendOnlyIds, id: string): boolean {
  return ids !== null && indexOf(ids).has(id);
}

export function valueOfId(ids: AppendOnlyIds, id: string): string | undefined {
  return ids === null ? undefined : indexOf(ids).get(id);
}

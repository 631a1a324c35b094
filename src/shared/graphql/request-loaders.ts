import DataLoader from 'dataloader';

/**
 * DataLoaders live for one GraphQL request: created on first use and kept on
 * the request's context object (a WeakMap, so they go with the request). Nested
 * fields of a list then cost one query per field, not one per parent (no N+1),
 * and nothing is cached across requests or users.
 */
const loadersByRequest = new WeakMap<object, Map<string, DataLoader<unknown, unknown>>>();

export function requestLoader<K, V>(
  context: object,
  name: string,
  batch: (keys: readonly K[]) => Promise<Map<K, V>>,
  missing: V,
): DataLoader<K, V> {
  let loaders = loadersByRequest.get(context);
  if (!loaders) {
    loaders = new Map();
    loadersByRequest.set(context, loaders);
  }
  let loader = loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(async (keys) => {
      const found = await batch(keys);
      return keys.map((key) => (found.has(key) ? found.get(key)! : missing));
    });
    loaders.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Groups rows by a key, keeping their order: the usual shape of a batched one-to-many load. */
export function groupBy<K, T>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

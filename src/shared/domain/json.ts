/**
 * Event payloads must survive JSON.stringify/parse unchanged: they are stored
 * as JSON by every event-store adapter and replayed years later. These types
 * mirror the event-store port's `Json` (without importing it: the domain
 * depends on nothing outside itself) so a payload type that uses Date, a
 * class or a function fails to compile where the event is declared. Optional
 * properties (`x?: string`) slip past the type check (TypeScript allows them
 * without exactOptionalPropertyTypes): use `string | null`, and rely on the
 * run-time check below in tests.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Compile-time guard for an event union: `type _ = JsonEvents<MyEvent>` stops
 * compiling when some event's data is not plain JSON. Declare data with `type`
 * aliases and mutable arrays (interfaces and readonly arrays are not assignable
 * to an index signature / `JsonValue[]`).
 */
export type JsonEvents<E extends { readonly type: string; readonly data: JsonObject }> = E;

/**
 * Run-time twin of the type check, used by the given/when/then helper: returns
 * the path of the first value that would not round-trip through JSON, or null.
 */
export function findNonJson(value: unknown, path = '$'): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findNonJson(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return path; // Date, Set, Map, class instance
    for (const [key, child] of Object.entries(value)) {
      const bad = findNonJson(child, `${path}.${key}`);
      if (bad) return bad;
    }
    return null;
  }
  return path; // undefined, function, symbol, bigint
}

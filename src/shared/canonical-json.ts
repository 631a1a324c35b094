/**
 * The canonical encoding every chain link and checkpoint signature is computed
 * over. It must give the same bytes for the same value on any store, in any
 * process, years from now, so it is defined here rather than left to
 * JSON.stringify (whose key order is insertion order):
 *
 * - RFC 8785 (JSON Canonicalization Scheme): object keys sorted by UTF-16 code
 *   units (JavaScript's default sort), no whitespace, numbers as ECMAScript
 *   prints them, strings escaped as JSON.stringify does;
 * - plus: a bigint is written as a JSON string of its decimal digits (revisions,
 *   positions and counts are bigint in the process), a Date as its ISO string;
 * - keys whose value is `undefined` are left out, as a JSON round trip through
 *   a store would drop them.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Cannot encode the number ${value} canonically`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `"${value.toString()}"`;
    case 'object':
      return value === null ? 'null' : encodeObject(value);
    default:
      throw new TypeError(`Cannot encode a ${typeof value} canonically`);
  }
}

function encodeObject(value: object): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i] === undefined ? null : value[i]);
    return `${out}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const child = record[key];
    if (child === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(child)}`;
    first = false;
  }
  return `${out}}`;
}

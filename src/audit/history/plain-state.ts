import { JsonValue } from '../../shared/domain/json';

/**
 * Folded state as plain JSON, for auditors: Sets and Maps become arrays and
 * objects, Dates ISO strings. States are deciders' own shapes, so this is
 * structural, never written against one aggregate: a new field or event type
 * shows up without a change here. The one shape it knows is the shared
 * append-only id list (src/shared/domain/append-only-ids.ts), a linked list
 * shown as the array it stands for, oldest first.
 */
export function toPlainJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'object':
      return objectToPlain(value);
    default:
      return null; // functions, symbols: not state
  }
}

function objectToPlain(value: object): JsonValue {
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Set) return [...value].map(toPlainJson);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toPlainJson(v)]));
  if (isAppendOnlyIds(value)) return appendOnlyIdsToArray(value);
  const out: { [key: string]: JsonValue } = {};
  for (const [key, child] of Object.entries(value)) if (typeof child !== 'function') out[key] = toPlainJson(child);
  return out;
}

type IdNode = { id: string; rest: IdNode | null; size: number };

function isAppendOnlyIds(value: object): value is IdNode {
  const keys = Object.keys(value);
  const size = 'value' in value ? 4 : 3; // a node may keep one value with its id
  return keys.length === size && 'id' in value && 'rest' in value && 'size' in value && typeof (value as IdNode).size === 'number';
}

function appendOnlyIdsToArray(list: IdNode): string[] {
  const ids: string[] = [];
  for (let node: IdNode | null = list; node !== null; node = node.rest) ids.push(node.id);
  return ids.reverse();
}

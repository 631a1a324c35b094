import { JsonValue } from '../../shared/domain/json';

/** One field that an event changed: `path` like `signatures[1].signatory.name`; null for absent. */
export interface FieldChange {
  readonly path: string;
  readonly before: JsonValue;
  readonly after: JsonValue;
}

const isObject = (v: JsonValue): v is { [key: string]: JsonValue } => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Field-level differences between two plain states, leaves only, in a stable order. */
export function diffStates(before: JsonValue, after: JsonValue, path = ''): FieldChange[] {
  if (before === after) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffStates(before[key] ?? null, after[key] ?? null, path ? `${path}.${key}` : key));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: FieldChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      changes.push(...diffStates(i < before.length ? before[i] : null, i < after.length ? after[i] : null, `${path}[${i}]`));
    }
    return changes;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: path || '$', before, after }];
}

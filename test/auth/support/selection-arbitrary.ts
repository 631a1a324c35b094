import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema, getNamedType, GraphQLArgument, GraphQLField, GraphQLObjectType, isEnumType, isLeafType, isNonNullType, isObjectType, parse,
} from 'graphql';
import { measureOperation } from '../../../src/shared/graphql/hardening/query-shape';

/** The schema as served (schema.gql; test/schema-drift.test.ts keeps it current). */
export const SCHEMA = buildSchema(readFileSync(join(__dirname, '../../../schema.gql'), 'utf8'));

/** A generated selection: fields (maybe aliased, maybe with arguments), inline fragments, spreads of named fragments. */
export type Selection =
  | { kind: 'field'; name: string; aliased: boolean; args: [string, string][]; selections?: Selection[] }
  | { kind: 'inline'; type: string; selections: Selection[] }
  | { kind: 'spread'; fragment: number };

/** A selection on a root type, with the named fragments it spreads (all on that type). */
export interface RootSelection {
  type: string;
  selections: Selection[];
  fragments: Selection[][];
}

const objectType = (name: string) => SCHEMA.getType(name) as GraphQLObjectType;

/** A value for an optional argument, or none: small pages, both answers, a fixed date, any enum value. */
function argumentValue(arg: GraphQLArgument): fc.Arbitrary<string | null> | null {
  if (isNonNullType(arg.type)) return null; // none of the output types here has required arguments
  const type = getNamedType(arg.type);
  if (arg.name === 'first') return fc.option(fc.integer({ min: 1, max: 3 }).map(String));
  if (arg.name === 'today') return fc.option(fc.constantFrom('"2017-06-30"', '"2018-06-30"'));
  if (type.name === 'Boolean') return fc.option(fc.boolean().map(String));
  if (isEnumType(type)) return fc.option(fc.constantFrom(...type.getValues().map((v) => v.name)));
  return null; // cursors and ids: left out
}

function argumentsOf(field: GraphQLField<unknown, unknown>): fc.Arbitrary<[string, string][]> {
  const candidates = field.args.flatMap((arg) => {
    const value = argumentValue(arg);
    return value ? [value.map((v) => (v === null ? null : ([arg.name, v] as [string, string])))] : [];
  });
  return fc.tuple(...candidates).map((pairs) => pairs.filter((p): p is [string, string] => p !== null));
}

/** Whether a field of this type can be selected with at most `depth` object levels below it (a connection needs two). */
function selectable(type: GraphQLObjectType, depth: number): boolean {
  return Object.values(type.getFields()).some((f) => {
    const named = getNamedType(f.type);
    return isLeafType(named) || (depth > 0 && isObjectType(named) && selectable(named, depth - 1));
  });
}

function fieldOf(type: GraphQLObjectType, depth: number): fc.Arbitrary<Selection> {
  const fields = Object.values(type.getFields()).filter((f) => {
    const named = getNamedType(f.type);
    return isLeafType(named) || (depth > 0 && isObjectType(named) && selectable(named, depth - 1));
  });
  return fc.constantFrom(...fields).chain((field) => {
    const named = getNamedType(field.type);
    const nested = isObjectType(named) ? selectionsOf(named.name, depth - 1, 3) : fc.constant(undefined);
    return fc.record({ aliased: fc.nat(3).map((n) => n === 0), args: argumentsOf(field), selections: nested })
      .map(({ aliased, args, selections }) => ({ kind: 'field' as const, name: field.name, aliased, args, ...(selections ? { selections } : {}) }));
  });
}

export function selectionsOf(typeName: string, depth: number, maxLength: number): fc.Arbitrary<Selection[]> {
  const type = objectType(typeName);
  const item: fc.Arbitrary<Selection> = depth > 0 && selectable(type, depth - 1)
    ? fc.oneof({ weight: 5, arbitrary: fieldOf(type, depth) }, { weight: 1, arbitrary: selectionsOf(typeName, depth - 1, 2).map((selections) => ({ kind: 'inline' as const, type: typeName, selections })) })
    : fieldOf(type, depth);
  return fc.array(item, { minLength: 1, maxLength });
}

/** Selections on a root type, up to `depth` levels below it, spreading up to two named fragments. */
export function rootSelection(typeName: string, depth: number): fc.Arbitrary<RootSelection> {
  return fc
    .record({
      selections: selectionsOf(typeName, depth, 5),
      fragments: fc.array(selectionsOf(typeName, depth, 3), { maxLength: 2 }),
      spreads: fc.array(fc.nat(1), { maxLength: 2 }),
    })
    .map(({ selections, fragments, spreads }) => ({
      type: typeName,
      fragments,
      // Every fragment is spread at least once (an unused fragment is invalid), some twice.
      selections: [...selections, ...fragments.map((_, i) => ({ kind: 'spread' as const, fragment: i })), ...spreads.filter((i) => i < fragments.length).map((i) => ({ kind: 'spread' as const, fragment: i }))],
    }));
}

/**
 * Prints a root selection as a document body and its fragment definitions.
 * Aliases are unique in the whole document and every field with arguments
 * gets one, so no two fields can conflict (OverlappingFieldsCanBeMerged).
 */
export function print(root: RootSelection, prefix: string): { body: string; fragments: string } {
  let next = 0;
  const printAll = (selections: Selection[]): string => selections.map(printOne).join(' ');
  const printOne = (selection: Selection): string => {
    if (selection.kind === 'spread') return `...${prefix}${selection.fragment}`;
    if (selection.kind === 'inline') return `... on ${selection.type} { ${printAll(selection.selections)} }`;
    const alias = selection.aliased || selection.args.length > 0 ? `${prefix}a${next++}: ` : '';
    const args = selection.args.length > 0 ? `(${selection.args.map(([k, v]) => `${k}: ${v}`).join(', ')})` : '';
    return `${alias}${selection.name}${args}${selection.selections ? ` { ${printAll(selection.selections)} }` : ''}`;
  };
  const body = printAll(root.selections);
  const fragments = root.fragments.map((selections, i) => `fragment ${prefix}${i} on ${root.type} { ${printAll(selections)} }`).join(' ');
  return { body, fragments };
}

/** Whether a document is within the limits both transports apply (the service's defaults). */
export function withinLimits(document: string, limits = { maxDepth: 10, maxAliases: 15, maxCost: 50_000 }): boolean {
  const parsed = parse(document);
  return parsed.definitions.every((d) => {
    if (d.kind !== 'OperationDefinition') return true;
    const shape = measureOperation(SCHEMA, parsed, d);
    return shape.depth <= limits.maxDepth && shape.aliases <= limits.maxAliases && shape.cost <= limits.maxCost;
  });
}

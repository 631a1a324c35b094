import {
  DocumentNode, FieldNode, FragmentDefinitionNode, getNamedType, GraphQLSchema, isObjectType, isInterfaceType, GraphQLNamedType,
  Kind, OperationDefinitionNode, SelectionSetNode, valueFromASTUntyped,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../connection';

export interface QueryShape {
  /** Deepest field nesting (a top-level field is depth 1). */
  depth: number;
  /** Estimated fields returned: each field counts 1, and a paged field multiplies what is under it by its page size. */
  cost: number;
  /** Aliased fields, which let one request repeat a field many times. */
  aliases: number;
}

/**
 * Measures one operation before it runs, following fragments (each spread is
 * measured where it is used; a cycle stops the walk, graphql-js reports it).
 * Introspection fields are not measured: introspection is off in production,
 * and GraphiQL's own query is deep by nature.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  provided: Record<string, unknown> = {},
): QueryShape {
  // A variable left out takes its default from the query (`$n: Int = 500`): measure what will run.
  const defaults = (operation.variableDefinitions ?? [])
    .filter((v) => v.defaultValue !== undefined)
    .map((v) => [v.variable.name.value, valueFromASTUntyped(v.defaultValue!)] as const);
  const variables: Record<string, unknown> = { ...Object.fromEntries(defaults), ...provided };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  let aliases = 0;

  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | null | undefined, visiting: Set<string>): { depth: number; cost: number } => {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        if (selection.alias) aliases += 1;
        const measured = measureField(selection, parentType, visiting);
        depth = Math.max(depth, measured.depth);
        cost += measured.cost;
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
        if (!fragment || (name && visiting.has(name))) continue;
        const typeCondition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parentType;
        const inner = walk(fragment.selectionSet, typeCondition, name ? new Set([...visiting, name]) : visiting);
        depth = Math.max(depth, inner.depth);
        cost += inner.cost;
      }
    }
    return { depth, cost };
  };

  const measureField = (field: FieldNode, parentType: GraphQLNamedType | null | undefined, visiting: Set<string>) => {
    const definition = parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields()[field.name.value] : undefined;
    if (!field.selectionSet) return { depth: 1, cost: 1 };
    const inner = walk(field.selectionSet, definition ? getNamedType(definition.type) : null, visiting);
    const pageSize = definition?.args.some((a) => a.name === 'first') ? pageSizeOf(field, variables) : 1;
    return { depth: inner.depth + 1, cost: 1 + pageSize * inner.cost };
  };

  const { depth, cost } = walk(operation.selectionSet, root, new Set());
  return { depth, cost, aliases };
}

/**
 * The page a field asks for: its `first` argument (literal or variable), else the default page size.
 * A `first` beyond the maximum is refused by input validation as BAD_USER_INPUT, so it counts as the maximum here.
 */
function pageSizeOf(field: FieldNode, variables: Record<string, unknown>): number {
  const argument = field.arguments?.find((a) => a.name.value === 'first');
  const value = argument ? valueFromASTUntyped(argument.value, variables) : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(value, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType, GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLSchema, isEnumType, isInputObjectType, isLeafType, isListType,
  isNonNullType, isScalarType,
} from 'graphql';
import { Role, ROLES } from '../../src/auth/identity';
import { ANYONE, RESOLVER_POLICIES } from '../../src/auth/policy/resolver-policies';
import { startTestApp, TestApp, TestClient } from '../support/test-app';

/**
 * The role layer for every operation the schema has, generated from the schema
 * and the policy table, so operations added later are covered without writing
 * a case: every Mutation and every non-public Query field, called by every role
 * with a well-formed (if meaningless) input. A role outside the policy gets
 * FORBIDDEN (anonymous: UNAUTHENTICATED) before anything runs; a role inside it
 * gets past the role check (what happens next — NOT_FOUND, a domain rule, the
 * party check — is what access-matrix and cross-organisation tests look at).
 */
type Caller = Role | 'anonymous';
const CALLERS: Caller[] = ['anonymous', ...ROLES];

/** A value graphql-js accepts for this input type: required fields only, the first enum value, dates for strings. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isScalarType(type)) return ({ Int: 1, Float: 1, Boolean: true, ID: 'no-such-id' } as Record<string, unknown>)[type.name] ?? '2017-01-01';
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => [f.name, sample(f.type)]));
  }
  return null;
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const args = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type));
  const declarations = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const returned = getNamedType(field.type);
  const selection = isLeafType(returned) ? '' : ' { __typename }';
  const query = `${kind}${declarations ? `(${declarations})` : ''} { ${field.name}${args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''}${selection} }`;
  return { query, variables: Object.fromEntries(args.map((a) => [a.name, sample(a.type)])) };
}

describe('role matrix for every operation in the schema', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    t = await startTestApp();
    schema = t.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => t.close());

  const client = (caller: Caller): TestClient => (caller === 'anonymous' ? t.anonymous : t.as(caller, caller === 'admin' || caller === 'auditor' ? null : 'some-kommun'));

  function operations() {
    const mutations = Object.values(schema.getMutationType()!.getFields()).map((f) => ({ coordinate: `Mutation.${f.name}`, ...operationFor('mutation', f) }));
    const queries = Object.values(schema.getQueryType()!.getFields())
      .filter((f) => RESOLVER_POLICIES[`Query.${f.name}`]?.allow !== ANYONE)
      .map((f) => ({ coordinate: `Query.${f.name}`, ...operationFor('query', f) }));
    return [...mutations, ...queries];
  }

  it('covers the operations there are (the generator works)', () => {
    expect(operations().map((o) => o.coordinate)).toEqual(expect.arrayContaining(['Mutation.logActivity', 'Mutation.registerMunicipality', 'Query.auditLog']));
  });

  it.each(CALLERS)('as %s: denied exactly where the policy says, with the right code', async (caller) => {
    const outcomes: string[] = [];
    for (const { coordinate, query, variables } of operations()) {
      const policy = RESOLVER_POLICIES[coordinate];
      const allowed = policy.allow === ANYONE || (caller !== 'anonymous' && policy.allow.includes(caller));
      const response = await client(caller).gql(query, variables);
      const error = response.errors?.[0];
      const deniedByRole = !!error && ['FORBIDDEN', 'UNAUTHENTICATED'].includes(String(error.extensions?.code)) && /needs the role|Sign in/.test(error.message);
      const expected = allowed ? 'passes the role check' : caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      const actual = !deniedByRole ? 'passes the role check' : String(error!.extensions!.code);
      outcomes.push(`${coordinate}: ${actual}${actual === expected ? '' : ` (expected ${expected}; ${error?.message})`}`);
    }
    expect(outcomes.filter((o) => o.includes('expected'))).toEqual([]);
  });
});

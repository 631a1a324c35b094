import 'reflect-metadata';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ResolversExplorerService } from '@nestjs/graphql/dist/services/resolvers-explorer.service';
import { GraphQLSchema, isObjectType } from 'graphql';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { RESOLVER_POLICIES } from '../../src/auth/policy/resolver-policies';

/**
 * Default deny, made visible: every resolver the schema exposes must have an
 * entry in src/auth/policy/resolver-policies.ts. A new Query, Mutation or
 * Subscription field, or a field resolver (an `@ResolveField`, or any field
 * with arguments), fails this test until someone decides who may call it —
 * until then the guard answers FORBIDDEN.
 */
describe('access policy coverage', () => {
  let schema: GraphQLSchema;
  /** What Nest wired as resolvers (`@Query`, `@Mutation`, `@ResolveField` ...), by type and field. */
  let nestResolvers: Record<string, object>;
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-policy-'));
  beforeAll(async () => {
    const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' }));
    await app.init();
    schema = app.get(GraphQLSchemaHost).schema;
    nestResolvers = app.get(ResolversExplorerService, { strict: false }).explore() as Record<string, object>;
    await app.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function resolverCoordinates(): string[] {
    const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((t) => t!.name));
    const coordinates: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const isFieldResolver = field.name in (nestResolvers[type.name] ?? {});
        if (roots.has(type.name) || field.args.length > 0 || isFieldResolver) coordinates.push(`${type.name}.${field.name}`);
      }
    }
    return coordinates.sort();
  }

  it('names every Query, Mutation and Subscription field and every field resolver (add the missing ones to RESOLVER_POLICIES)', () => {
    const missing = resolverCoordinates().filter((coordinate) => !(coordinate in RESOLVER_POLICIES));
    expect(missing).toEqual([]);
  });

  it('names nothing the schema does not have (a renamed resolver must not leave a stale entry behind)', () => {
    const stale = Object.keys(RESOLVER_POLICIES).filter((coordinate) => {
      const [typeName, fieldName] = coordinate.split('.');
      const type = schema.getType(typeName);
      return !isObjectType(type) || !(fieldName in type.getFields());
    });
    expect(stale).toEqual([]);
  });

  it('finds the field resolvers it must (the walk itself works)', () => {
    expect(resolverCoordinates()).toEqual(expect.arrayContaining(['CitizenPromise.activities', 'CitizenPromise.agreement', 'Mutation.logActivity', 'Query.promises']));
    expect(resolverCoordinates()).not.toContain('CitizenPromise.title');
  });
});

import { readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges } from 'graphql';
import { generateSchema, SCHEMA_FILE } from '../src/schema/print-schema';

describe('schema.gql', () => {
  it('the code breaks no client of the committed schema (deprecate with @deprecated first; remove in a later release)', async () => {
    const committed = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    const generated = buildSchema(await generateSchema());
    expect(findBreakingChanges(committed, generated).map((change) => `${change.type}: ${change.description}`)).toEqual([]);
  });

  it('is exactly what the code generates (run `npm run schema` and commit it when this fails)', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(await generateSchema()).toBe(committed);
  });
});

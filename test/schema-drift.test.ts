import { readFileSync } from 'node:fs';
import { generateSchema, SCHEMA_FILE } from '../src/schema/print-schema';

describe('schema.gql', () => {
  it('is exactly what the code generates (run `npm run schema` and commit it when this fails)', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(await generateSchema()).toBe(committed);
  });
});

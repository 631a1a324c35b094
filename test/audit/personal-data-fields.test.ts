import { buildSchema, isObjectType } from 'graphql';
import { generateSchema } from '../../src/schema/print-schema';
import { LOOKS_PERSONAL, NOT_PERSONAL_DATA, PERSONAL_DATA_FIELDS } from '../../src/audit/read-access/personal-data-fields';

/**
 * Reads of the fields in PERSONAL_DATA_FIELDS are logged. This fails when the
 * schema has a field that looks like a person's data (a name, title, notes ...)
 * in neither that registry nor NOT_PERSONAL_DATA, so a new type cannot expose
 * personal data without its reads being logged, by oversight.
 */
describe('the registry of personal-data fields', () => {
  let fields: string[];

  beforeAll(async () => {
    const schema = buildSchema(await generateSchema());
    fields = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__') && !['Query', 'Mutation', 'Subscription'].includes(type.name))
      .flatMap((type) => Object.keys((type as { getFields(): object }).getFields()).map((field) => `${type.name}.${field}`));
  }, 60_000);

  it('names every field that looks personal, or marks it as not personal', () => {
    const unclassified = fields.filter(
      (coordinate) => LOOKS_PERSONAL.test(coordinate.split('.')[1]) && !PERSONAL_DATA_FIELDS.has(coordinate) && !NOT_PERSONAL_DATA.has(coordinate),
    );
    expect(unclassified).toEqual([]);
  });

  it('names only fields the schema has (a renamed field must not silently stop being logged)', () => {
    expect([...PERSONAL_DATA_FIELDS].filter((coordinate) => !fields.includes(coordinate))).toEqual([]);
  });
});

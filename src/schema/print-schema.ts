import 'reflect-metadata';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { createApp } from '../bootstrap';

/** The repository root, found from here whether running from src/ (tests) or dist/src/ (npm scripts). */
function repositoryRoot(dir = __dirname): string {
  return existsSync(join(dir, 'package.json')) ? dir : repositoryRoot(dirname(dir));
}

export const SCHEMA_FILE = join(repositoryRoot(), 'schema.gql');

/** The schema the code generates, sorted so the committed file diffs cleanly. */
export async function generateSchema(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-schema-'));
  const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    await app.init();
    return `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `npm run schema`: regenerate schema.gql (commit it; a test fails when it drifts). */
if (require.main === module) {
  generateSchema()
    .then((schema) => {
      writeFileSync(SCHEMA_FILE, schema);
      console.log(`Wrote ${SCHEMA_FILE}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

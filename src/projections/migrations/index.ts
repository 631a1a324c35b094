import { Migration, MigrationProvider } from 'kysely';
import * as backbone from './001-backbone';

/** Versioned read-model migrations, in order. Never edit a released one: add the next. */
const MIGRATIONS: Record<string, Migration> = {
  '001-backbone': backbone,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

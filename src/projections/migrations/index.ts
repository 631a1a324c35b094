import { Migration, MigrationProvider } from 'kysely';
import * as backbone from './001-backbone';
import * as lifecycle from './002-lifecycle';
import * as audit from './050-audit';
import * as checkpointPerProjection from './060-checkpoint-per-projection';
import * as extensionDecision from './070-extension-decision';

/** Versioned read-model migrations, in order. Never edit a released one: add the next. */
const MIGRATIONS: Record<string, Migration> = {
  '001-backbone': backbone,
  '002-lifecycle': lifecycle,
  '050-audit': audit,
  '060-checkpoint-per-projection': checkpointPerProjection,
  '070-extension-decision': extensionDecision,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

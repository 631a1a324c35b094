import { Migration, MigrationProvider } from 'kysely';
import * as backbone from './001-backbone';
import * as lifecycle from './002-lifecycle';
import * as audit from './050-audit';
import * as checkpointPerProjection from './060-checkpoint-per-projection';
import * as readAccessCounts from './070-read-access-counts';
import * as assessmentOwners from './071-assessment-owners';
import * as extensionDecision from './072-extension-decision';
import * as assessmentOwnersReplay from './073-assessment-owners-replay';

/** Versioned read-model migrations, in order. Never edit a released one: add the next. */
const MIGRATIONS: Record<string, Migration> = {
  '001-backbone': backbone,
  '002-lifecycle': lifecycle,
  '050-audit': audit,
  '060-checkpoint-per-projection': checkpointPerProjection,
  '070-read-access-counts': readAccessCounts,
  // Numbered one after another: migrations run in name order, and a store may already have run the earlier ones.
  '071-assessment-owners': assessmentOwners,
  '072-extension-decision': extensionDecision,
  '073-assessment-owners-replay': assessmentOwnersReplay,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

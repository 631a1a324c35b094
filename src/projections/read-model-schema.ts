import { OrganisationsTable } from '../organisations/read-models/organisations.table';
import { AgreementPartiesTable, AgreementsTable } from '../agreements/read-models/agreements.table';
import {
  PlannedActivitiesTable,
  PromiseFocusAreasTable,
  PromisePartiesTable,
  PromisePeriodsTable,
  PromisesTable,
} from '../promises/read-models/promises.table';
import { ActivityLogTable } from '../promises/read-models/activity-log.table';

export interface ProjectionCheckpointsTable {
  name: string;
  /** "commit/prepare" */
  position: string;
  updated_at: string;
}

/** Every read-model table, for Kysely's type checking. Each table is defined beside its projection. */
export interface ReadModelSchema {
  projection_checkpoints: ProjectionCheckpointsTable;
  organisations: OrganisationsTable;
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
  promises: PromisesTable;
  promise_parties: PromisePartiesTable;
  promise_periods: PromisePeriodsTable;
  promise_focus_areas: PromiseFocusAreasTable;
  planned_activities: PlannedActivitiesTable;
  activity_log: ActivityLogTable;
}

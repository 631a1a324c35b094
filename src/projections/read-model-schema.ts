import { OrganisationPeopleTable, OrganisationsTable, ServedMunicipalitiesTable } from '../organisations/read-models/organisations.table';
import {
  AgreementPartiesTable, AgreementSignaturesTable, AgreementsTable, AgreementVersionsTable,
} from '../agreements/read-models/agreements.table';
import { AssessmentItemsTable, AssessmentsTable } from '../assessments/read-models/assessments.table';
import { FinalReportsTable, FollowUpsTable } from '../promises/read-models/follow-ups.table';
import {
  PlannedActivitiesTable,
  PromiseFocusAreasTable,
  PromisePartiesTable,
  PromisePeriodsTable,
  PromisesTable,
} from '../promises/read-models/promises.table';
import { ActivityLogTable } from '../promises/read-models/activity-log.table';
import { AuditLogTable } from '../audit/audit-log/audit-log.table';
import { PersonalDataReadsTable } from '../audit/read-access/personal-data-reads.table';

export interface ProjectionCheckpointsTable {
  name: string;
  /** "commit/prepare" */
  position: string;
  updated_at: string;
  /** JSON ProjectionFailure while the projection is stopped at an event; null while it runs. */
  failure: string | null;
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
  organisation_people: OrganisationPeopleTable;
  served_municipalities: ServedMunicipalitiesTable;
  agreement_signatures: AgreementSignaturesTable;
  agreement_versions: AgreementVersionsTable;
  assessments: AssessmentsTable;
  assessment_items: AssessmentItemsTable;
  follow_ups: FollowUpsTable;
  final_reports: FinalReportsTable;
  audit_log: AuditLogTable;
  personal_data_reads: PersonalDataReadsTable;
}

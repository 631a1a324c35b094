/**
 * Every GraphQL field (by schema coordinate) whose value is personal data:
 * names and titles of officers and signatories, free-text notes, and the audit
 * views that show them. Reading any of these is logged (brottsdatalagen 3 kap.
 * requires logs of consultation). test/audit/personal-data-fields.test.ts fails
 * when the schema grows a field that looks personal and is neither here nor in
 * NOT_PERSONAL_DATA: deciding which list it belongs to is the point.
 */
export const PERSONAL_DATA_FIELDS: ReadonlySet<string> = new Set([
  'Signature.signatoryName',
  'Signature.signatoryTitle',
  'PromiseSignatory.name',
  'PromiseSignatory.title',
  'ActivityLogEntry.notes',
  'OrganisationPerson.name',
  // Free text written by officers may name people, as activity notes do.
  'ActivityStatusReport.comment',
  'IndicatorMeasurement.note',
  // The audit views: the actor's name, and event data / folded state, which hold all of the above.
  'AuditActor.displayName',
  'HistoryEntry.data',
  'HistoryEntry.stateBefore',
  'HistoryEntry.stateAfter',
  'StateChange.before',
  'StateChange.after',
  'Snapshot.state',
  'ActivityAsOf.data',
]);

/** Fields that look personal by name but are not (organisations, documents). */
export const NOT_PERSONAL_DATA: ReadonlySet<string> = new Set([
  'Organisation.name',
  'AgreementParty.name',
  'CollaborationAgreement.title',
  'CitizenPromise.title',
  'PublicPromise.title',
  'AgreementVersion.title',
  'AgreementParty.requiredSignatoryRoles',
  'Indicator.name',
  'Deadline.title',
  'FocusArea.name',
  'SituationAssessment.title',
  'PersonalDataRead.operationName',
  // The caller's own name, from their own token: nobody else's data is read.
  'ViewerInfo.displayName',
  // Lists of objects whose own name/title fields are logged, and a pseudonymous id.
  'Adoption.signatories',
  'PublicPromise.signatories',
  'OrganisationPerson.personId',
]);

/** Names that suggest a person's data: *name, *title, notes, signatory*, comment*, contact*. */
export const LOOKS_PERSONAL = /(name|title|notes?|signator\w*|comments?|contact\w*|person\w*|email|phone)$/i;

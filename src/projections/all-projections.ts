import { Projection } from './projection';
import { organisationsProjection } from '../organisations/read-models/organisations.projection';
import { agreementsProjection } from '../agreements/read-models/agreements.projection';
import { promisesProjection } from '../promises/read-models/promises.projection';
import { activityLogProjection } from '../promises/read-models/activity-log.projection';
import { followUpsProjection } from '../promises/read-models/follow-ups.projection';
import { assessmentsProjection } from '../assessments/read-models/assessments.projection';
import { auditLogProjection } from '../audit/audit-log/audit-log.projection';
import { personalDataReadsProjection } from '../audit/read-access/personal-data-reads.projection';

/** Every read model the service keeps; a rebuild replays into all of them. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  organisationsProjection,
  agreementsProjection,
  promisesProjection,
  activityLogProjection,
  followUpsProjection,
  assessmentsProjection,
  auditLogProjection,
  personalDataReadsProjection,
];

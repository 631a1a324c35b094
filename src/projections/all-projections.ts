import { Projection } from './projection';
import { organisationsProjection } from '../organisations/read-models/organisations.projection';
import { agreementsProjection } from '../agreements/read-models/agreements.projection';
import { promisesProjection } from '../promises/read-models/promises.projection';
import { activityLogProjection } from '../promises/read-models/activity-log.projection';

/** Every read model the service keeps; a rebuild replays into all of them. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  organisationsProjection,
  agreementsProjection,
  promisesProjection,
  activityLogProjection,
];

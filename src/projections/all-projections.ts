import { Projection } from './projection';
import { organisationsProjection } from '../organisations/read-models/organisations.projection';
export const ALL_PROJECTIONS: readonly Projection[] = [organisationsProjection];

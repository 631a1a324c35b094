import type { LocalPoliceAreaRegistered, OrganisationEvent } from './organisation.events';

type LocalPoliceAreaRegisteredV1 = { type: 'LocalPoliceAreaRegistered'; data: Omit<LocalPoliceAreaRegistered['data'], 'policeDistrictId'> };

/** Any organisation event as stored, old shapes included. */
export type StoredOrganisationEvent = OrganisationEvent | LocalPoliceAreaRegisteredV1;

/** Brings a stored event to the current shape (v1 LocalPoliceAreaRegistered had no policeDistrictId). */
export function upcastOrganisationEvent(event: StoredOrganisationEvent): OrganisationEvent {
  if (event.type === 'LocalPoliceAreaRegistered' && !('policeDistrictId' in event.data)) {
    return { type: event.type, data: { ...event.data, policeDistrictId: null } };
  }
  return event as OrganisationEvent;
}

import { Projection, ReadModelTransaction } from '../../projections/projection';
import { assertNever } from '../../shared/domain/decider';
import { OrganisationEvent } from '../domain/organisation.events';
import { StoredOrganisationEvent, upcastOrganisationEvent } from '../domain/organisation.upcast';
import { OrganisationsTable } from './organisations.table';

type Registration = Exclude<OrganisationEvent, { type: 'PersonAppointed' | 'PersonRemoved' | 'ServedMunicipalitiesRecorded' }>;

function toRow(event: Registration, registeredAt: string): OrganisationsTable {
  const none = { municipality_code: null, police_district: null, police_region: null, parent_id: null };
  const common = { ...none, id: event.data.organisationId, name: event.data.name, registered_at: registeredAt, kind: event.type.replace('Registered', '') };
  switch (event.type) {
    case 'MunicipalityRegistered':
      return { ...common, municipality_code: event.data.municipalityCode };
    case 'LocalPoliceAreaRegistered':
      return { ...common, police_district: event.data.policeDistrict, police_region: event.data.policeRegion, parent_id: event.data.policeDistrictId };
    case 'PoliceRegionRegistered':
      return common;
    case 'PoliceDistrictRegistered':
      return { ...common, parent_id: event.data.policeRegionId };
    case 'CityDistrictRegistered':
      return { ...common, parent_id: event.data.municipalityId };
    default:
      return assertNever(event);
  }
}

async function apply(trx: ReadModelTransaction, event: OrganisationEvent, seq: number, at: string): Promise<void> {
  switch (event.type) {
    case 'PersonAppointed': {
      const { organisationId, personId, name, role, appointedOn } = event.data;
      await trx.insertInto('organisation_people')
        .values({ organisation_id: organisationId, person_id: personId, name, role, appointed_on: appointedOn, removed_on: null, removal_reason: null, seq })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return;
    }
    case 'PersonRemoved': {
      const { organisationId, personId, removedOn, reason } = event.data;
      await trx.updateTable('organisation_people').set({ removed_on: removedOn, removal_reason: reason })
        .where('organisation_id', '=', organisationId).where('person_id', '=', personId).where('removed_on', 'is', null)
        .execute();
      return;
    }
    case 'ServedMunicipalitiesRecorded': {
      const { organisationId, municipalityIds } = event.data;
      await trx.deleteFrom('served_municipalities').where('police_area_id', '=', organisationId).execute();
      await trx.insertInto('served_municipalities')
        .values(municipalityIds.map((id, i) => ({ police_area_id: organisationId, municipality_id: id, served_order: i })))
        .execute();
      return;
    }
    default:
      await trx.insertInto('organisations').values(toRow(event, at)).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
}

export const organisationsProjection: Projection = {
  name: 'organisations',
  handles: [
    'PoliceRegionRegistered', 'PoliceDistrictRegistered', 'LocalPoliceAreaRegistered', 'MunicipalityRegistered', 'CityDistrictRegistered',
    'PersonAppointed', 'PersonRemoved', 'ServedMunicipalitiesRecorded',
  ],
  tables: ['organisations', 'organisation_people', 'served_municipalities'],
  apply: (trx, recorded) =>
    apply(trx, upcastOrganisationEvent({ type: recorded.type, data: recorded.data } as StoredOrganisationEvent), Number(recorded.position.prepare), recorded.recordedAt.toISOString()),
};

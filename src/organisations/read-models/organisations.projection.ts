import { Projection } from '../../projections/projection';
import { OrganisationsTable } from './organisations.table';
import { OrganisationEvent } from '../domain/organisation.events';

function toRow(event: OrganisationEvent, registeredAt: string): OrganisationsTable {
  const common = { id: event.data.organisationId, name: event.data.name, registered_at: registeredAt };
  switch (event.type) {
    case 'MunicipalityRegistered':
      return { ...common, kind: 'Municipality', municipality_code: event.data.municipalityCode, police_district: null, police_region: null };
    case 'LocalPoliceAreaRegistered':
      return { ...common, kind: 'LocalPoliceArea', municipality_code: null, police_district: event.data.policeDistrict, police_region: event.data.policeRegion };
  }
}

export const organisationsProjection: Projection = {
  name: 'organisations',
  handles: ['MunicipalityRegistered', 'LocalPoliceAreaRegistered'],
  tables: ['organisations'],
  async apply(trx, recorded) {
    const row = toRow({ type: recorded.type, data: recorded.data } as OrganisationEvent, recorded.recordedAt.toISOString());
    await trx.insertInto('organisations').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
  },
};

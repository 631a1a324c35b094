import { fold } from '../../shared/domain/fold';
import { given } from '../../shared/domain/given-when-then';
import type { OrganisationCommand, RegisterLocalPoliceArea, RegisterMunicipality } from './organisation.commands';
import { organisationDecider } from './organisation.decider';
import type { LocalPoliceAreaRegistered, MunicipalityRegistered, OrganisationEvent } from './organisation.events';
import { LOCAL_POLICE_AREA_REGISTERED_V1 } from './organisation.events.v1';

const registerPolice = (data: Partial<RegisterLocalPoliceArea['data']> = {}): RegisterLocalPoliceArea => ({
  type: 'RegisterLocalPoliceArea',
  data: {
    organisationId: 'org-lpo',
    name: 'Lokalpolisområde Södra Vätterbygden',
    policeDistrict: 'Polisområde Jönköpings län',
    policeRegion: 'Polisregion Öst',
    parentDistrict: null,
    ...data,
  },
});
const { parentDistrict: _p, ...policeData } = registerPolice().data;
const policeRegistered: LocalPoliceAreaRegistered = { type: 'LocalPoliceAreaRegistered', data: { ...policeData, policeDistrictId: null } };

const registerHabo = (data: Partial<RegisterMunicipality['data']> = {}): RegisterMunicipality => ({
  type: 'RegisterMunicipality',
  data: { organisationId: 'org-habo', name: 'Habo kommun', municipalityCode: '0643', ...data },
});
const haboRegistered: MunicipalityRegistered = { type: 'MunicipalityRegistered', data: registerHabo().data };

const snapshot = (organisationId: string, kind: string | null) => ({ organisationId, kind });

describe('organisation decider', () => {
  describe('RegisterLocalPoliceArea', () => {
    it('registers a local police area', () => {
      given(organisationDecider, []).when(registerPolice()).then([policeRegistered]);
    });

    it('registers one under a registered police district', () => {
      given(organisationDecider, []).when(registerPolice({ parentDistrict: snapshot('pd-jkpg', 'PoliceDistrict') })).then([
        { ...policeRegistered, data: { ...policeRegistered.data, policeDistrictId: 'pd-jkpg' } },
      ]);
    });

    it('accepts a command without parentDistrict (older clients)', () => {
      const { parentDistrict: _x, ...withoutParent } = registerPolice().data;
      given(organisationDecider, []).when({ type: 'RegisterLocalPoliceArea', data: withoutParent }).then([policeRegistered]);
    });

    it('refuses a parent that is not registered, or not a police district', () => {
      given(organisationDecider, []).when(registerPolice({ parentDistrict: snapshot('pd-x', null) })).thenThrows('PARENT_NOT_FOUND');
      given(organisationDecider, []).when(registerPolice({ parentDistrict: snapshot('region-ost', 'PoliceRegion') })).thenThrows('WRONG_PARENT_KIND');
    });

    it('refuses a second registration of the same organisation', () => {
      given(organisationDecider, [policeRegistered]).when(registerPolice()).thenThrows('ORGANISATION_ALREADY_REGISTERED');
      given(organisationDecider, [haboRegistered]).when(registerPolice()).thenThrows('ORGANISATION_ALREADY_REGISTERED');
    });

    it.each(['name', 'policeDistrict', 'policeRegion'] as const)('refuses an empty %s', (field) => {
      const error = given(organisationDecider, []).when(registerPolice({ [field]: '  ' })).thenThrows('INVALID_NAME');
      expect(error.details).toEqual({ field });
    });
  });

  describe('the police hierarchy: region > district > local police area', () => {
    it('registers a police region, and a district under it', () => {
      given(organisationDecider, []).when({ type: 'RegisterPoliceRegion', data: { organisationId: 'region-ost', name: 'Polisregion Öst' } }).then([
        { type: 'PoliceRegionRegistered', data: { organisationId: 'region-ost', name: 'Polisregion Öst' } },
      ]);
      given(organisationDecider, [])
        .when({ type: 'RegisterPoliceDistrict', data: { organisationId: 'pd-jkpg', name: 'Polisområde Jönköpings län', policeRegion: snapshot('region-ost', 'PoliceRegion') } })
        .then([{ type: 'PoliceDistrictRegistered', data: { organisationId: 'pd-jkpg', name: 'Polisområde Jönköpings län', policeRegionId: 'region-ost' } }]);
    });

    it('refuses a district whose region is missing or is something else', () => {
      const district = (kind: string | null): OrganisationCommand => ({
        type: 'RegisterPoliceDistrict',
        data: { organisationId: 'pd', name: 'Polisområde', policeRegion: snapshot('x', kind) },
      });
      given(organisationDecider, []).when(district(null)).thenThrows('PARENT_NOT_FOUND');
      given(organisationDecider, []).when(district('Municipality')).thenThrows('WRONG_PARENT_KIND');
    });

    it('refuses a region with an empty name', () => {
      given(organisationDecider, []).when({ type: 'RegisterPoliceRegion', data: { organisationId: 'r', name: '' } }).thenThrows('INVALID_NAME');
    });
  });

  describe('RegisterMunicipality and RegisterCityDistrict', () => {
    it('registers Habo kommun with kommunkod 0643', () => {
      given(organisationDecider, []).when(registerHabo()).then([haboRegistered]);
    });

    it('accepts codes from other counties (Stockholm 0180, Tjörn 1419, Kiruna 2584)', () => {
      for (const municipalityCode of ['0180', '1419', '2584']) {
        given(organisationDecider, []).when(registerHabo({ municipalityCode })).then([
          { type: 'MunicipalityRegistered', data: { ...haboRegistered.data, municipalityCode } },
        ]);
      }
    });

    it('refuses a second registration of the same organisation', () => {
      given(organisationDecider, [haboRegistered]).when(registerHabo()).thenThrows('ORGANISATION_ALREADY_REGISTERED');
      given(organisationDecider, [policeRegistered]).when(registerHabo()).thenThrows('ORGANISATION_ALREADY_REGISTERED');
    });

    it.each(['643', '06430', 'abcd', '', '6430', '1100'])('refuses the municipality code %p', (municipalityCode) => {
      given(organisationDecider, []).when(registerHabo({ municipalityCode })).thenThrows('INVALID_MUNICIPALITY_CODE');
    });

    it('refuses an empty name', () => {
      given(organisationDecider, []).when(registerHabo({ name: '' })).thenThrows('INVALID_NAME');
    });

    const cityDistrict = (kind: string | null): OrganisationCommand => ({
      type: 'RegisterCityDistrict',
      data: { organisationId: 'sd-rinkeby-kista', name: 'Rinkeby-Kista stadsdelsförvaltning', municipality: snapshot('stockholm', kind) },
    });

    it('registers a city district under its municipality', () => {
      given(organisationDecider, []).when(cityDistrict('Municipality')).then([
        { type: 'CityDistrictRegistered', data: { organisationId: 'sd-rinkeby-kista', name: 'Rinkeby-Kista stadsdelsförvaltning', municipalityId: 'stockholm' } },
      ]);
    });

    it('refuses a city district under nothing, or under a police area', () => {
      given(organisationDecider, []).when(cityDistrict(null)).thenThrows('PARENT_NOT_FOUND');
      given(organisationDecider, []).when(cityDistrict('LocalPoliceArea')).thenThrows('WRONG_PARENT_KIND');
    });
  });

  describe('people with roles', () => {
    const appoint = (role: string, data: Record<string, string> = {}): OrganisationCommand => ({
      type: 'AppointPerson',
      data: { organisationId: 'org-lpo', personId: 'p-1', name: 'Fredrik Lindfors', role, appointedOn: '2015-01-01', ...data },
    });
    const appointed = (role: string, organisationId = 'org-lpo'): OrganisationEvent => ({
      type: 'PersonAppointed',
      data: { organisationId, personId: 'p-1', name: 'Fredrik Lindfors', role: role as never, appointedOn: '2015-01-01' },
    });

    it.each(['LocalPoliceAreaChief', 'DeputyLocalPoliceAreaChief', 'MunicipalPoliceOfficer', 'NeighbourhoodPoliceOfficer', 'Other'])(
      'appoints a %s in a police organisation',
      (role) => {
        given(organisationDecider, [policeRegistered]).when(appoint(role)).then([appointed(role)]);
      },
    );

    it.each(['ExecutiveBoardChair', 'MunicipalChiefExecutive', 'CrimePreventionCoordinator', 'Other'])('appoints a %s in a municipality', (role) => {
      given(organisationDecider, [haboRegistered]).when(appoint(role, { organisationId: 'org-habo' })).then([appointed(role, 'org-habo')]);
    });

    it('refuses a police role in a municipality and a municipal role in a police organisation', () => {
      given(organisationDecider, [haboRegistered]).when(appoint('LocalPoliceAreaChief', { organisationId: 'org-habo' })).thenThrows('ROLE_NOT_FOR_ORGANISATION');
      given(organisationDecider, [policeRegistered]).when(appoint('ExecutiveBoardChair')).thenThrows('ROLE_NOT_FOR_ORGANISATION');
    });

    it('refuses an unknown role, an unregistered organisation, a bad date and a second appointment', () => {
      given(organisationDecider, [policeRegistered]).when(appoint('Sheriff')).thenThrows('INVALID_ROLE');
      given(organisationDecider, []).when(appoint('Other')).thenThrows('ORGANISATION_NOT_FOUND');
      given(organisationDecider, [policeRegistered]).when(appoint('Other', { appointedOn: '2015-02-30' })).thenThrows('INVALID_DATE');
      given(organisationDecider, [policeRegistered]).when(appoint('Other', { name: ' ' })).thenThrows('INVALID_NAME');
      given(organisationDecider, [policeRegistered, appointed('Other')]).when(appoint('LocalPoliceAreaChief')).thenThrows('PERSON_ALREADY_APPOINTED');
    });

    const remove: OrganisationCommand = { type: 'RemovePerson', data: { organisationId: 'org-lpo', personId: 'p-1', removedOn: '2018-06-30', reason: 'Ny tjänst' } };

    it('removes an appointed person; the state forgets them, the history keeps them', () => {
      given(organisationDecider, [policeRegistered, appointed('LocalPoliceAreaChief')]).when(remove).then([{ type: 'PersonRemoved', data: remove.data as never }]);
      const state = fold(organisationDecider, [policeRegistered, appointed('LocalPoliceAreaChief'), { type: 'PersonRemoved', data: remove.data as never }]);
      expect(state.registered && state.people).toEqual([]);
    });

    it('refuses to remove someone who holds no role there', () => {
      given(organisationDecider, [policeRegistered]).when(remove).thenThrows('PERSON_NOT_APPOINTED');
      given(organisationDecider, []).when(remove).thenThrows('ORGANISATION_NOT_FOUND');
    });
  });

  describe('RecordServedMunicipalities: one police area, several municipalities', () => {
    const serve = (...municipalities: [string, string | null][]): OrganisationCommand => ({
      type: 'RecordServedMunicipalities',
      data: { organisationId: 'org-lpo', municipalities: municipalities.map(([id, kind]) => snapshot(id, kind)) },
    });

    it('records Stenungsund, Orust and Tjörn as served by one local police area', () => {
      const command = serve(['stenungsund', 'Municipality'], ['orust', 'Municipality'], ['tjorn', 'Municipality']);
      const event: OrganisationEvent = { type: 'ServedMunicipalitiesRecorded', data: { organisationId: 'org-lpo', municipalityIds: ['stenungsund', 'orust', 'tjorn'] } };
      given(organisationDecider, [policeRegistered]).when(command).then([event]);
      expect(fold(organisationDecider, [policeRegistered, event])).toMatchObject({ servedMunicipalityIds: ['stenungsund', 'orust', 'tjorn'] });
    });

    it('refuses a municipality that is not registered as one, a duplicate, or none', () => {
      given(organisationDecider, [policeRegistered]).when(serve(['x', null])).thenThrows('INVALID_MUNICIPALITIES');
      given(organisationDecider, [policeRegistered]).when(serve(['lpo-2', 'LocalPoliceArea'])).thenThrows('INVALID_MUNICIPALITIES');
      given(organisationDecider, [policeRegistered]).when(serve(['habo', 'Municipality'], ['habo', 'Municipality'])).thenThrows('INVALID_MUNICIPALITIES');
      given(organisationDecider, [policeRegistered]).when(serve()).thenThrows('INVALID_MUNICIPALITIES');
    });

    it('refuses it for anything but a local police area', () => {
      given(organisationDecider, [{ ...haboRegistered, data: { ...haboRegistered.data, organisationId: 'org-lpo' } }])
        .when(serve(['habo', 'Municipality']))
        .thenThrows('NOT_A_LOCAL_POLICE_AREA');
    });
  });

  describe('state', () => {
    it('starts unregistered', () => {
      expect(organisationDecider.initialState()).toEqual({ registered: false });
    });

    it('knows the kind and facts of what was registered', () => {
      expect(fold(organisationDecider, [policeRegistered])).toEqual({
        registered: true,
        kind: 'LocalPoliceArea',
        ...policeRegistered.data,
        people: [],
        servedMunicipalityIds: [],
      });
      expect(fold(organisationDecider, [haboRegistered])).toEqual({
        registered: true,
        kind: 'Municipality',
        organisationId: 'org-habo',
        name: 'Habo kommun',
        municipalityCode: '0643',
        people: [],
      });
    });

    it('still reads a v1 LocalPoliceAreaRegistered (no policeDistrictId): upcast to null', () => {
      const v1 = JSON.parse(JSON.stringify(LOCAL_POLICE_AREA_REGISTERED_V1)) as OrganisationEvent;
      expect(fold(organisationDecider, [v1])).toMatchObject({ kind: 'LocalPoliceArea', policeDistrict: 'Jönköping', policeDistrictId: null });
    });
  });
});

import { fold } from '../../shared/domain/fold';
import { given } from '../../shared/domain/given-when-then';
import type { RegisterLocalPoliceArea, RegisterMunicipality } from './organisation.commands';
import { organisationDecider } from './organisation.decider';
import type { LocalPoliceAreaRegistered, MunicipalityRegistered } from './organisation.events';

const registerPolice = (data: Partial<RegisterLocalPoliceArea['data']> = {}): RegisterLocalPoliceArea => ({
  type: 'RegisterLocalPoliceArea',
  data: {
    organisationId: 'org-lpo',
    name: 'Lokalpolisområde Södra Vätterbygden',
    policeDistrict: 'Polisområde Jönköpings län',
    policeRegion: 'Polisregion Öst',
    ...data,
  },
});
const policeRegistered: LocalPoliceAreaRegistered = { type: 'LocalPoliceAreaRegistered', data: registerPolice().data };

const registerHabo = (data: Partial<RegisterMunicipality['data']> = {}): RegisterMunicipality => ({
  type: 'RegisterMunicipality',
  data: { organisationId: 'org-habo', name: 'Habo kommun', municipalityCode: '0643', ...data },
});
const haboRegistered: MunicipalityRegistered = { type: 'MunicipalityRegistered', data: registerHabo().data };

describe('organisation decider', () => {
  describe('RegisterLocalPoliceArea', () => {
    it('registers a local police area', () => {
      given(organisationDecider, []).when(registerPolice()).then([policeRegistered]);
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

  describe('RegisterMunicipality', () => {
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
      });
      expect(fold(organisationDecider, [haboRegistered])).toEqual({
        registered: true,
        kind: 'Municipality',
        organisationId: 'org-habo',
        name: 'Habo kommun',
        municipalityCode: '0643',
      });
    });
  });
});

import { ownBusinessDate } from '../../shared/domain/business-time';
import { assertNever, Decider } from '../../shared/domain/decider';
import type { OrganisationCommand } from './organisation.commands';
import type { OrganisationEvent } from './organisation.events';
import { appointPerson, recordServedMunicipalities, removePerson } from './organisation.people';
import {
  registerCityDistrict, registerLocalPoliceArea, registerMunicipality, registerPoliceDistrict, registerPoliceRegion,
} from './organisation.register';
import { evolveOrganisation, OrganisationState } from './organisation.state';

export { isMunicipalityCode } from './organisation.register';


/** The commands that name the day they happened; the others happen when the client says (`occurredAt`), or now. */
const BUSINESS_DATES: Partial<Record<OrganisationCommand['type'], string>> = { AppointPerson: 'appointedOn', RemovePerson: 'removedOn' };

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState: () => ({ registered: false }),
  evolve: evolveOrganisation,

  businessTime: (command) => ({ date: ownBusinessDate(BUSINESS_DATES, command) }),
  decide(command, state) {
    switch (command.type) {
      case 'RegisterPoliceRegion':
        return registerPoliceRegion(command, state);
      case 'RegisterPoliceDistrict':
        return registerPoliceDistrict(command, state);
      case 'RegisterLocalPoliceArea':
        return registerLocalPoliceArea(command, state);
      case 'RegisterMunicipality':
        return registerMunicipality(command, state);
      case 'RegisterCityDistrict':
        return registerCityDistrict(command, state);
      case 'AppointPerson':
        return appointPerson(command, state);
      case 'RemovePerson':
        return removePerson(command, state);
      case 'RecordServedMunicipalities':
        return recordServedMunicipalities(command, state);
      default:
        return assertNever(command);
    }
  },
};

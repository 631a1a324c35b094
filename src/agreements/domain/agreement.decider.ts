import { ownBusinessDate } from '../../shared/domain/business-time';
import { assertNever, Decider } from '../../shared/domain/decider';
import type { AgreementCommand } from './agreement.commands';
import type { AgreementEvent } from './agreement.events';
import { extend, revise, supersede, terminate } from './agreement.changes';
import { draft, sign } from './agreement.draft-sign';
import { AgreementState, evolveAgreement } from './agreement.state';

export type { AgreementSignature, AgreementState, AgreementStatus, ExistingAgreement } from './agreement.state';

/** The commands that name the day they happened; the others happen when the client says (`occurredAt`), or now. */
const BUSINESS_DATES: Partial<Record<AgreementCommand['type'], string>> = {
  SignAgreement: 'signedOn',
  ReviseAgreement: 'revisedOn',
  ExtendAgreement: 'extendedOn',
  TerminateAgreement: 'terminatedOn',
  SupersedeAgreement: 'supersededOn',
};

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  initialState: () => ({ status: 'None' }),
  evolve: evolveAgreement,

  businessTime: (command) => ({ date: ownBusinessDate(BUSINESS_DATES, command) }),
  decide(command, state) {
    switch (command.type) {
      case 'DraftAgreement':
        return draft(command, state);
      case 'SignAgreement':
        return sign(command, state);
      case 'ReviseAgreement':
        return revise(command, state);
      case 'ExtendAgreement':
        return extend(command, state);
      case 'TerminateAgreement':
        return terminate(command, state);
      case 'SupersedeAgreement':
        return supersede(command, state);
      default:
        return assertNever(command);
    }
  },
};

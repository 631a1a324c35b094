import type { AgreementEvent, AgreementParty, Signatory } from './agreement.events';

type PartyV1 = Omit<AgreementParty, 'requiredSignatoryRoles'> & { requiredSignatoryRoles?: string[] };
type SignatoryV1 = Omit<Signatory, 'role'> & { role?: string | null };

/** Any agreement event as stored: v1 parties had no signatory set, v1 signatures no role. */
export type StoredAgreementEvent =
  | AgreementEvent
  | { type: 'AgreementDrafted'; data: Omit<Extract<AgreementEvent, { type: 'AgreementDrafted' }>['data'], 'parties'> & { parties: PartyV1[] } }
  | { type: 'AgreementSigned'; data: Omit<Extract<AgreementEvent, { type: 'AgreementSigned' }>['data'], 'signatory'> & { signatory: SignatoryV1 } };

/** Brings a stored event to the current shape; current events pass through unchanged. */
export function upcastAgreementEvent(event: StoredAgreementEvent): AgreementEvent {
  switch (event.type) {
    case 'AgreementDrafted':
      if (event.data.parties.every((p) => Array.isArray(p.requiredSignatoryRoles))) return event as AgreementEvent;
      return {
        type: event.type,
        data: { ...event.data, parties: event.data.parties.map((p) => ({ ...p, requiredSignatoryRoles: p.requiredSignatoryRoles ?? [] })) },
      };
    case 'AgreementSigned':
      if (event.data.signatory.role !== undefined) return event as AgreementEvent;
      return { type: event.type, data: { ...event.data, signatory: { ...event.data.signatory, role: null } } };
    default:
      return event;
  }
}

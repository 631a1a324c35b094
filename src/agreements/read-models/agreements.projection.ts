import { Projection, ReadModelTransaction } from '../../projections/projection';
import { AgreementEvent } from '../domain/agreement.events';
import { StoredAgreementEvent, upcastAgreementEvent } from '../domain/agreement.upcast';
import { assertNever } from '../../shared/domain/decider';

async function applyAgreementEvent(trx: ReadModelTransaction, event: AgreementEvent, seq: number, at: string) {
  const agreements = () => trx.updateTable('agreements').where('id', '=', event.data.agreementId);
  switch (event.type) {
    case 'AgreementDrafted': {
      const { agreementId, title, validFrom, validTo, parties } = event.data;
      await trx
        .insertInto('agreements')
        .values({
          id: agreementId, title, status: 'Draft', valid_from: validFrom, valid_to: validTo, activated_on: null, drafted_at: at, seq, version: 1,
          extended_on: null, extension_reason: null, ended_on: null, end_reason: null, superseded_by: null,
        })
        .execute();
      await trx
        .insertInto('agreement_parties')
        .values(parties.map((p, i) => ({
          agreement_id: agreementId, organisation_id: p.organisationId, kind: p.kind, name: p.name, party_order: i, signatory_name: null,
          signatory_title: null, signed_on: null, signed_place: null, required_signatory_roles: JSON.stringify(p.requiredSignatoryRoles),
        })))
        .execute();
      await trx.insertInto('agreement_versions')
        .values({ agreement_id: agreementId, version: 1, title, valid_from: validFrom, valid_to: validTo, revised_on: null, reason: null })
        .execute();
      return;
    }
    case 'AgreementSigned': {
      const { agreementId, partyOrganisationId, signatory, signedOn, place } = event.data;
      await trx
        .updateTable('agreement_parties')
        .set({ signatory_name: signatory.name, signatory_title: signatory.title, signed_on: signedOn, signed_place: place })
        .where('agreement_id', '=', agreementId)
        .where('organisation_id', '=', partyOrganisationId)
        .where('signed_on', 'is', null)
        .execute();
      await trx.insertInto('agreement_signatures')
        .values({ agreement_id: agreementId, organisation_id: partyOrganisationId, role: signatory.role, signatory_name: signatory.name, signatory_title: signatory.title, signed_on: signedOn, place, seq })
        .execute();
      return;
    }
    case 'AgreementActivated':
      await agreements().set({ status: 'Active', activated_on: event.data.activatedOn }).execute();
      return;
    case 'AgreementRevised': {
      const { agreementId, version, revisedOn, reason, title, validFrom, validTo } = event.data;
      await agreements().set({ version, title, valid_from: validFrom, valid_to: validTo }).execute();
      await trx.insertInto('agreement_versions')
        .values({ agreement_id: agreementId, version, title, valid_from: validFrom, valid_to: validTo, revised_on: revisedOn, reason })
        .execute();
      return;
    }
    case 'AgreementExtended': {
      const { extendedOn, newValidTo, reason } = event.data;
      await agreements().set({ valid_to: newValidTo, extended_on: extendedOn, extension_reason: reason }).execute();
      return;
    }
    case 'AgreementTerminated':
      await agreements().set({ status: 'Terminated', ended_on: event.data.terminatedOn, end_reason: event.data.reason }).execute();
      return;
    case 'AgreementSuperseded':
      await agreements().set({ status: 'Superseded', ended_on: event.data.supersededOn, superseded_by: event.data.supersededBy }).execute();
      return;
    default:
      assertNever(event);
  }
}

export const agreementsProjection: Projection = {
  name: 'agreements',
  handles: ['AgreementDrafted', 'AgreementSigned', 'AgreementActivated', 'AgreementRevised', 'AgreementExtended', 'AgreementTerminated', 'AgreementSuperseded'],
  tables: ['agreements', 'agreement_parties', 'agreement_signatures', 'agreement_versions'],
  apply: (trx, recorded) =>
    applyAgreementEvent(
      trx,
      upcastAgreementEvent({ type: recorded.type, data: recorded.data } as StoredAgreementEvent),
      Number(recorded.position.prepare),
      recorded.recordedAt.toISOString(),
    ),
};

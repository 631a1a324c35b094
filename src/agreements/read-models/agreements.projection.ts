import { Projection, ReadModelTransaction } from '../../projections/projection';
import { AgreementEvent } from '../domain/agreement.events';
import { assertNever } from '../../shared/domain/decider';

async function applyAgreementEvent(trx: ReadModelTransaction, event: AgreementEvent, seq: number, at: string) {
  switch (event.type) {
    case 'AgreementDrafted': {
      const { agreementId, title, validFrom, validTo, parties } = event.data;
      await trx
        .insertInto('agreements')
        .values({ id: agreementId, title, status: 'Draft', valid_from: validFrom, valid_to: validTo, activated_on: null, drafted_at: at, seq })
        .execute();
      await trx
        .insertInto('agreement_parties')
        .values(parties.map((p, i) => ({ agreement_id: agreementId, organisation_id: p.organisationId, kind: p.kind, name: p.name, party_order: i, signatory_name: null, signatory_title: null, signed_on: null, signed_place: null })))
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
        .execute();
      return;
    }
    case 'AgreementActivated':
      await trx
        .updateTable('agreements')
        .set({ status: 'Active', activated_on: event.data.activatedOn })
        .where('id', '=', event.data.agreementId)
        .execute();
      return;
    default:
      assertNever(event);
  }
}

export const agreementsProjection: Projection = {
  name: 'agreements',
  handles: ['AgreementDrafted', 'AgreementSigned', 'AgreementActivated'],
  tables: ['agreements', 'agreement_parties'],
  apply: (trx, recorded) =>
    applyAgreementEvent(trx, { type: recorded.type, data: recorded.data } as AgreementEvent, Number(recorded.position.prepare), recorded.recordedAt.toISOString()),
};

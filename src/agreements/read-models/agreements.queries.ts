import { Inject, Injectable } from '@nestjs/common';
import { Selectable } from 'kysely';
import { ReadModelDb } from '../../projections/read-model-database';
import { READ_MODEL_DB } from '../../projections/read-model-db.token';
import { Connection, decodeCursor, pageSize, toConnection } from '../../shared/graphql/connection';
import { OrganisationKind } from '../../organisations/graphql/organisation.type';
import { AgreementParty, AgreementStatus, CollaborationAgreement } from '../graphql/agreement.types';
import { AgreementPartiesTable, AgreementsTable } from './agreements.table';

export interface AgreementFilter {
  partyId?: string | null;
  status?: AgreementStatus | null;
}

function toParty(row: Selectable<AgreementPartiesTable>): AgreementParty {
  return {
    organisationId: row.organisation_id,
    kind: row.kind as OrganisationKind,
    name: row.name,
    signature: row.signed_on
      ? { signatoryName: row.signatory_name!, signatoryTitle: row.signatory_title!, signedOn: row.signed_on, place: row.signed_place }
      : null,
  };
}

@Injectable()
export class AgreementQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async byId(id: string): Promise<CollaborationAgreement | null> {
    const row = await this.db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    return (await this.withParties([row]))[0];
  }

  /** Oldest first (the order they were drafted); the cursor is that order. */
  async list(filter: AgreementFilter, first?: number | null, after?: string | null): Promise<Connection<CollaborationAgreement>> {
    const limit = pageSize(first);
    let query = this.db.selectFrom('agreements').selectAll('agreements');
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.partyId) {
      const partyId = filter.partyId;
      query = query.where('id', 'in', (eb) =>
        eb.selectFrom('agreement_parties').select('agreement_id').where('organisation_id', '=', partyId),
      );
    }
    if (after) query = query.where('seq', '>', decodeCursor(after, 1)[0] as number);
    const rows = await query.orderBy('seq').limit(limit + 1).execute();
    const nodes = new Map((await this.withParties(rows.slice(0, limit))).map((a) => [a.id, a]));
    return toConnection(rows, limit, (r) => [Number(r.seq)], (r) => nodes.get(r.id)!);
  }

  /** Parties of all the given agreements in one query (no N+1). */
  private async withParties(rows: Selectable<AgreementsTable>[]): Promise<CollaborationAgreement[]> {
    if (rows.length === 0) return [];
    const parties = await this.db
      .selectFrom('agreement_parties')
      .selectAll()
      .where('agreement_id', 'in', rows.map((r) => r.id))
      .orderBy('party_order')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status as AgreementStatus,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      activatedOn: row.activated_on,
      parties: parties.filter((p) => p.agreement_id === row.id).map(toParty),
    }));
  }
}

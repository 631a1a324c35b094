import { Inject, Injectable } from '@nestjs/common';
import { Selectable } from 'kysely';
import { ReadModelDb } from '../../projections/read-model-database';
import { READ_MODEL_DB } from '../../projections/read-model-db.token';
import { Connection, decodeCursor, pageSize, toConnection } from '../../shared/graphql/connection';
import { groupBy } from '../../shared/graphql/request-loaders';
import { OrganisationKind } from '../../organisations/graphql/organisation.type';
import { PersonRole } from '../../organisations/commands/appoint-person/appoint-person.input';
import { AgreementParty, AgreementStatus, AgreementVersion, CollaborationAgreement, Signature } from '../graphql/agreement.types';
import { AgreementPartiesTable, AgreementSignaturesTable, AgreementsTable } from './agreements.table';

export interface AgreementFilter {
  partyId?: string | null;
  status?: AgreementStatus | null;
}

const toSignature = (row: Selectable<AgreementSignaturesTable>): Signature => ({
  signatoryName: row.signatory_name, signatoryTitle: row.signatory_title, role: row.role as PersonRole | null, signedOn: row.signed_on, place: row.place,
});

function toParty(row: Selectable<AgreementPartiesTable>, recorded: Signature[]): AgreementParty {
  // Read models projected before agreement_signatures existed keep the one signature on the party row.
  const legacy = row.signed_on
    ? [{ signatoryName: row.signatory_name!, signatoryTitle: row.signatory_title!, role: null, signedOn: row.signed_on, place: row.signed_place }]
    : [];
  const signatures = recorded.length > 0 ? recorded : legacy;
  return {
    organisationId: row.organisation_id,
    kind: row.kind as OrganisationKind,
    name: row.name,
    signature: signatures[0] ?? null,
    requiredSignatoryRoles: JSON.parse(row.required_signatory_roles) as PersonRole[],
    signatures,
  };
}

@Injectable()
export class AgreementQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async byId(id: string): Promise<CollaborationAgreement | null> {
    return (await this.byIds([id])).get(id) ?? null;
  }

  /** Many agreements with parties and signatures: three queries however many ids (DataLoader batches land here). */
  async byIds(ids: readonly string[]): Promise<Map<string, CollaborationAgreement>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('agreements').selectAll().where('id', 'in', [...ids]).execute();
    return new Map((await this.withParties(rows)).map((a) => [a.id, a]));
  }

  /** Oldest first (the order they were drafted); the cursor is that order. */
  async list(filter: AgreementFilter, first?: number | null, after?: string | null): Promise<Connection<CollaborationAgreement>> {
    const limit = pageSize(first);
    let query = this.db.selectFrom('agreements').selectAll('agreements');
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.partyId) {
      const partyId = filter.partyId;
      query = query.where('id', 'in', (eb) => eb.selectFrom('agreement_parties').select('agreement_id').where('organisation_id', '=', partyId));
    }
    if (after) query = query.where('seq', '>', decodeCursor(after, 1)[0] as number);
    const rows = await query.orderBy('seq').limit(limit + 1).execute();
    const nodes = new Map((await this.withParties(rows.slice(0, limit))).map((a) => [a.id, a]));
    return toConnection(rows, limit, (r) => [Number(r.seq)], (r) => nodes.get(r.id)!);
  }

  /** Every version of each agreement, oldest first. */
  async versionsOf(ids: readonly string[]): Promise<Map<string, AgreementVersion[]>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('agreement_versions').selectAll().where('agreement_id', 'in', [...ids]).orderBy('version').execute();
    const versions = groupBy(rows, (r) => r.agreement_id);
    return new Map([...versions].map(([id, list]) => [id, list.map((v) => ({
      version: v.version, title: v.title, validFrom: v.valid_from, validTo: v.valid_to, revisedOn: v.revised_on, reason: v.reason,
    }))]));
  }

  /** Parties and signatures of all the given agreements in two queries (no N+1). */
  private async withParties(rows: Selectable<AgreementsTable>[]): Promise<CollaborationAgreement[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [parties, signatures] = await Promise.all([
      this.db.selectFrom('agreement_parties').selectAll().where('agreement_id', 'in', ids).orderBy('party_order').execute(),
      this.db.selectFrom('agreement_signatures').selectAll().where('agreement_id', 'in', ids).orderBy('seq').execute(),
    ]);
    const partiesOf = groupBy(parties, (p) => p.agreement_id);
    const signaturesOf = groupBy(signatures, (s) => `${s.agreement_id}\u0000${s.organisation_id}`);
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status as AgreementStatus,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      activatedOn: row.activated_on,
      parties: (partiesOf.get(row.id) ?? []).map((p) => toParty(p, (signaturesOf.get(`${row.id}\u0000${p.organisation_id}`) ?? []).map(toSignature))),
      version: Number(row.version),
      extendedOn: row.extended_on,
      extensionReason: row.extension_reason,
      endedOn: row.ended_on,
      endReason: row.end_reason,
      supersededBy: row.superseded_by,
    }));
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { ReadModelDb } from '../../projections/read-model-database';
import { READ_MODEL_DB } from '../../projections/read-model-db.token';
import { Connection, decodeCursor, pageSize, toConnection } from '../../shared/graphql/connection';
import { groupBy } from '../../shared/graphql/request-loaders';
import { PersonRole } from '../commands/appoint-person/appoint-person.input';
import { Organisation, OrganisationKind, OrganisationPerson } from '../graphql/organisation.type';
import { OrganisationsTable } from './organisations.table';

export function toOrganisation(row: OrganisationsTable): Organisation {
  return {
    id: row.id,
    kind: row.kind as OrganisationKind,
    name: row.name,
    municipalityCode: row.municipality_code,
    policeDistrict: row.police_district,
    policeRegion: row.police_region,
    parentId: row.parent_id,
  };
}

@Injectable()
export class OrganisationQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async byId(id: string): Promise<Organisation | null> {
    const row = await this.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toOrganisation(row) : null;
  }

  /** One query for many ids (DataLoader batches land here). */
  async byIds(ids: readonly string[]): Promise<Map<string, Organisation>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('organisations').selectAll().where('id', 'in', [...ids]).execute();
    return new Map(rows.map((row) => [row.id, toOrganisation(row)]));
  }

  /** People of many organisations, current appointments only unless `includeRemoved`. */
  async peopleOf(ids: readonly string[], includeRemoved = false): Promise<Map<string, OrganisationPerson[]>> {
    if (ids.length === 0) return new Map();
    let query = this.db.selectFrom('organisation_people').selectAll().where('organisation_id', 'in', [...ids]);
    if (!includeRemoved) query = query.where('removed_on', 'is', null);
    const rows = await query.orderBy('seq').execute();
    const people = rows.map((r) => ({ organisationId: r.organisation_id, personId: r.person_id, name: r.name, role: r.role as PersonRole, appointedOn: r.appointed_on, removedOn: r.removed_on }));
    return new Map([...groupBy(people, (p) => p.organisationId)].map(([id, list]) => [id, list.map(({ organisationId: _o, ...p }) => p)]));
  }

  async servedMunicipalityIdsOf(ids: readonly string[]): Promise<Map<string, string[]>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('served_municipalities').selectAll().where('police_area_id', 'in', [...ids]).orderBy('served_order').execute();
    return new Map([...groupBy(rows, (r) => r.police_area_id)].map(([id, list]) => [id, list.map((r) => r.municipality_id)]));
  }

  /** Ordered by name, then id (the cursor). */
  async list(
    filter: { kind?: OrganisationKind | null; parentId?: string | null },
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<Organisation>> {
    const limit = pageSize(first);
    let query = this.db.selectFrom('organisations').selectAll();
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.parentId) query = query.where('parent_id', '=', filter.parentId);
    if (after) {
      const [name, id] = decodeCursor(after, 2) as [string, string];
      query = query.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
    }
    const rows = await query.orderBy('name').orderBy('id').limit(limit + 1).execute();
    return toConnection(rows, limit, (r) => [r.name, r.id], toOrganisation);
  }
}

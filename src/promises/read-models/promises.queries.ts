import { Inject, Injectable } from '@nestjs/common';
import { Selectable } from 'kysely';
import { ReadModelDb } from '../../projections/read-model-database';
import { READ_MODEL_DB } from '../../projections/read-model-db.token';
import { Connection, decodeCursor, pageSize, toConnection } from '../../shared/graphql/connection';
import { CitizenPromise, Indicator, PromiseStatus } from '../graphql/promise.types';
import { TargetPer } from '../commands/planned-activity.input';
import { PromisesTable } from './promises.table';

export interface PromiseFilter {
  municipalityId?: string | null;
  policeAreaId?: string | null;
  /** Promises any of whose periods overlap this calendar year. */
  year?: number | null;
  status?: PromiseStatus | null;
  agreementId?: string | null;
  /** Only promises made public (the public view). */
  publishedOnly?: boolean;
}

@Injectable()
export class PromiseQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async byId(id: string): Promise<CitizenPromise | null> {
    return (await this.byIds([id])).get(id) ?? null;
  }

  /** Five queries however many ids (DataLoader batches land here). */
  async byIds(ids: readonly string[]): Promise<Map<string, CitizenPromise>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('promises').selectAll().where('id', 'in', [...ids]).execute();
    return new Map((await this.withDetails(rows)).map((p) => [p.id, p]));
  }

  /** In the order they were drafted; the cursor is that order. */
  async list(filter: PromiseFilter, first?: number | null, after?: string | null): Promise<Connection<CitizenPromise>> {
    const limit = pageSize(first);
    let query = this.db.selectFrom('promises').selectAll();
    for (const partyId of [filter.municipalityId, filter.policeAreaId]) {
      if (partyId) query = query.where('id', 'in', (eb) => eb.selectFrom('promise_parties').select('promise_id').where('organisation_id', '=', partyId));
    }
    if (filter.year) {
      const [start, end] = [`${filter.year}-01-01`, `${filter.year}-12-31`];
      query = query.where('id', 'in', (eb) =>
        eb.selectFrom('promise_periods').select('promise_id').where('period_from', '<=', end).where('period_to', '>=', start),
      );
    }
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.agreementId) query = query.where('agreement_id', '=', filter.agreementId);
    if (filter.publishedOnly) query = query.where('published_on', 'is not', null).where('status', '!=', 'Withdrawn');
    if (after) query = query.where('seq', '>', decodeCursor(after, 1)[0] as number);
    const rows = await query.orderBy('seq').limit(limit + 1).execute();
    const nodes = new Map((await this.withDetails(rows.slice(0, limit))).map((p) => [p.id, p]));
    return toConnection(rows, limit, (r) => [Number(r.seq)], (r) => nodes.get(r.id)!);
  }

  /** Periods, focus areas, plan and parties for a whole page: four queries, however many promises. */
  private async withDetails(rows: Selectable<PromisesTable>[]): Promise<CitizenPromise[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [periods, focusAreas, plan, parties] = await Promise.all([
      this.db.selectFrom('promise_periods').selectAll().where('promise_id', 'in', ids).orderBy('period_order').execute(),
      this.db.selectFrom('promise_focus_areas').selectAll().where('promise_id', 'in', ids).orderBy('focus_order').execute(),
      this.db.selectFrom('planned_activities').selectAll().where('promise_id', 'in', ids).where('current', '=', 1).orderBy('activity_order').execute(),
      this.db.selectFrom('promise_parties').selectAll().where('promise_id', 'in', ids).execute(),
    ]);
    return rows.map((row) => {
      const own = <T extends { promise_id: string }>(items: T[]) => items.filter((i) => i.promise_id === row.id);
      return {
        id: row.id,
        agreementId: row.agreement_id,
        title: row.title,
        status: row.status as PromiseStatus,
        rationale: row.rationale,
        period: { from: row.period_from, to: row.period_to, extensionReason: own(periods).at(-1)?.extension_reason ?? null },
        periods: own(periods).map((p) => ({ from: p.period_from, to: p.period_to, extensionReason: p.extension_reason, extensionDecision: extensionDecision(p) })),
        focusAreas: own(focusAreas).map((f) => f.name),
        plannedActivities: own(plan).map((a) => ({
          id: a.id,
          description: a.description,
          responsibleOrganisationIds: JSON.parse(a.responsible_organisation_ids) as string[],
          target: a.target_quantity === null ? null : { quantity: Number(a.target_quantity), per: a.target_per as TargetPer, text: a.target_text ?? '' },
          indicators: JSON.parse(a.indicators) as Indicator[],
          promiseId: row.id,
          currentPeriod: { from: row.period_from, to: row.period_to },
        })),
        partyIds: own(parties).map((p) => p.organisation_id),
        adoption: row.adopted_on
          ? { adoptedOn: row.adopted_on, place: row.adopted_place, signatories: JSON.parse(row.adopted_signatories ?? '[]') }
          : null,
        withdrawal: row.withdrawn_on ? { withdrawnOn: row.withdrawn_on, reason: row.withdrawal_reason ?? '' } : null,
        publishedOn: row.published_on,
        publicationChannels: JSON.parse(row.published_channels ?? '[]') as string[],
        completedOn: row.completed_on,
        assessmentId: row.assessment_id,
        focusAreaIds: JSON.parse(row.focus_area_ids ?? '[]') as string[],
      };
    });
  }
}

/** The decision of an extension, where one was recorded. */
function extensionDecision(row: { extension_decided_by: string | null; extension_decided_on: string | null; extension_reference: string | null }) {
  if (row.extension_decided_by === null || row.extension_decided_on === null) return null;
  return { decidedBy: row.extension_decided_by, decidedOn: row.extension_decided_on, reference: row.extension_reference };
}

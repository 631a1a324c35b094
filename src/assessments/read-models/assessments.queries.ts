import { Inject, Injectable } from '@nestjs/common';
import { Selectable } from 'kysely';
import { ReadModelDb } from '../../projections/read-model-database';
import { READ_MODEL_DB } from '../../projections/read-model-db.token';
import { Connection, decodeCursor, pageSize, toConnection } from '../../shared/graphql/connection';
import { groupBy } from '../../shared/graphql/request-loaders';
import { SourceKind } from '../commands/build-assessment/build-assessment.input';
import { SituationAssessment } from '../graphql/assessment.types';
import { AssessmentsTable } from './assessments.table';

@Injectable()
export class AssessmentQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async byId(id: string): Promise<SituationAssessment | null> {
    const row = await this.db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (await this.withItems([row]))[0]! : null;
  }

  /** In the order they were started; the cursor is that order. */
  async list(filter: { agreementId?: string | null }, first?: number | null, after?: string | null): Promise<Connection<SituationAssessment>> {
    const limit = pageSize(first);
    let query = this.db.selectFrom('assessments').selectAll();
    if (filter.agreementId) query = query.where('agreement_id', '=', filter.agreementId);
    if (after) query = query.where('seq', '>', decodeCursor(after, 1)[0] as number);
    const rows = await query.orderBy('seq').limit(limit + 1).execute();
    const nodes = new Map((await this.withItems(rows.slice(0, limit))).map((a) => [a.id, a]));
    return toConnection(rows, limit, (r) => [Number(r.seq)], (r) => nodes.get(r.id)!);
  }

  /** Sources, problems and focus areas for a whole page in one query. */
  private async withItems(rows: Selectable<AssessmentsTable>[]): Promise<SituationAssessment[]> {
    if (rows.length === 0) return [];
    const items = await this.db.selectFrom('assessment_items').selectAll().where('assessment_id', 'in', rows.map((r) => r.id)).orderBy('item_order').execute();
    const byAssessment = groupBy(items, (i) => i.assessment_id);
    return rows.map((row) => {
      const own = byAssessment.get(row.id) ?? [];
      const of = (kind: string) => own.filter((i) => i.item_kind === kind);
      return {
        id: row.id,
        title: row.title,
        agreementId: row.agreement_id,
        startedByOrganisationId: row.started_by_organisation_id,
        periodFrom: row.period_from,
        periodTo: row.period_to,
        status: row.status,
        completedOn: row.completed_on,
        sources: of('Source').map((i) => ({ id: i.item_id, kind: i.kind as SourceKind, summary: i.title, providedByOrganisationId: i.organisation_id })),
        problems: of('Problem').map((i) => ({ id: i.item_id, description: i.title, causeAnalysis: i.detail ?? '' })),
        focusAreas: of('FocusArea').map((i) => ({ id: i.item_id, priority: Number(i.item_order) + 1, name: i.title, problemIds: JSON.parse(i.problem_ids ?? '[]') as string[] })),
      };
    });
  }
}

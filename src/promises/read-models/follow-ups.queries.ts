import { Inject, Injectable } from '@nestjs/common';
import { Selectable } from 'kysely';
import { ReadModelDb } from '../../projections/read-model-database';
import { READ_MODEL_DB } from '../../projections/read-model-db.token';
import { groupBy } from '../../shared/graphql/request-loaders';
import { FinalReport, FollowUp } from '../graphql/follow-up.types';
import { FollowUpsTable } from './follow-ups.table';

export function toFollowUp(row: Selectable<FollowUpsTable>): FollowUp {
  return {
    id: row.follow_up_id,
    label: row.label,
    dueOn: row.due_on,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    reportedOn: row.reported_on,
    summary: row.summary,
    activityStatuses: JSON.parse(row.activity_statuses ?? '[]'),
    measurements: JSON.parse(row.measurements ?? '[]'),
    communicatedToCitizens: row.communicated_to_citizens,
    communicationChannels: JSON.parse(row.communication_channels ?? '[]'),
  };
}

@Injectable()
export class FollowUpQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  /** Follow-ups of many promises, by due date: one query. */
  async followUpsOf(promiseIds: readonly string[]): Promise<Map<string, FollowUp[]>> {
    if (promiseIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('follow_ups').selectAll().where('promise_id', 'in', [...promiseIds]).orderBy('due_on').orderBy('follow_up_id').execute();
    return new Map([...groupBy(rows, (r) => r.promise_id)].map(([id, list]) => [id, list.map(toFollowUp)]));
  }

  /** Final reports (due or submitted) of many promises, by period: one query. */
  async finalReportsOf(promiseIds: readonly string[]): Promise<Map<string, FinalReport[]>> {
    if (promiseIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('final_reports').selectAll().where('promise_id', 'in', [...promiseIds]).orderBy('period_from').execute();
    return new Map([...groupBy(rows, (r) => r.promise_id)].map(([id, list]) => [id, list.map((r) => ({
      periodFrom: r.period_from, periodTo: r.period_to, dueOn: r.due_on, submittedOn: r.submitted_on, summary: r.summary,
    }))]));
  }
}

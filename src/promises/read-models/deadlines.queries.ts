import { Inject, Injectable } from '@nestjs/common';
import { ReadModelDb } from '../../projections/read-model-database';
import { READ_MODEL_DB } from '../../projections/read-model-db.token';
import { Connection, decodeCursor, pageSize, toConnection } from '../../shared/graphql/connection';
import { Deadline, DeadlineKind } from '../graphql/follow-up.types';

export interface DeadlineFilter {
  today: string;
  withinDays: number;
  kinds?: DeadlineKind[] | null;
  overdueOnly?: boolean | null;
  promiseId?: string | null;
  /**
   * Whose deadlines: those of promises and agreements these organisations are
   * parties of; null for all (auditors). Applied before paging, so neither the
   * page nor its cursors (which hold promise and agreement ids) name others'.
   */
  partyOf: readonly string[] | null;
}

const DAY_MS = 86_400_000;
export const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const CLOSED = ['Withdrawn', 'Completed', 'Draft'];

/**
 * Everything due up to `withinDays` after `today`, overdue included, from four
 * sources merged and ordered by due date. The merge is in memory: deadlines
 * are few (open ones only), far fewer than log entries.
 */
@Injectable()
export class DeadlineQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async list(filter: DeadlineFilter, first?: number | null, after?: string | null): Promise<Connection<Deadline>> {
    const limit = pageSize(first);
    if (filter.partyOf?.length === 0) return toConnection([], limit, () => [], (d) => d);
    const horizon = addDays(filter.today, filter.withinDays);
    const wanted = (kind: DeadlineKind) => !filter.kinds?.length || filter.kinds.includes(kind);
    const everything = [
      ...(wanted(DeadlineKind.FollowUp) ? await this.followUps(horizon, filter.promiseId) : []),
      ...(wanted(DeadlineKind.FinalReport) ? await this.finalReports(horizon, filter.promiseId) : []),
      ...(wanted(DeadlineKind.AgreementExpiry) && !filter.promiseId ? await this.expiringAgreements(filter.today, horizon) : []),
      ...(wanted(DeadlineKind.MissingFinalReport) ? await this.periodsWithoutReport(filter.today, filter.promiseId) : []),
    ];
    const own = await this.ownedBy(filter.partyOf);
    const ours = (d: { promiseId: string | null; agreementId: string | null }) =>
      !own || (d.promiseId ? own.promises.has(d.promiseId) : !!d.agreementId && own.agreements.has(d.agreementId));
    const all = everything.filter(ours).map((d) => ({ ...d, overdue: d.dueOn < filter.today, daysLeft: daysBetween(filter.today, d.dueOn) }));
    const key = (d: Deadline) => [d.dueOn, d.kind, `${d.promiseId ?? d.agreementId}/${d.followUpId ?? ''}`];
    let rows = all.filter((d) => !filter.overdueOnly || d.overdue).sort((a, b) => (key(a).join('\u0000') < key(b).join('\u0000') ? -1 : 1));
    if (after) {
      const cursor = (decodeCursor(after, 3) as string[]).join('\u0000');
      rows = rows.filter((d) => key(d).join('\u0000') > cursor);
    }
    return toConnection(rows.slice(0, limit + 1), limit, key, (d) => d);
  }

  /** The promises and agreements these organisations are parties of; null for no restriction. */
  private async ownedBy(organisationIds: readonly string[] | null) {
    if (!organisationIds) return null;
    const ids = [...organisationIds];
    const [promises, agreements] = await Promise.all([
      this.db.selectFrom('promise_parties').select('promise_id').where('organisation_id', 'in', ids).execute(),
      this.db.selectFrom('agreement_parties').select('agreement_id').where('organisation_id', 'in', ids).execute(),
    ]);
    return { promises: new Set(promises.map((r) => r.promise_id)), agreements: new Set(agreements.map((r) => r.agreement_id)) };
  }

  private async followUps(horizon: string, promiseId?: string | null) {
    let query = this.db.selectFrom('follow_ups').innerJoin('promises', 'promises.id', 'follow_ups.promise_id')
      .select(['follow_ups.promise_id', 'follow_up_id', 'due_on', 'label', 'promises.title', 'promises.agreement_id'])
      .where('reported_on', 'is', null).where('due_on', '<=', horizon).where('promises.status', 'not in', CLOSED);
    if (promiseId) query = query.where('follow_ups.promise_id', '=', promiseId);
    return (await query.execute()).map((r) => ({
      kind: DeadlineKind.FollowUp, dueOn: r.due_on, title: r.title, promiseId: r.promise_id, agreementId: r.agreement_id, followUpId: r.follow_up_id, label: r.label,
    }));
  }

  private async finalReports(horizon: string, promiseId?: string | null) {
    let query = this.db.selectFrom('final_reports').innerJoin('promises', 'promises.id', 'final_reports.promise_id')
      .select(['final_reports.promise_id', 'final_reports.due_on', 'final_reports.period_from', 'final_reports.period_to', 'promises.title', 'promises.agreement_id'])
      .where('submitted_on', 'is', null).where('final_reports.due_on', '<=', horizon).where('promises.status', 'not in', CLOSED);
    if (promiseId) query = query.where('final_reports.promise_id', '=', promiseId);
    return (await query.execute()).map((r) => ({
      kind: DeadlineKind.FinalReport, dueOn: r.due_on!, title: r.title, promiseId: r.promise_id, agreementId: r.agreement_id, followUpId: null,
      label: `Slutrapport ${r.period_from}–${r.period_to}`,
    }));
  }

  private async expiringAgreements(today: string, horizon: string) {
    const rows = await this.db.selectFrom('agreements').select(['id', 'title', 'valid_to'])
      .where('status', '=', 'Active').where('valid_to', '>=', today).where('valid_to', '<=', horizon).execute();
    return rows.map((r) => ({ kind: DeadlineKind.AgreementExpiry, dueOn: r.valid_to!, title: r.title, promiseId: null, agreementId: r.id, followUpId: null, label: null }));
  }

  /** Promises whose current period has ended with no final report submitted for it. */
  private async periodsWithoutReport(today: string, promiseId?: string | null) {
    let query = this.db.selectFrom('promises')
      .leftJoin('final_reports', (join) => join.onRef('final_reports.promise_id', '=', 'promises.id').onRef('final_reports.period_from', '=', 'promises.period_from'))
      .select(['promises.id', 'promises.title', 'promises.agreement_id', 'promises.period_to'])
      .where('promises.period_to', '<', today).where('promises.status', 'not in', CLOSED).where('final_reports.submitted_on', 'is', null);
    if (promiseId) query = query.where('promises.id', '=', promiseId);
    return (await query.execute()).map((r) => ({
      kind: DeadlineKind.MissingFinalReport, dueOn: addDays(r.period_to, 1), title: r.title, promiseId: r.id, agreementId: r.agreement_id, followUpId: null,
      label: `Perioden slutade ${r.period_to}`,
    }));
  }
}

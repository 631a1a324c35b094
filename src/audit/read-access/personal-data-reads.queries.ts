import { Inject, Injectable } from '@nestjs/common';
import { Selectable } from 'kysely';
import { ReadModelDb } from '../../projections/read-model-database';
import { READ_MODEL_DB } from '../../projections/read-model-db.token';
import { Connection, decodeCursor, pageSize, toConnection } from '../../shared/graphql/connection';
import { PersonalDataReadsTable } from './personal-data-reads.table';

export interface PersonalDataReadsFilter {
  readerUserId?: string | null;
  field?: string | null;
  subjectId?: string | null;
  correlationId?: string | null;
  /** Inclusive ISO instants. */
  from?: string | null;
  to?: string | null;
}

export type PersonalDataReadRow = Selectable<PersonalDataReadsTable>;

@Injectable()
export class PersonalDataReadsQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  /** Newest first (who read it lately is what an auditor asks first); the cursor is (event position, entry). */
  async list(filter: PersonalDataReadsFilter, first?: number | null, after?: string | null): Promise<Connection<PersonalDataReadRow>> {
    const limit = pageSize(first);
    let query = this.db.selectFrom('personal_data_reads').selectAll();
    if (filter.readerUserId) query = query.where('reader_user_id', '=', filter.readerUserId);
    if (filter.field) query = query.where('field', '=', filter.field);
    if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
    if (filter.correlationId) query = query.where('correlation_id', '=', filter.correlationId);
    if (filter.from) query = query.where('read_at', '>=', filter.from);
    if (filter.to) query = query.where('read_at', '<=', filter.to);
    if (after) {
      const [seq, entry] = decodeCursor(after, 2) as [number, number];
      query = query.where((eb) => eb.or([eb('seq', '<', seq), eb.and([eb('seq', '=', seq), eb('entry', '<', entry)])]));
    }
    const rows = await query.orderBy('seq', 'desc').orderBy('entry', 'desc').limit(limit + 1).execute();
    return toConnection(rows, limit, (r) => [r.seq, r.entry], (r) => r);
  }
}

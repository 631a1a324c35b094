import { CompiledQuery, PostgresAdapter } from 'kysely';
import { ReadModelTransaction } from './projection';

/** SQLite binds at most 32,766 values per statement. */
const MAX_VALUES = 32_000;
const sqlCache = new Map<string, string>();

/**
 * A multi-row INSERT written out directly. Kysely's builder walks every value
 * it binds, which for the tables that take a row per event (audit log,
 * activity log) costs as much as the insert itself. Same SQL on SQLite and
 * PostgreSQL but for the placeholders; a full chunk is always the same text,
 * so its prepared statement is reused.
 */
export async function bulkInsert<Row extends object>(
  trx: ReadModelTransaction,
  table: string,
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): Promise<void> {
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  const perStatement = Math.floor(MAX_VALUES / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    for (const row of chunk) for (const column of columns) values.push((row as Record<string, unknown>)[column] ?? null);
    await trx.executeQuery(CompiledQuery.raw(insertSql(table, columns, chunk.length, postgres), values));
  }
}

function insertSql(table: string, columns: readonly string[], rows: number, postgres: boolean): string {
  const key = `${postgres ? 'pg' : 'sqlite'}|${table}|${columns.length}|${rows}`;
  let text = sqlCache.get(key);
  if (!text) {
    let n = 0;
    const tuple = () => `(${columns.map(() => (postgres ? `$${++n}` : '?')).join(', ')})`;
    text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array.from({ length: rows }, tuple).join(', ')}`;
    if (sqlCache.size > 200) sqlCache.clear();
    sqlCache.set(key, text);
  }
  return text;
}

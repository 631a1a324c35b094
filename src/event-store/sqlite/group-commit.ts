import type Database from 'better-sqlite3';
import { PrecedingAppendFailedError } from '../event-store.errors';
import { AppendResult } from '../event-store.port';
import { AppendWriter } from './append-writer';
import { translateSqliteError } from './sqlite-errors';
import { ValidAppend } from './validate-append';
import { groupCommitAppends } from '../../observability/metrics/metrics';

type Outcome = { readonly result: AppendResult } | { readonly error: unknown };

interface Pending {
  readonly append: ValidAppend;
  /** The append this one was decided on top of, until this one is settled (then dropped, so chains do not pile up). */
  predecessor: Pending | undefined;
  /** Set as soon as this append's fate in its batch is known. */
  outcome?: Outcome;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: every append that arrives while the event loop is busy is
 * committed in one transaction, so one fsync acknowledges many appends.
 *
 * better-sqlite3 is synchronous: a commit blocks the loop, and whatever callers
 * do meanwhile piles up in `queue`. The flush runs on setImmediate, i.e. after
 * all pending microtasks, so appends issued in reaction to the previous batch
 * (awaiting callers looping) join the next batch instead of each getting its own.
 *
 * Each append runs in its own SAVEPOINT: a conflict rolls back that append only
 * and the others in the batch still commit. Each append sees the writes of the
 * ones before it in the batch, so expected revisions are checked exactly as if
 * they had run one by one.
 *
 * An append decided on top of another one still in flight names it (`after`):
 * submitted later, it is written later, in the same batch or a later one, so
 * the predecessor's outcome is known when its turn comes, and a failed
 * predecessor fails it without a write. Both still share one commit.
 */
export class GroupCommitter {
  private queue: Pending[] = [];
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];
  private committed = 0;
  /** The promise submit() returned, to the append it stands for: how `after` is recognised. */
  private readonly submitted = new WeakMap<Promise<AppendResult>, Pending>();
  private readonly sql: Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo', Database.Statement>;

  constructor(
    private readonly db: Database.Database,
    private readonly writer: AppendWriter,
    private readonly onCommitted: () => void,
  ) {
    this.sql = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT append'),
      release: db.prepare('RELEASE append'),
      rollbackTo: db.prepare('ROLLBACK TO append'),
    };
  }

  /** Transactions committed so far; tests compare it with the number of appends. */
  get committedTransactions(): number {
    return this.committed;
  }

  submit(append: ValidAppend, after?: Promise<AppendResult>): Promise<AppendResult> {
    const predecessor = after && this.submitted.get(after);
    if (after && !predecessor) {
      // Not an append of this committer: wait for it, then queue as usual.
      return after.then(
        () => this.submit(append),
        (error: unknown) => Promise.reject(new PrecedingAppendFailedError(append.streamName, append.expectedRevision, error)),
      );
    }
    let pending: Pending | undefined;
    const promise = new Promise<AppendResult>((resolve, reject) => {
      pending = { append, predecessor, resolve, reject };
      this.queue.push(pending);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
    this.submitted.set(promise, pending!);
    return promise;
  }

  /** Resolves once everything submitted so far has been committed or rejected. */
  drained(): Promise<void> {
    if (!this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = this.commitBatch(batch);
    } catch (err) {
      outcomes = this.abort(batch, err);
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i];
      p.outcome = outcome;
      p.predecessor = undefined;
      if ('result' in outcome) p.resolve(outcome.result);
      else p.reject(outcome.error);
    });
    if (outcomes.some((o) => 'result' in o)) this.onCommitted();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  private commitBatch(batch: Pending[]): Outcome[] {
    // Date.now() is the store's clock: one timestamp for one commit.
    const recordedAt = Date.now();
    // A lone append needs no savepoint: rolling back the transaction is enough.
    const isolate = batch.length > 1;
    this.sql.begin.run();
    const outcomes: Outcome[] = [];
    for (const pending of batch) {
      const { append, predecessor } = pending;
      const failed = predecessor?.outcome && 'error' in predecessor.outcome ? predecessor.outcome : undefined;
      if (failed) {
        outcomes.push((pending.outcome = { error: new PrecedingAppendFailedError(append.streamName, append.expectedRevision, failed.error) }));
        continue;
      }
      if (isolate) this.sql.savepoint.run();
      try {
        outcomes.push((pending.outcome = { result: this.writer.write(append, recordedAt) }));
        if (isolate) this.sql.release.run();
      } catch (err) {
        // Disk errors can make SQLite roll back the whole transaction on its
        // own; then the earlier appends of this batch are gone too.
        if (!this.db.inTransaction) return this.abort(batch, err);
        if (isolate) {
          this.sql.rollbackTo.run();
          this.sql.release.run();
        }
        outcomes.push((pending.outcome = { error: translateSqliteError(err, `appending to "${append.streamName}"`) }));
      }
    }
    if (outcomes.every((o) => 'error' in o)) {
      this.sql.rollback.run(); // nothing to keep: skip the fsync
      return outcomes;
    }
    this.sql.commit.run();
    this.committed += 1;
    groupCommitAppends.observe(batch.length);
    return outcomes;
  }

  private abort(batch: Pending[], err: unknown): Outcome[] {
    if (this.db.inTransaction) {
      try {
        this.sql.rollback.run();
      } catch {
        // The original error says more than a failed rollback would.
      }
    }
    const error = translateSqliteError(err, 'committing appends');
    return batch.map(() => ({ error }));
  }
}

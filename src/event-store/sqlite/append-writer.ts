import type Database from 'better-sqlite3';
import { CommandIdReusedError, DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import { AppendResult, ExpectedRevision } from '../event-store.port';
import { positionOf } from './rows';
import { ValidAppend } from './validate-append';

interface StoredId {
  stream: string;
  revision: bigint;
  position: bigint;
}

interface RecordedCommand extends StoredId {
  digest: string | null;
}

function satisfies(expected: ExpectedRevision, current: bigint | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    default:
      return current === expected;
  }
}

/**
 * A retry of an append that already landed: every id is stored, in this
 * stream, in order, at consecutive revisions, starting where the expected
 * revision says the append went (anywhere for `any`/`stream_exists`).
 * Returns what the original append returned.
 */
function originalResult(append: ValidAppend, stored: (StoredId | undefined)[]): AppendResult | undefined {
  const first = stored[0];
  if (first === undefined) return undefined;
  const inPlace = stored.every(
    (s, i) => s !== undefined && s.stream === append.streamName && s.revision === first.revision + BigInt(i),
  );
  if (!inPlace) return undefined;
  const expected = append.expectedRevision;
  if (expected === 'no_stream' && first.revision !== 0n) return undefined;
  if (typeof expected === 'bigint' && first.revision !== expected + 1n) return undefined;
  const last = stored[stored.length - 1] as StoredId;
  return { nextExpectedRevision: last.revision, position: positionOf(last.position) };
}

/**
 * Writes one append inside a transaction the caller owns. Throws on conflict;
 * the caller rolls back whatever this append wrote (its savepoint).
 */
export class AppendWriter {
  private readonly headRevision: Database.Statement<[string], { revision: bigint }>;
  private readonly findId: Database.Statement<[string], StoredId>;
  private readonly insert: Database.Statement<unknown[]>;
  private readonly findCommand: Database.Statement<[string], RecordedCommand>;
  private readonly recordCommand: Database.Statement<unknown[]>;

  constructor(db: Database.Database) {
    this.headRevision = db
      .prepare<[string], { revision: bigint }>(
        'SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      )
      .safeIntegers(true);
    this.findId = db
      .prepare<[string], StoredId>('SELECT stream, revision, position FROM events WHERE id = ?')
      .safeIntegers(true);
    this.insert = db
      .prepare(
        `INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .safeIntegers(true);
    this.findCommand = db
      .prepare<[string], RecordedCommand>('SELECT stream, digest, revision, position FROM commands WHERE command_id = ?')
      .safeIntegers(true);
    this.recordCommand = db
      .prepare('INSERT INTO commands (command_id, stream, digest, revision, position) VALUES (?, ?, ?, ?, ?)')
      .safeIntegers(true);
  }

  write(append: ValidAppend, recordedAt: number): AppendResult {
    const { streamName, expectedRevision, events, command } = append;
    const recorded = command && this.findCommand.get(command.id);
    if (recorded) {
      // A digest of null was recorded before digests existed: the stream is all that can be compared.
      if (recorded.stream !== streamName || (recorded.digest !== null && recorded.digest !== command.digest)) {
        throw new CommandIdReusedError(command.id);
      }
      // The same command again: it is stored (the record commits with its events), so answer as it was answered.
      return { nextExpectedRevision: recorded.revision, position: positionOf(recorded.position) };
    }
    const current = this.headRevision.get(streamName)?.revision;

    // Looking ids up first (one index probe each) keeps the retry rules in one
    // place instead of reverse-engineering a UNIQUE violation halfway through.
    const stored = events.map((e) => this.findId.get(e.id));
    const alreadyStored = stored.findIndex((s) => s !== undefined);
    if (alreadyStored >= 0) {
      const original = originalResult(append, stored);
      if (original) return original;
      // The stream moving on is the truer story: the caller re-reads and
      // retries, and only then learns about the id if it is still a clash.
      if (!satisfies(expectedRevision, current)) {
        throw new WrongExpectedRevisionError(streamName, expectedRevision, current);
      }
      throw new DuplicateEventIdError(events[alreadyStored].id, streamName);
    }
    if (!satisfies(expectedRevision, current)) {
      throw new WrongExpectedRevisionError(streamName, expectedRevision, current);
    }

    let revision = current ?? -1n;
    let position = 0n;
    for (const e of events) {
      revision += 1n;
      const info = this.insert.run(e.id, streamName, revision, e.type, e.data, e.metadata, recordedAt);
      position = BigInt(info.lastInsertRowid);
    }
    if (command) this.recordCommand.run(command.id, streamName, command.digest, revision, position);
    return { nextExpectedRevision: revision, position: positionOf(position) };
  }
}

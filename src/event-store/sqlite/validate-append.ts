import { canonicalJson } from '../../shared/canonical-json';
import { InvalidAppendError } from '../event-store.errors';
import { CommandRecord, EventToAppend, ExpectedRevision } from '../event-store.port';

/** An append that passed validation, with payloads already serialised. */
export interface ValidAppend {
  readonly streamName: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly { id: string; type: string; data: string; metadata: string }[];
  readonly command?: CommandRecord;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `category-id`: something before the first dash and something after it. */
export function assertStreamName(streamName: unknown): asserts streamName is string {
  if (typeof streamName !== 'string' || !/^[^-]+-.+$/s.test(streamName)) {
    throw new InvalidAppendError(`Stream name must look like "category-id", got ${JSON.stringify(streamName)}`);
  }
}

function assertExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  const ok =
    expected === 'any' ||
    expected === 'no_stream' ||
    expected === 'stream_exists' ||
    (typeof expected === 'bigint' && expected >= 0n);
  if (!ok) throw new InvalidAppendError(`Invalid expected revision: ${String(expected)}`);
}

function assertCommand(command: unknown): asserts command is CommandRecord | undefined {
  if (command === undefined) return;
  const { id, digest } = (command ?? {}) as Partial<CommandRecord>;
  if (typeof id !== 'string' || id.length === 0 || typeof digest !== 'string' || digest.length === 0) {
    throw new InvalidAppendError('A command record needs an id and a digest');
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Stored with sorted keys (the canonical encoding the audit chain is computed
 * over), so verifying can hash what it reads back with the native
 * JSON.stringify instead of re-encoding every event.
 */
function serialise(value: unknown, what: string): string {
  if (!isPlainObject(value)) throw new InvalidAppendError(`${what} must be a JSON object`);
  try {
    return canonicalJson(value);
  } catch (err) {
    throw new InvalidAppendError(`${what} is not serialisable as JSON`, { cause: err });
  }
}

/**
 * Runs in the caller's tick, before the append is queued, so a bad request
 * fails on its own and never reaches the shared batch transaction. Ids are
 * lower-cased: a UUID is case-insensitive and the unique index is not.
 */
export function validateAppend(
  streamName: string,
  events: readonly EventToAppend[],
  expectedRevision: ExpectedRevision,
  command?: CommandRecord,
): ValidAppend {
  assertStreamName(streamName);
  assertExpectedRevision(expectedRevision);
  assertCommand(command);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError(`Append to "${streamName}" has no events`);
  }
  const seen = new Set<string>();
  const valid = events.map((event, i) => {
    if (typeof event?.id !== 'string' || !UUID.test(event.id)) {
      throw new InvalidAppendError(`Event ${i} of append to "${streamName}" has no UUID id`);
    }
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new InvalidAppendError(`Event id ${id} appears twice in one append`);
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new InvalidAppendError(`Event ${id} has no type`);
    }
    return {
      id,
      type: event.type,
      data: serialise(event.data, `Data of event ${id}`),
      metadata: serialise(event.metadata, `Metadata of event ${id}`),
    };
  });
  return { streamName, expectedRevision, events: valid, ...(command ? { command: { id: command.id, digest: command.digest } } : {}) };
}

import { AccessDeniedError, BACKWARDS, END, EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreError, StoreUnavailableError } from '../event-store.errors';

/** The connection string as it may appear in logs and errors: the password is masked. */
export function redactConnectionString(connectionString: string): string {
  return connectionString.replace(/^([a-z+]+:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}

/** A client for the connection string; a malformed one is an error that shows it (password masked). */
export function createClient(connectionString: string): EventStoreDBClient {
  try {
    return EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    const shown = redactConnectionString(connectionString);
    throw new EventStoreError(`Invalid EventStoreDB connection string "${shown}": ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The client's dispose() waits for every call it ever started to finish; one
 * that the server never ends must not hold up the shutdown of the process.
 */
export async function disposeWithin(client: EventStoreDBClient, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms).unref()));
  await Promise.race([client.dispose().catch(() => undefined), timeout]);
  clearTimeout(timer);
}

/**
 * The client connects lazily, so an unreachable server would otherwise show up
 * on the first request. One backwards read of one `$all` event is the
 * smallest call that proves the server answers and that these credentials
 * may read `$all`, which projections need anyway. The client puts no deadline
 * on reads, hence the timer (a black-holed address never refuses).
 */
export async function probe(client: EventStoreDBClient, connectionString: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const read = (async () => {
    for await (const _ of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
      // Draining is enough: the answer itself does not matter.
    }
  })();
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([read, timeout]);
  } catch (error) {
    read.catch(() => undefined);
    await disposeWithin(client, 1_000);
    const shown = redactConnectionString(connectionString);
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreUnavailableError(
      error instanceof AccessDeniedError
        ? `EventStoreDB at "${shown}" denied reading $all: check the credentials in EVENTSTORE_CONNECTION_STRING`
        : `EventStoreDB could not be reached at "${shown}" (EVENTSTORE_CONNECTION_STRING): ${reason}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

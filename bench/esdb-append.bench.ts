/**
 * Append rate through the EventStoreDB adapter against the gRPC test server
 * (test/esdb), for information only: it measures the client path and our
 * adapter (serialisation, gRPC, mapping), not a real EventStoreDB's disk.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { EsdbEventStore } from '../src/event-store/esdb/esdb-event-store';
import { EventStore } from '../src/event-store/event-store.port';
import { EsdbTestServer } from '../test/esdb/esdb-test-server';
import { median, round } from './stats';

const ROUNDS = 3;
const MEASURE_MS = 1_500;

async function appendsPerSec(store: EventStore, appenders: number): Promise<number> {
  let count = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: appenders }, async () => {
      const stream = `bench-${randomUUID()}`;
      for (let revision = -1n; performance.now() - start < MEASURE_MS; revision++) {
        const event = { id: randomUUID(), type: 'ActivityLogged', data: { n: count }, metadata: { correlationId: 'c' } };
        await store.append(stream, [event], { expectedRevision: revision < 0n ? 'no_stream' : revision });
        count++;
      }
    }),
  );
  return count / ((performance.now() - start) / 1000);
}

export async function runEsdbAppendBench(): Promise<Record<string, number>> {
  const server = await new EsdbTestServer().start();
  const store = await EsdbEventStore.connect(server.connectionString);
  try {
    const sequential: number[] = [];
    const concurrent: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      sequential.push(await appendsPerSec(store, 1));
      concurrent.push(await appendsPerSec(store, 32));
    }
    return { sequentialAppendsPerSec: round(median(sequential)), concurrentAppendsPerSec: round(median(concurrent)) };
  } finally {
    await store.close();
    await server.stop();
  }
}

import { once } from 'node:events';
import { Writable } from 'node:stream';
import { EventStore, RecordedEvent } from '../../event-store/event-store.port';
import { comparePositions, positionFromString, positionToString } from '../../event-store/position';
import { categoryOf } from '../audit-log/event-metadata';
import { EventMacKey } from '../integrity/event-authenticator';
import { IntegrityRecords } from '../integrity/integrity-records';
import { checkpointToData, KeptCheckpoint } from '../integrity/checkpoint';
import { PublicSigningKey } from '../integrity/signing-key';
import { verifyStore } from '../integrity/verify-store';
import { describeReport, VerifyReport } from '../integrity/verify-report';
import { EndLine, EventLine, EXPORT_FORMAT, ExportLine, ExportScope, HeaderLine, isContinuous } from './export-format';

export interface ExportOptions {
  readonly scope: ExportScope;
  readonly key: PublicSigningKey;
  /** The service's secret, if at hand: the newest events' authenticators are checked before they are exported. */
  readonly eventKeys?: readonly EventMacKey[];
  readonly records?: IntegrityRecords;
  readonly out: Writable;
  readonly now?: Date;
}

export class ExportRefusedError extends Error {
  constructor(readonly report: VerifyReport) {
    super(`Export stopped: the store does not verify. ${describeReport(report)}`);
  }
}

function inScope(scope: ExportScope, event: RecordedEvent): boolean {
  switch (scope.kind) {
    case 'all':
      return scope.afterPosition === null || comparePositions(event.position, positionFromString(scope.afterPosition)) > 0;
    case 'stream':
      return event.streamName === scope.stream;
    case 'category':
      return categoryOf(event.streamName) === scope.category;
  }
}

/**
 * Streams the chosen events to `out` as NDJSON (see export-format.ts), with
 * their chain links. The links are recomputed from the first event while the
 * store is verified, page by page (constant memory): an export never carries
 * links for history that no longer verifies — it stops, and says where.
 */
export async function exportNdjson(store: EventStore, options: ExportOptions): Promise<{ events: number; checkpoints: number }> {
  const { scope, out } = options;
  const write = async (line: ExportLine) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  };
  const { keyId, algorithm, pem } = options.key;
  const header: HeaderLine = {
    kind: 'header', format: EXPORT_FORMAT, version: 1, scope, exportedAt: (options.now ?? new Date()).toISOString(), publicKey: { keyId, algorithm, pem },
  };
  await write(header);
  let events = 0;
  let checkpoints = 0;
  let lastWritten: string | null = null;
  const report = await verifyStore(store, {
    keys: [options.key],
    eventKeys: options.eventKeys,
    records: options.records,
    onVerified: async (event, chain) => {
      if (!inScope(scope, event)) return;
      const line: EventLine = {
        kind: 'event', position: positionToString(event.position), stream: event.streamName, revision: event.revision.toString(),
        id: event.id, type: event.type, data: event.data, metadata: event.metadata, recordedAt: event.recordedAt.toISOString(),
        chain: { count: chain.count.toString(), previous: chain.previous, link: chain.link },
      };
      await write(line);
      lastWritten = line.position;
      events++;
    },
    onCheckpoint: async (checkpoint) => {
      // Only where the file holds the event it covers, and the chain up to it.
      if (!isContinuous(scope) || lastWritten !== checkpoint.position) return;
      // Where the checkpoint event itself is, so a failure of the checkpoint is named there.
      await write({ kind: 'checkpoint', ...checkpointToData(checkpoint), eventPosition: (checkpoint as KeptCheckpoint).eventPosition });
      checkpoints++;
    },
  });
  if (!report.intact) throw new ExportRefusedError(report);
  const end: EndLine = { kind: 'end', events, checkpoints };
  await write(end);
  return { events, checkpoints };
}

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ChainVerifier } from '../integrity/chain-verifier';
import { checkpointFromData } from '../integrity/checkpoint';
import { PublicSigningKey, toPublicSigningKey } from '../integrity/signing-key';
import { VerifyReport } from '../integrity/verify-report';
import { EventLine, EXPORT_FORMAT, ExportLine, HeaderLine, isContinuous } from './export-format';

export interface VerifyFileOptions {
  /** Keys to trust. Omitted: the key the file names, reported as such (compare its keyId with the published one). */
  readonly keys?: readonly PublicSigningKey[];
}

/**
 * Verifies an export offline with the same ChainVerifier the store check
 * uses: every event against its stated link, each link against the one before
 * (whole-log exports), and each signed checkpoint. Reads line by line.
 */
export async function verifyExportFile(file: string, options: VerifyFileOptions = {}): Promise<VerifyReport> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let verifier: ChainVerifier | undefined;
  let header: HeaderLine | undefined;
  let events = 0;
  let checkpoints = 0;
  let lineNo = 0;
  let ended = false;
  const at = () => ({ position: verifier?.lastVerified.position ?? `line ${lineNo}`, id: null });
  for await (const text of lines) {
    lineNo++;
    if (text.trim() === '') continue;
    let line: ExportLine;
    try {
      line = JSON.parse(text) as ExportLine;
    } catch {
      return (verifier ?? new ChainVerifier([])).fail('MALFORMED', at(), null, `line ${lineNo} is not JSON`) || report(verifier);
    }
    if (!verifier || !header) {
      if (line.kind !== 'header' || line.format !== EXPORT_FORMAT) {
        new ChainVerifier([]).fail('MALFORMED', at(), null, 'the file does not start with a Samverkan export header');
      }
      header = line as HeaderLine;
      verifier = new ChainVerifier(options.keys ?? [toPublicSigningKey(header.publicKey.pem)]);
      continue;
    }
    if (ended) return failed(verifier, 'MALFORMED', `line ${lineNo} follows the end line`);
    if (line.kind === 'event') {
      const event = toEvent(line);
      const stated = { count: BigInt(line.chain.count), previous: line.chain.previous, link: line.chain.link };
      if (!isContinuous(header.scope)) verifier.resumeAt(stated.count - 1n, stated.previous);
      if (!verifier.checkEvent(event, line.position, { stated })) return verifier.report();
      events++;
    } else if (line.kind === 'checkpoint') {
      const checkpoint = checkpointFromData(line);
      const at = { id: null, position: typeof line.eventPosition === 'string' ? line.eventPosition : checkpoint.position };
      const result = verifier.checkCheckpoint(checkpoint, at, `the checkpoint on line ${lineNo}`);
      if (result === 'mismatch') verifier.checkpointMismatch(checkpoint, at, `the checkpoint on line ${lineNo}`);
      if (result !== 'ok') return verifier.report();
      checkpoints++;
    } else if (line.kind === 'end') {
      if (line.events !== events || line.checkpoints !== checkpoints) {
        return failed(verifier, 'TRUNCATED', `the end line counts ${line.events} events and ${line.checkpoints} checkpoints; the file holds ${events} and ${checkpoints}`);
      }
      ended = true;
    } else {
      return failed(verifier, 'MALFORMED', `line ${lineNo} has an unknown kind`);
    }
  }
  if (!verifier) return failed(new ChainVerifier([]), 'MALFORMED', 'the file is empty');
  if (!ended) return failed(verifier, 'TRUNCATED', 'the file ends before its end line (cut off?)');
  verifier.endOfEvents();
  return verifier.report();
}

function toEvent(line: EventLine) {
  return {
    streamName: line.stream, revision: BigInt(line.revision), id: line.id, type: line.type,
    data: line.data, metadata: line.metadata, recordedAt: new Date(line.recordedAt),
  };
}

function failed(verifier: ChainVerifier, kind: 'MALFORMED' | 'TRUNCATED', reason: string): VerifyReport {
  const { position, eventId } = verifier.lastVerified;
  verifier.fail(kind, { position: position ?? 'start', id: eventId }, null, reason);
  return verifier.report();
}

function report(verifier: ChainVerifier | undefined): VerifyReport {
  return (verifier ?? new ChainVerifier([])).report();
}

import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../../config/app-config';
import { verifyExportFile } from '../export/verify-file';
import { keptCheckpointToJson, parseSavedCheckpoint } from '../integrity/checkpoint';
import { verifyStore } from '../integrity/verify-store';
import { describeReport, VerifyReport } from '../integrity/verify-report';
import { openAuditCliContext, trustedKeys } from './audit-cli-context';
import { eventProgress } from './event-progress';

export interface VerifyCommandOptions {
  file?: string;
  publicKey?: string;
  /** A checkpoint saved earlier (`--save-checkpoint`, or GraphQL `integrityCheckpoint { json }`): the store must still hold the chain it signs. */
  expectCheckpoint?: string;
  /** Where to save the latest signed checkpoint found valid, to pass as --expect-checkpoint next time. */
  saveCheckpoint?: string;
}

/**
 * `samverkan verify [--file export.ndjson] [--public-key key.pem] [--expect-checkpoint saved.json] [--save-checkpoint out.json]`:
 * exit code 0 when intact, 2 when not.
 */
export async function verifyCommand(options: VerifyCommandOptions): Promise<VerifyReport> {
  const config = loadConfig();
  let report: VerifyReport;
  if (options.file) {
    const keys = options.publicKey ? trustedKeys(config, options.publicKey) : undefined;
    report = await verifyExportFile(options.file, { keys });
  } else {
    const expected = options.expectCheckpoint
      ? [{ checkpoint: parseSavedCheckpoint(readFileSync(options.expectCheckpoint, 'utf8')), source: `the checkpoint saved in ${options.expectCheckpoint}` }]
      : [];
    const context = await openAuditCliContext(config, options.publicKey);
    try {
      if (!context.records) console.error('No integrity records here (integrity.sqlite): only signatures and authenticators vouch for the events.');
      if (context.eventKeys.length === 0) {
        console.error('Without the service\'s signing key, authenticators cannot be checked: signed checkpoints vouch for what they cover.');
      }
      const progress = await eventProgress('verify', context.store);
      try {
        report = await verifyStore(context.store, { keys: context.keys, eventKeys: context.eventKeys, records: context.records, expected, onProgress: progress.update });
        progress.finish();
      } finally {
        progress.stop();
      }
    } finally {
      await context.close();
    }
  }
  console.log(describeReport(report));
  if (report.trustedKeyIds.length > 0) console.log(`Trusted signing key(s): ${report.trustedKeyIds.join(', ')}`);
  if (options.saveCheckpoint) saveCheckpoint(report, options.saveCheckpoint);
  if (!report.intact) process.exitCode = 2;
  return report;
}

function saveCheckpoint(report: VerifyReport, file: string): void {
  if (!report.intact || !report.latestCheckpoint) {
    console.error(`Not saved to ${file}: ${report.intact ? 'no signed checkpoint was verified' : 'the store did not verify'}.`);
    return;
  }
  writeFileSync(file, `${JSON.stringify(keptCheckpointToJson(report.latestCheckpoint), null, 2)}\n`);
  console.log(`Saved the checkpoint over the first ${report.latestCheckpoint.count} events to ${file}: pass it as --expect-checkpoint later.`);
}

import { loadConfig } from '../../config/app-config';
import { verifyExportFile } from '../export/verify-file';
import { verifyStore } from '../integrity/verify-store';
import { describeReport, VerifyReport } from '../integrity/verify-report';
import { openAuditCliContext, trustedKeys } from './audit-cli-context';
import { eventProgress } from './event-progress';

/** `samverkan verify [--file export.ndjson] [--public-key key.pem]`: exit code 0 when intact, 2 when not. */
export async function verifyCommand(options: { file?: string; publicKey?: string }): Promise<VerifyReport> {
  const config = loadConfig();
  let report: VerifyReport;
  if (options.file) {
    const keys = options.publicKey ? trustedKeys(config, options.publicKey) : undefined;
    report = await verifyExportFile(options.file, { keys });
  } else {
    const context = await openAuditCliContext(config, options.publicKey);
    try {
      if (!context.links) console.error('No recorded chain links here (integrity.sqlite): only signed checkpoints vouch for the events.');
      const progress = await eventProgress('verify', context.store);
      try {
        report = await verifyStore(context.store, { keys: context.keys, links: context.links, onProgress: progress.update });
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
  if (!report.intact) process.exitCode = 2;
  return report;
}

import 'reflect-metadata';
import { Command } from 'commander';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './bootstrap';
import { ServiceLogger } from './observability/logging/service-logger';
import { installGracefulShutdown } from './observability/shutdown/graceful-shutdown';
import { FIRST_QUERY } from './demo/load-habo-demo';
import { loadAllDemos } from './demo/load-all-demos';
import { rebuildCommand } from './projections/rebuild.command';
import { collectRoles, tokenCommand } from './auth/cli/token.command';
import { printDemoTokens } from './demo/demo-tokens';
import { verifyCommand, VerifyCommandOptions } from './audit/cli/verify.command';
import { exportCommand } from './audit/cli/export.command';
import { replayCommand } from './audit/cli/replay.command';
import { DataDirLock, LOCK_FILE } from './event-store/sqlite/data-dir-lock';
import { StoreUnavailableError } from './event-store/event-store.errors';

const program = new Command('samverkan').description('Samverkan command-line tools');

program
  .command('demo')
  .description('Start the service on a fresh demo store loaded with the Habo example and three more cases')
  .option('--data-dir <dir>', 'where the demo store lives (wiped first)', './data/demo')
  .action(async (options: { dataDir: string }) => {
    // Wiped only under its lock (held until exit): never from under a service running on it. The lock file stays.
    mkdirSync(options.dataDir, { recursive: true });
    DataDirLock.acquire(options.dataDir);
    for (const entry of readdirSync(options.dataDir)) if (entry !== LOCK_FILE) rmSync(join(options.dataDir, entry), { recursive: true, force: true });
    const config = loadConfig({ ...process.env, DATA_DIR: options.dataDir, EVENT_STORE: 'embedded' });
    const app = await createApp(config);
    installGracefulShutdown(app, { delayMs: 0, timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger: app.get(ServiceLogger) });
    await app.listen(config.PORT, config.HOST);
    await loadAllDemos(app); // Habo, then Stenungsund–Orust–Tjörn, Vadstena/Motala and Kungsör
    const url = `http://localhost:${config.PORT}/graphql`;
    console.log(`\nSamverkan demo is running with the Habo example (data in ${options.dataDir}).`);
    console.log(`GraphQL: ${url}   GraphiQL: http://localhost:${config.PORT}/graphiql   Health: http://localhost:${config.PORT}/health`);
    console.log(`\nA first query to paste into GraphiQL:\n\n${FIRST_QUERY}\n`);
    console.log(`Or from a shell:\n  curl -s ${url} -H 'content-type: application/json' -d '${JSON.stringify({ query: FIRST_QUERY.replace(/\s+/g, ' ') })}'\n`);
    await printDemoTokens(app, url);
  });

program
  .command('token')
  .description('Print a development token (HS256, the configured secret) for a user, organisation and role')
  .requiredOption('--user <id>', 'user id (the token subject)')
  .option('--name <display name>', 'display name recorded as the actor (default: the user id)')
  .option('--organisation <id>', 'the organisation they work for (omit for auditors and admins)')
  .requiredOption('--role <role>', 'member, signatory, coordinator, auditor or admin (repeat or comma-separate for several)', collectRoles)
  .option('--expires-in <duration>', 'lifetime, e.g. 30m, 12h, 7d', '12h')
  .action(tokenCommand);

program
  .command('rebuild')
  .description('Replay all events into fresh read models and swap them in on success (stop the service first)')
  .option('--projection <name>', 'rebuild only this read model (its tables and checkpoint)')
  .action(rebuildCommand);

// For auditors (src/audit): integrity proof, export, replay.
program
  .command('verify')
  .description('Recompute the hash chain and check recorded links and signed checkpoints (exit code 2 if not intact)')
  .option('--file <export.ndjson>', 'verify an export file offline instead of the store')
  .option('--public-key <file.pem>', 'trust this public key (default: the configured signing key)')
  .option('--expect-checkpoint <file.json>', 'a checkpoint saved earlier: the store must still hold the chain it signs')
  .option('--save-checkpoint <file.json>', 'save the latest signed checkpoint found valid, to pass as --expect-checkpoint later')
  .action(async (options: VerifyCommandOptions) => void (await verifyCommand(options)));

program
  .command('export')
  .description('NDJSON export with metadata and chain links: everything, --after a position, one --stream or a --category')
  .option('--stream <name>')
  .option('--category <category>')
  .option('--after <commit/prepare>')
  .option('--out <file>', 'default: standard output')
  .action(exportCommand);

program
  .command('replay')
  .description('Rebuild the read models with a progress bar; --until <instant> builds them as of then into a separate file')
  .option('--until <instant>', 'ISO instant (store time)')
  .option('--out <file>', 'read-model database to write (default with --until: DATA_DIR/audit/read-models-as-of-<instant>.sqlite)')
  .action(replayCommand);

program.parseAsync().catch((error: unknown) => {
  // Configuration and store problems are the operator's to fix: their message says how; a stack trace would not help.
  console.error(error instanceof ConfigError || error instanceof StoreUnavailableError ? error.message : error);
  process.exit(1);
});

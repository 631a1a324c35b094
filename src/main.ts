import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './bootstrap';
import { StoreUnavailableError } from './event-store/event-store.errors';
import { ServiceLogger } from './observability/logging/service-logger';
import { installGracefulShutdown } from './observability/shutdown/graceful-shutdown';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const logger = app.get(ServiceLogger);
  installGracefulShutdown(app, { delayMs: config.SHUTDOWN_DELAY_MS, timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger });
  await app.listen(config.PORT, config.HOST);
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  logger.log(`Samverkan listening on ${url} (GraphQL: ${url}/graphql, store: ${config.EVENT_STORE})`, 'Samverkan');
}

main().catch((error: unknown) => {
  // Configuration and store problems are the operator's to fix: their message says how; a stack trace would not help.
  console.error(error instanceof ConfigError || error instanceof StoreUnavailableError ? error.message : error);
  process.exit(1);
});

import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './bootstrap';
import { StoreUnavailableError } from './event-store/event-store.errors';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  console.log(`Samverkan listening on ${url} (GraphQL: ${url}/graphql, store: ${config.EVENT_STORE})`);
}

main().catch((error: unknown) => {
  // Configuration and store problems are the operator's to fix: their message says how; a stack trace would not help.
  console.error(error instanceof ConfigError || error instanceof StoreUnavailableError ? error.message : error);
  process.exit(1);
});

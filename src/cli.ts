import 'reflect-metadata';
import { Command } from 'commander';
import { rmSync } from 'node:fs';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './bootstrap';
import { FIRST_QUERY, loadHaboDemo } from './demo/load-habo-demo';
import { rebuildCommand } from './projections/rebuild.command';

const program = new Command('samverkan').description('Samverkan command-line tools');

program
  .command('demo')
  .description('Start the service on a fresh demo store loaded with the Habo example')
  .option('--data-dir <dir>', 'where the demo store lives (wiped first)', './data/demo')
  .action(async (options: { dataDir: string }) => {
    rmSync(options.dataDir, { recursive: true, force: true });
    const config = loadConfig({ ...process.env, DATA_DIR: options.dataDir, EVENT_STORE: 'embedded' });
    const app = await createApp(config);
    await app.listen(config.PORT, config.HOST);
    await loadHaboDemo(app);
    const url = `http://localhost:${config.PORT}/graphql`;
    console.log(`\nSamverkan demo is running with the Habo example (data in ${options.dataDir}).`);
    console.log(`GraphQL: ${url}   GraphiQL: http://localhost:${config.PORT}/graphiql   Health: http://localhost:${config.PORT}/health`);
    console.log(`\nA first query to paste into GraphiQL:\n\n${FIRST_QUERY}\n`);
    console.log(`Or from a shell:\n  curl -s ${url} -H 'content-type: application/json' -d '${JSON.stringify({ query: FIRST_QUERY.replace(/\s+/g, ' ') })}'\n`);
  });

program
  .command('rebuild')
  .description('Drop every read model and replay all events (stop the service first)')
  .action(rebuildCommand);

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

import { spawnSync } from 'node:child_process';
import { ConfigError, loadConfig } from '../src/config/app-config';

describe('configuration', () => {
  it('has sensible defaults', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, DATA_DIR: './data', EVENT_STORE: 'embedded', NODE_ENV: 'development' });
  });

  it('reads values from the environment', () => {
    expect(loadConfig({ PORT: '8080', DATA_DIR: '/var/lib/samverkan' })).toMatchObject({ PORT: 8080, DATA_DIR: '/var/lib/samverkan' });
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['EVENT_STORE', { EVENT_STORE: 'mongodb' }],
    ['EVENTSTORE_CONNECTION_STRING', { EVENT_STORE: 'esdb' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['PROJECTION_LEASE_MS', { PROJECTION_LEASE_MS: '100' }],
    ['PROJECTION_HEARTBEAT_MS', { PROJECTION_LEASE_MS: '2000', PROJECTION_HEARTBEAT_MS: '1500' }],
  ])('a bad %s stops start-up with a message naming it', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n\\s+${variable}=`));
  });

  it('the service process exits with the message before listening', () => {
    const result = spawnSync(process.execPath, ['-r', './test/support/register-ts.js', 'src/main.ts'], {
      env: { ...process.env, PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT="not-a-port"');
  });
});

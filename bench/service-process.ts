/**
 * The built service (dist/) in a child process, so load generator and server
 * do not share an event loop. Used by the HTTP, query and start-up benches.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as fs from 'node:fs';

import { loadConfig } from '../src/config/app-config';
import { authSettings } from '../src/auth/auth-settings';
import { DevTokenIssuer } from '../src/auth/dev-token-issuer';

const DIST = path.resolve(__dirname, '..');

/** Production settings for the bench: real secrets (made up per run) and limits far above the load we send. */
const AUTH_SECRET = randomBytes(32).toString('hex');
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  AUTH_HS256_SECRET: AUTH_SECRET,
  INTEGRITY_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  RATE_LIMIT_MUTATIONS: '1000000000',
  RATE_LIMIT_EXPENSIVE_QUERIES: '1000000000',
};

/** A bearer token the bench's services accept (the same issuer the `token` CLI uses). */
export function benchToken(identity: { userId: string; organisationId: string | null; roles: ('admin' | 'coordinator' | 'auditor' | 'member' | 'signatory')[] }): Promise<string> {
  const config = loadConfig({ ...PRODUCTION_ENV });
  return new DevTokenIssuer(authSettings(config)).issue({ displayName: identity.userId, ...identity });
}

export interface BenchService {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 from /health. */
  startupMs: number;
  health(): Promise<{ projections: { eventsApplied: number; upToDate: boolean } }>;
  rssBytes(): number;
  stop(): Promise<void>;
}

let nextPort = 3900;

/** `entry` is `main` (npm start) or `demo` (npm run demo: a fresh Habo store). */
export async function startService(dataDir: string, entry: 'main' | 'demo' = 'main'): Promise<BenchService> {
  const port = nextPort++;
  const args = entry === 'main' ? [path.join(DIST, 'src/main.js')] : [path.join(DIST, 'src/cli.js'), 'demo', '--data-dir', dataDir];
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...PRODUCTION_ENV, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SHUTDOWN_DELAY_MS: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const ready = () => (entry === 'demo' ? stdout.includes('demo is running') : true);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health`)).ok && ready()) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const startupMs = performance.now() - started;
  return {
    url: `${base}/graphql`,
    pid: child.pid!,
    startupMs,
    health: async () => (await (await fetch(`${base}/health`)).json()) as Awaited<ReturnType<BenchService['health']>>,
    rssBytes: () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

import { loadConfig } from '../../../src/config/app-config';
import { authSettings } from '../../../src/auth/auth-settings';
import { DevTokenIssuer } from '../../../src/auth/dev-token-issuer';
import { Identity } from '../../../src/auth/identity';
import { productionEnv } from '../../auth/support/production-env';

/** The environment of a production instance, and tokens it accepts. */
export function production(extra: Record<string, string> = {}) {
  const env = productionEnv({ RATE_LIMIT_MUTATIONS: '1000000', RATE_LIMIT_EXPENSIVE_QUERIES: '1000000', ...extra });
  const issuer = new DevTokenIssuer(authSettings(loadConfig(env)));
  return { env, token: (identity: Identity) => issuer.issue(identity) };
}

export interface LogLine {
  level: string;
  msg: string;
  correlationId?: string;
  operation?: unknown;
  operationType?: unknown;
  outcome?: string;
  durationMs?: number;
  userId?: string | null;
  req?: { method: string; path: string };
  res?: { statusCode: number };
  [key: string]: unknown;
}

/** Every line must be a JSON object: a stray text line (a stack trace, a banner) fails the parse. */
export function logLines(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`Not a JSON log line: ${line}`);
      }
    });
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}

export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

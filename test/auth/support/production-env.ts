import { generateKeyPairSync } from 'node:crypto';

/** What production insists on besides NODE_ENV (other issues add their own requirements, e.g. the integrity key). */
export function productionEnv(extra: Record<string, string> = {}): Record<string, string> {
  const integrityKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { NODE_ENV: 'production', AUTH_HS256_SECRET: 'a-production-secret-of-at-least-32-characters', INTEGRITY_SIGNING_KEY: integrityKey, ...extra };
}

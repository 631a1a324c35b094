import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveEventMacKey, EventMacKey } from './event-authenticator';

/** Where a development or test service keeps the key it generated for itself. */
export const DEV_SIGNING_KEY_FILE = 'integrity-signing-key.pem';

export interface PublicSigningKey {
  /** First 16 hex digits of SHA-256 over the SPKI DER encoding: names the key in every checkpoint. */
  readonly keyId: string;
  readonly algorithm: 'Ed25519';
  readonly pem: string;
  readonly key: KeyObject;
}

export interface SigningKey {
  readonly publicKey: PublicSigningKey;
  /** The secret every event is authenticated with as it is written (see event-authenticator.ts). */
  readonly eventKey: EventMacKey;
  sign(message: string): string;
}

export function toPublicSigningKey(key: KeyObject | string): PublicSigningKey {
  const publicKey = typeof key === 'string' ? createPublicKey(key) : createPublicKey(key);
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`Expected an Ed25519 key, got ${publicKey.asymmetricKeyType}`);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
    algorithm: 'Ed25519',
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    key: publicKey,
  };
}

/** Accepts a PEM private key or the base64 of a PKCS#8 DER one (easier to put in an environment variable). */
export function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`INTEGRITY_SIGNING_KEY must be an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}

export function signingKeyFrom(privateKey: KeyObject): SigningKey {
  const publicKey = toPublicSigningKey(privateKey);
  return {
    publicKey,
    eventKey: deriveEventMacKey(privateKey, publicKey.keyId),
    sign: (message) => sign(null, Buffer.from(message), privateKey).toString('base64'),
  };
}

export function verifySignature(key: PublicSigningKey, message: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(message), key.key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The configured key, or (outside production) one generated once and kept in
 * DATA_DIR so checkpoints stay verifiable across restarts. `onGenerated` is
 * told, so the service can log that it made one.
 */
export function loadSigningKey(
  options: { configured?: string; dataDir: string; production: boolean },
  onGenerated: (file: string) => void = () => undefined,
): SigningKey {
  if (options.configured) return signingKeyFrom(parsePrivateKey(options.configured));
  if (options.production) throw new Error('INTEGRITY_SIGNING_KEY is required in production');
  const file = join(options.dataDir, DEV_SIGNING_KEY_FILE);
  if (existsSync(file)) return signingKeyFrom(parsePrivateKey(readFileSync(file, 'utf8')));
  const { privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(options.dataDir, { recursive: true });
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  onGenerated(file);
  return signingKeyFrom(privateKey);
}

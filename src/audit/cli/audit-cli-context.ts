import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import { AppConfig } from '../../config/app-config';
import { createEventStore } from '../../event-store/create-event-store';
import { EventStore } from '../../event-store/event-store.port';
import { openPostgresReadModels } from '../../projections/postgres-read-models';
import { EventMacKey } from '../integrity/event-authenticator';
import { IntegrityRecords } from '../integrity/integrity-records';
import { openIntegrityRecords } from '../integrity/integrity.providers';
import { DEV_SIGNING_KEY_FILE, parsePrivateKey, PublicSigningKey, SigningKey, signingKeyFrom, toPublicSigningKey } from '../integrity/signing-key';
import { INTEGRITY_RECORDS_FILE } from '../integrity/sqlite-integrity-records';

/** What the audit commands work with: the configured store, the integrity records (if any) and the keys to trust. */
export interface AuditCliContext {
  store: EventStore;
  records: IntegrityRecords | undefined;
  keys: PublicSigningKey[];
  /** The service's secret, when configured here: then authenticators are checked too. */
  eventKeys: EventMacKey[];
  close(): Promise<void>;
}

/** The service's own key, if this environment has it (INTEGRITY_SIGNING_KEY or the development key). Never generates one. */
function serviceKey(config: AppConfig): SigningKey | undefined {
  if (config.INTEGRITY_SIGNING_KEY) return signingKeyFrom(parsePrivateKey(config.INTEGRITY_SIGNING_KEY));
  const devKey = join(config.DATA_DIR, DEV_SIGNING_KEY_FILE);
  return existsSync(devKey) ? signingKeyFrom(parsePrivateKey(readFileSync(devKey, 'utf8'))) : undefined;
}

/**
 * Keys to trust: a public key file given on the command line, else the
 * configured signing key's public half, else the development key in DATA_DIR.
 * Never generates one: a new key would vouch for nothing.
 */
export function trustedKeys(config: AppConfig, publicKeyFile?: string): PublicSigningKey[] {
  if (publicKeyFile) return [toPublicSigningKey(readFileSync(publicKeyFile, 'utf8'))];
  const key = serviceKey(config);
  return key ? [key.publicKey] : [];
}

export async function openAuditCliContext(config: AppConfig, publicKeyFile?: string): Promise<AuditCliContext> {
  const keys = trustedKeys(config, publicKeyFile);
  const own = serviceKey(config);
  const eventKeys = own && keys.some((k) => k.keyId === own.publicKey.keyId) ? [own.eventKey] : [];
  let postgres: Kysely<unknown> | undefined;
  let records: IntegrityRecords | undefined;
  if (config.READ_MODEL_URL) {
    postgres = openPostgresReadModels(config.READ_MODEL_URL, { poolSize: 2 }) as unknown as Kysely<unknown>;
    records = await openIntegrityRecords(config, postgres);
  } else if (existsSync(join(config.DATA_DIR, INTEGRITY_RECORDS_FILE))) {
    records = await openIntegrityRecords(config);
  }
  // Verify and export only read: they run beside the service (see DataDirLock).
  const store = await createEventStore(config, { readOnly: true });
  return {
    store,
    records,
    keys,
    eventKeys,
    async close() {
      await records?.close();
      await postgres?.destroy();
      await store.close();
    },
  };
}

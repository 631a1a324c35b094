import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { createEventStore } from '../../event-store/create-event-store';
import { EventStore } from '../../event-store/event-store.port';
import { ChainLinksDb, CHAIN_LINKS_FILE } from '../integrity/chain-links-db';
import { DEV_SIGNING_KEY_FILE, parsePrivateKey, PublicSigningKey, toPublicSigningKey } from '../integrity/signing-key';

/** What the audit commands work with: the configured store, the recorded links (if any) and the keys to trust. */
export interface AuditCliContext {
  store: EventStore;
  links: ChainLinksDb | undefined;
  keys: PublicSigningKey[];
  close(): Promise<void>;
}

/**
 * Keys to trust: a public key file given on the command line, else the
 * configured signing key's public half, else the development key in DATA_DIR.
 * Never generates one: a new key would vouch for nothing.
 */
export function trustedKeys(config: AppConfig, publicKeyFile?: string): PublicSigningKey[] {
  if (publicKeyFile) return [toPublicSigningKey(readFileSync(publicKeyFile, 'utf8'))];
  if (config.INTEGRITY_SIGNING_KEY) return [toPublicSigningKey(parsePrivateKey(config.INTEGRITY_SIGNING_KEY))];
  const devKey = join(config.DATA_DIR, DEV_SIGNING_KEY_FILE);
  return existsSync(devKey) ? [toPublicSigningKey(parsePrivateKey(readFileSync(devKey, 'utf8')))] : [];
}

export async function openAuditCliContext(config: AppConfig, publicKeyFile?: string): Promise<AuditCliContext> {
  const linksFile = join(config.DATA_DIR, CHAIN_LINKS_FILE);
  const links = existsSync(linksFile) ? ChainLinksDb.open(linksFile) : undefined;
  // Verify and export only read: they run beside the service (see DataDirLock).
  const store = await createEventStore(config, { readOnly: true });
  return {
    store,
    links,
    keys: trustedKeys(config, publicKeyFile),
    async close() {
      links?.close();
      await store.close();
    },
  };
}

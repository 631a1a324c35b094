import { Logger, Provider } from '@nestjs/common';
import { Kysely } from 'kysely';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { EventStore } from '../../event-store/event-store.port';
import { AuthenticatingEventStore } from './authenticating-event-store';
import { IntegrityRecords } from './integrity-records';
import { IntegrityStatus } from './integrity-status';
import { PostgresIntegrityRecords } from './postgres-integrity-records';
import { loadSigningKey, SigningKey } from './signing-key';
import { INTEGRITY_RECORDS_FILE, SqliteIntegrityRecords } from './sqlite-integrity-records';

export const SIGNING_KEY = Symbol('IntegritySigningKey');
export const INTEGRITY_RECORDS = Symbol('IntegrityRecords');

export function serviceSigningKey(config: AppConfig): SigningKey {
  const logger = new Logger('Integrity');
  return loadSigningKey(
    { configured: config.INTEGRITY_SIGNING_KEY, dataDir: config.DATA_DIR, production: config.NODE_ENV === 'production' },
    (file) => logger.warn(`No INTEGRITY_SIGNING_KEY configured: generated an Ed25519 signing key in ${file} (development only)`),
  );
}

/**
 * What the write path needs from the integrity proof (InfrastructureModule
 * provides these): the signing key and the status, so that every append is
 * authenticated and refused while the store fails its check.
 */
export const integrityWriteProviders: Provider[] = [
  { provide: SIGNING_KEY, inject: [AppConfig], useFactory: serviceSigningKey },
  IntegrityStatus,
];

/** The configured event store, as the service writes to it. */
export function authenticatedEventStore(store: EventStore, key: SigningKey, status: IntegrityStatus): EventStore {
  return new AuthenticatingEventStore(store, key.eventKey, status);
}

/** Where the records are: the shared PostgreSQL database with READ_MODEL_URL, else a SQLite file in DATA_DIR. */
export function openIntegrityRecords(config: Pick<AppConfig, 'READ_MODEL_URL' | 'DATA_DIR'>, postgres?: Kysely<unknown>): Promise<IntegrityRecords> | IntegrityRecords {
  if (config.READ_MODEL_URL) {
    if (!postgres) throw new Error('READ_MODEL_URL is set, but no PostgreSQL connection was given for the integrity records');
    return PostgresIntegrityRecords.open(postgres);
  }
  return SqliteIntegrityRecords.open(join(config.DATA_DIR, INTEGRITY_RECORDS_FILE));
}

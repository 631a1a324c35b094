import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { Clock } from '../../shared/clock';
import { ChainLinksDb, CHAIN_LINKS_FILE } from './chain-links-db';
import { IntegrityChainer } from './integrity-chainer';
import { loadSigningKey, PublicSigningKey, SigningKey } from './signing-key';
import { verifyStore } from './verify-store';
import { VerifyReport } from './verify-report';

/**
 * The service's side of the integrity proof: chains every event as it is
 * stored, signs checkpoints per the configured policy, publishes the public
 * key and verifies on request.
 */
@Injectable()
export class IntegrityService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Integrity');
  private readonly key: SigningKey;
  private readonly links: ChainLinksDb;
  readonly chainer: IntegrityChainer;

  constructor(
    config: AppConfig,
    clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.key = loadSigningKey(
      { configured: config.INTEGRITY_SIGNING_KEY, dataDir: config.DATA_DIR, production: config.NODE_ENV === 'production' },
      (file) => this.logger.warn(`No INTEGRITY_SIGNING_KEY configured: generated an Ed25519 signing key in ${file} (development only)`),
    );
    this.links = ChainLinksDb.open(join(config.DATA_DIR, CHAIN_LINKS_FILE));
    const policy = { everyEvents: config.INTEGRITY_CHECKPOINT_EVERY_EVENTS, everyMinutes: config.INTEGRITY_CHECKPOINT_EVERY_MINUTES };
    this.chainer = new IntegrityChainer(store, this.links, this.key, policy, () => clock.now(), (error) =>
      this.logger.error(`Chaining failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  get publicKey(): PublicSigningKey {
    return this.key.publicKey;
  }

  verify(): Promise<VerifyReport> {
    return verifyStore(this.store, { keys: [this.key.publicKey], links: this.links });
  }

  onApplicationBootstrap(): void {
    this.chainer.start();
  }

  /** Before the store closes (InfrastructureModule closes it on shutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.chainer.stop();
  }

  onApplicationShutdown(): void {
    this.links.close();
  }
}

import { Global, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { createEventStore } from './event-store/create-event-store';
import { EVENT_STORE, EventStore } from './event-store/event-store.port';
import { ALL_PROJECTIONS } from './projections/all-projections';
import { ProjectionApplier } from './projections/projection-applier';
import { ProjectionRunner } from './projections/projection-runner';
import { migrateReadModels, openReadModels, ReadModelDb } from './projections/read-model-database';
import { ProjectionService } from './projections/projection-service';
import { CommittedChangeFeed } from './projections/committed-change-feed';
import { ProjectionLeadership, SingleProcessLeadership } from './projections/leadership/projection-leadership';
import { PostgresLeaseLeadership } from './projections/leadership/postgres-lease-leadership';
import { READ_MODEL_DB } from './projections/read-model-db.token';
import { CommandExecutor } from './shared/commands/command-executor';
import { Clock, SystemClock } from './shared/clock';
import { CommandContextFactory } from './shared/commands/command-context.factory';
import { ReadYourWrites } from './shared/commands/read-your-writes';
import { CommandRunner } from './shared/commands/command-runner';
import { authenticatedEventStore, integrityWriteProviders, SIGNING_KEY } from './audit/integrity/integrity.providers';
import { IntegrityStatus } from './audit/integrity/integrity-status';
import { SigningKey } from './audit/integrity/signing-key';
import { withAppendMetrics } from './observability/metrics/instrumented-event-store';
import { StoreWriteHealth } from './health/store-write-health';

const PROJECTION_LEADERSHIP = Symbol('ProjectionLeadership');

/** Starts after everything is wired and stops in reverse: projections, then the databases. */
class Lifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readDb: ReadModelDb,
    private readonly projections: ProjectionService,
    private readonly changes: CommittedChangeFeed,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.projections.start();
    await this.changes.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.changes.stop();
    await this.projections.stop();
    await this.readDb.destroy();
    await this.store.close();
  }
}

/** The event store, the read models and the write path, shared by every bounded context. */
@Global()
@Module({
  providers: [
    { provide: Clock, useClass: SystemClock },
    StoreWriteHealth,
    // Every event is authenticated as it is written, and writes stop when the store fails its integrity check.
    ...integrityWriteProviders,
    {
      provide: EVENT_STORE,
      inject: [AppConfig, SIGNING_KEY, IntegrityStatus, StoreWriteHealth],
      useFactory: async (config: AppConfig, key: SigningKey, status: IntegrityStatus, writes: StoreWriteHealth) =>
        withAppendMetrics(authenticatedEventStore(await createEventStore(config), key, status), writes.record),
    },
    {
      provide: READ_MODEL_DB,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const db = openReadModels(config);
        await migrateReadModels(db);
        return db;
      },
    },
    {
      provide: PROJECTION_LEADERSHIP,
      inject: [AppConfig],
      useFactory: (config: AppConfig): ProjectionLeadership =>
        config.READ_MODEL_URL
          ? new PostgresLeaseLeadership(config.READ_MODEL_URL, { leaseMs: config.PROJECTION_LEASE_MS, heartbeatMs: config.PROJECTION_HEARTBEAT_MS })
          : new SingleProcessLeadership(),
    },
    {
      provide: ProjectionService,
      inject: [ProjectionRunner, PROJECTION_LEADERSHIP, READ_MODEL_DB],
      useFactory: (runner: ProjectionRunner, leadership: ProjectionLeadership, db: ReadModelDb) => new ProjectionService(runner, leadership, db),
    },
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, READ_MODEL_DB, PROJECTION_LEADERSHIP],
      useFactory: (store: EventStore, db: ReadModelDb, leadership: ProjectionLeadership) =>
        // Every batch checks, in its own transaction, that this process still holds the lease (fencing).
        new ProjectionRunner(store, db, new ProjectionApplier(ALL_PROJECTIONS, undefined, (trx) => leadership.fence(trx))),
    },
    {
      provide: CommittedChangeFeed,
      inject: [EVENT_STORE, ProjectionRunner, ProjectionService],
      useFactory: (store: EventStore, runner: ProjectionRunner, projections: ProjectionService) =>
        new CommittedChangeFeed(store, runner, projections),
    },
    { provide: CommandExecutor, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CommandExecutor(store) },
    CommandContextFactory,
    ReadYourWrites,
    CommandRunner,
    Lifecycle,
  ],
  exports: [Clock, StoreWriteHealth, EVENT_STORE, SIGNING_KEY, IntegrityStatus, READ_MODEL_DB, ProjectionRunner, ProjectionService, CommittedChangeFeed, CommandExecutor, CommandContextFactory, ReadYourWrites, CommandRunner],
})
export class InfrastructureModule {}

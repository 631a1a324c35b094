import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { ProjectionService } from '../../projections/projection-service';
import { Clock } from '../../shared/clock';
import { KeptCheckpoint } from './checkpoint';
import { IntegrityChainer } from './integrity-chainer';
import { IntegrityRecords } from './integrity-records';
import { IntegrityStatus } from './integrity-status';
import { INTEGRITY_RECORDS, SIGNING_KEY } from './integrity.providers';
import { PublicSigningKey, SigningKey } from './signing-key';
import { verifyIncrementally } from './verify-incrementally';
import { ExpectedCheckpoint, verifyStore } from './verify-store';
import { describeReport, VerifyReport } from './verify-report';

/** How often a follower looks whether it has become the projection leader (and so the one that chains). */
const LEADERSHIP_POLL_MS = 500;

/**
 * The service's side of the integrity proof. The projection leader chains
 * (exactly one instance at a time, whatever the deployment); every instance
 * checks the store at start and every few minutes, incrementally from the
 * last verified checkpoint, and on a failure turns read-only (or, with
 * INTEGRITY_ON_FAILURE=stop, refuses to start), says so in /health and the
 * log, and chains nothing more.
 */
@Injectable()
export class IntegrityService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Integrity');
  private chainer?: IntegrityChainer;
  /** Starting or stopping the chainer, one at a time. */
  private changing: Promise<void> | null = null;
  private supervisor?: NodeJS.Timeout;
  private selfCheckTimer?: NodeJS.Timeout;
  private selfChecking?: Promise<VerifyReport>;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SIGNING_KEY) private readonly key: SigningKey,
    @Inject(INTEGRITY_RECORDS) private readonly records: IntegrityRecords,
    private readonly status: IntegrityStatus,
    private readonly projections: ProjectionService,
  ) {
    status.reportChaining(() => {
      const chained = this.chainer?.status();
      return { chaining: chained !== undefined && !chained.failed, chainedUpTo: chained?.lastPosition ?? null };
    });
  }

  /** Where this instance's chain has reached; `undefined` while it does not chain (not the leader). */
  chainedUpTo(): { lastPosition: string | null } | undefined {
    const chained = this.chainer?.status();
    return chained && { lastPosition: chained.lastPosition };
  }

  get publicKey(): PublicSigningKey {
    return this.key.publicKey;
  }

  /** The whole chain, with every piece of evidence there is (GraphQL `verifyIntegrity`). */
  verify(expected: readonly ExpectedCheckpoint[] = []): Promise<VerifyReport> {
    return verifyStore(this.store, { keys: [this.key.publicKey], eventKeys: [this.key.eventKey], records: this.records, expected });
  }

  /** Signs the head now, when this instance chains and anything is new (operators, tests). */
  async checkpointNow(): Promise<void> {
    await this.changing;
    await this.chainer?.checkpointNow();
  }

  latestCheckpoint(): Promise<KeptCheckpoint | undefined> {
    return this.records.latestCheckpoint();
  }

  /** Only what came after the last verified checkpoint (see verifyIncrementally); one at a time. */
  selfCheck(): Promise<VerifyReport> {
    this.selfChecking ??= this.runSelfCheck().finally(() => (this.selfChecking = undefined));
    return this.selfChecking;
  }

  async onApplicationBootstrap(): Promise<void> {
    const report = await this.selfCheck();
    if (!report.intact && this.config.INTEGRITY_ON_FAILURE === 'stop') {
      throw new Error(`The event store failed its integrity check, and INTEGRITY_ON_FAILURE=stop: ${describeReport(report)}`);
    }
    this.supervise();
    this.supervisor = setInterval(() => this.supervise(), LEADERSHIP_POLL_MS);
    this.supervisor.unref();
    // A check that cannot run (the records' database unreachable) is tried again next time; it must not end the process.
    const selfCheck = () => this.selfCheck().catch((error: unknown) => this.logger.error(`Integrity self-check could not run: ${error instanceof Error ? error.message : String(error)}`));
    this.selfCheckTimer = setInterval(() => void selfCheck(), this.config.INTEGRITY_SELF_CHECK_EVERY_MINUTES * 60_000);
    this.selfCheckTimer.unref();
  }

  /** Before the store closes (InfrastructureModule closes it on shutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.supervisor);
    clearInterval(this.selfCheckTimer);
    await this.selfChecking?.catch(() => undefined);
    await this.changing;
    await this.stopChaining();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.records.close();
  }

  private async runSelfCheck(): Promise<VerifyReport> {
    const report = await verifyIncrementally(this.store, this.records, [this.key.publicKey], [this.key.eventKey]);
    this.status.checked(report, this.clock.now());
    if (!report.intact) {
      this.logger.error(`The event store failed its integrity check; writes are refused: ${describeReport(report)}`);
      await this.changing;
      await this.stopChaining();
    } else if (report.latestCheckpoint) {
      // A checkpoint another instance signed: kept here too, so the next check starts after it.
      await this.records.keepCheckpoint(report.latestCheckpoint);
    }
    return report;
  }

  /** The projection leader chains; an instance that stops leading stops chaining. */
  private supervise(): void {
    const leads = this.projections.isLeader && !this.status.failed;
    if (this.changing || leads === (this.chainer !== undefined)) return;
    this.changing = (leads ? this.startChaining() : this.stopChaining())
      .catch((error: unknown) => this.logger.error(`Chaining could not ${leads ? 'start' : 'stop'}: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.changing = null));
  }

  private async startChaining(): Promise<void> {
    const policy = { everyEvents: this.config.INTEGRITY_CHECKPOINT_EVERY_EVENTS, everyMinutes: this.config.INTEGRITY_CHECKPOINT_EVERY_MINUTES };
    const chainer = new IntegrityChainer(this.store, this.records, this.key, policy, {
      clock: () => this.clock.now(),
      onFailure: (report) => {
        this.status.checked(report, this.clock.now());
        this.logger.error(`Chaining stopped, writes are refused: ${describeReport(report)}`);
        setImmediate(() => this.supervise()); // let the halted chainer go now rather than at the next poll
      },
      onError: (error) => this.logger.error(`Chaining failed: ${error instanceof Error ? error.message : String(error)}`),
    });
    this.chainer = chainer;
    await chainer.start().catch((error: unknown) => {
      this.logger.error(`Chaining could not start: ${error instanceof Error ? error.message : String(error)}`);
      // Not chaining after all (e.g. the records' database was unreachable): the next poll tries again.
      if (this.chainer === chainer) this.chainer = undefined;
    });
  }

  private async stopChaining(): Promise<void> {
    const chainer = this.chainer;
    this.chainer = undefined;
    await chainer?.stop();
  }
}

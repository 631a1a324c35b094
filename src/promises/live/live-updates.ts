import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RecordedEvent } from '../../event-store/event-store.port';
import { CommittedChangeFeed } from '../../projections/committed-change-feed';
import { AgreementQueries } from '../../agreements/read-models/agreements.queries';
import { PromiseQueries } from '../read-models/promises.queries';
import { ActivityLogQueries } from '../read-models/activity-log.queries';
import { LiveTopics } from './live-topics';

export const TOPICS = { promiseChanged: 'PROMISE_CHANGED', agreementChanged: 'AGREEMENT_CHANGED', activityLogged: 'ACTIVITY_LOGGED' } as const;

const LOG_ENTRY_EVENTS = new Set(['ActivityLogged', 'ActivityCorrected']);

/**
 * Publishes what changed to GraphQL subscribers, from the projection side and
 * only after the read-model transaction committed (on every instance, leader
 * or follower: see CommittedChangeFeed): the agreement, promise or
 * log entry sent is read from the read models, so a subscriber sees exactly
 * what a query would now return (never state that could still roll back).
 */
@Injectable()
export class LiveUpdates implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LiveUpdates');
  private unsubscribe?: () => void;
  private publishing: Promise<void> = Promise.resolve();

  constructor(
    private readonly changes: CommittedChangeFeed,
    private readonly topics: LiveTopics,
    private readonly agreements: AgreementQueries,
    private readonly promises: PromiseQueries,
    private readonly activityLog: ActivityLogQueries,
  ) {}

  onApplicationBootstrap(): void {
    // One batch after the other, so subscribers get changes in commit order.
    this.unsubscribe = this.changes.onCommitted((batch) => {
      this.publishing = this.publishing.then(() => this.publish(batch)).catch((error: unknown) => this.logger.warn(String(error)));
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.publishing;
  }

  private async publish(batch: readonly RecordedEvent[]): Promise<void> {
    const agreementIds = new Set<string>();
    const promiseIds = new Set<string>();
    const entries: [string, string][] = [];
    for (const event of batch) {
      const data = event.data as { agreementId?: string; promiseId?: string; entryId?: string };
      if (event.streamName.startsWith('agreement-') && data.agreementId) agreementIds.add(data.agreementId);
      if (event.streamName.startsWith('promise-') && data.promiseId) {
        if (LOG_ENTRY_EVENTS.has(event.type)) entries.push([data.promiseId, data.entryId!]);
        else promiseIds.add(data.promiseId);
      }
    }
    for (const agreement of (await this.agreements.byIds([...agreementIds])).values()) {
      this.topics.publish(TOPICS.agreementChanged, { agreementChanged: agreement });
    }
    for (const promise of (await this.promises.byIds([...promiseIds])).values()) {
      this.topics.publish(TOPICS.promiseChanged, { promiseChanged: promise });
    }
    for (const [promiseId, entryId] of entries) {
      const entry = await this.activityLog.byId(promiseId, entryId);
      if (entry) this.topics.publish(TOPICS.activityLogged, { activityLogged: entry });
    }
  }
}

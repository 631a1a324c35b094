import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore, EventToAppend, JsonObject } from '../../event-store/event-store.port';
import { MAX_APPEND_BYTES, splitBySize } from '../../event-store/append-size';
import { WrongExpectedRevisionError } from '../../event-store/event-store.errors';
import { Clock } from '../../shared/clock';
import { Actor, EVENT_SCHEMA_VERSION } from '../../shared/commands/command-context';
import { CommandContextFactory, RequestInfo } from '../../shared/commands/command-context.factory';
import { RateLimiter } from '../../auth/rate-limiter';
import { RequestIdentity } from '../../auth/request-identity';
import { PendingReads } from './pending-reads';
import { PERSONAL_DATA_READ_EVENT_TYPE, PersonalDataReadData, personalDataReadStream } from './personal-data-read.event';

/** Half of EventStoreDB's limit per append: an operation that read a great deal is logged in several appends. */
const RECORD_APPEND_BYTES = MAX_APPEND_BYTES / 2;
const APPEND_ATTEMPTS = 10;
/**
 * Counts per entry: one (subject, field) count is at most ~200 bytes of JSON (ids and names clipped in
 * pending-reads.ts, fields from a fixed list), so an entry's data stays under 8 KiB. A page of 500 activity
 * notes of one promise is one count; an operation reading about more subjects spills into further entries,
 * each charged to the caller's `logged-read` budget.
 */
export const MAX_COUNTS_PER_ENTRY = 32;
/** The bound the README states: data plus metadata of one entry. */
export const MAX_ENTRY_BYTES = 8 * 1024;

const ANONYMOUS: Actor = { userId: 'anonymous', displayName: 'Anonymous', organisationId: null, role: 'anonymous', roles: [] };

/** The same caller key the access guard counts by: the user, or the address of an anonymous caller. */
const callerOf = (request: Partial<RequestIdentity>): string =>
  request.viewer ? `user:${request.viewer.userId}` : `ip:${request.clientIp ?? 'unknown'}`;

/** One recorder per application, found from the Fastify instance the GraphQL context carries. */
const recorders = new WeakMap<object, PersonalDataReadRecorder>();

export function recorderFor(app: object): PersonalDataReadRecorder {
  for (let instance: object | null = app; instance; instance = Object.getPrototypeOf(instance) as object | null) {
    const recorder = recorders.get(instance);
    if (recorder) return recorder;
  }
  throw new Error('Personal data was read but no read-access log is configured (AuditModule missing)');
}

/**
 * Records personal-data reads as events (`PersonalDataRead`), so the log of
 * consultation is part of the hash-chained history on every store, and is
 * projected into a queryable read model. The reader comes from the same place
 * commands take their actor: CommandContextFactory and the GraphQL context.
 */
@Injectable()
export class PersonalDataReadRecorder implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly contexts: CommandContextFactory,
    private readonly clock: Clock,
    private readonly http: HttpAdapterHost,
    private readonly limiter: RateLimiter,
  ) {}

  onModuleInit(): void {
    recorders.set(this.http.httpAdapter.getInstance() as object, this);
  }

  /** Refused (RATE_LIMITED) past the caller's budget of entries, and failing when the store refuses: no read without its entry. */
  async record(request: object, pending: PendingReads): Promise<void> {
    const counts = [...pending.counts.values()];
    if (counts.length === 0) return;
    const entries = Math.ceil(counts.length / MAX_COUNTS_PER_ENTRY);
    this.limiter.consume('logged-read', callerOf(request as RequestIdentity), entries);
    const { actor, correlationId, occurredAt } = this.whoAndWhen(request as RequestInfo);
    const commandId = randomUUID();
    const metadata: JsonObject = {
      commandId, commandType: 'RecordPersonalDataRead', correlationId, causationId: correlationId,
      actor: { ...actor }, occurredAt: occurredAt.toISOString(), schemaVersion: EVENT_SCHEMA_VERSION,
    };
    const events: EventToAppend[] = [];
    for (let i = 0; i < counts.length; i += MAX_COUNTS_PER_ENTRY) {
      const data: PersonalDataReadData = {
        version: 2, operationName: pending.operationName, documentHash: pending.documentHash, reads: counts.slice(i, i + MAX_COUNTS_PER_ENTRY),
      };
      events.push({ id: randomUUID(), type: PERSONAL_DATA_READ_EVENT_TYPE, data: data as unknown as JsonObject, metadata });
    }
    const stream = personalDataReadStream(actor.userId, occurredAt.toISOString().slice(0, 10));
    for (const group of splitBySize(events, RECORD_APPEND_BYTES)) await this.appendAtEnd(stream, group);
  }

  /**
   * At the stream's exact end, never with `any`: EventStoreDB de-duplicates an
   * `any` retry only while the node that took it remembers the ids (in memory,
   * per node), while an exact revision holds across restarts and leader
   * changes. The cost is one small read per record; another request of the
   * same reader the same day may take the revision first, hence the loop.
   */
  private async appendAtEnd(stream: string, events: EventToAppend[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      try {
        await this.store.append(stream, events, { expectedRevision: last ? last.revision : 'no_stream' });
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= APPEND_ATTEMPTS) throw error;
      }
    }
  }

  /** Anonymous callers are logged too: the public view should hold no personal data, and if it ever does, we see it. */
  private whoAndWhen(request: RequestInfo): { actor: Actor; correlationId: string; occurredAt: Date } {
    try {
      // A read happens when it is made: its business time is the server's clock.
      const { actor, correlationId, receivedAt } = this.contexts.create(request, null);
      return { actor, correlationId, occurredAt: receivedAt };
    } catch {
      return { actor: ANONYMOUS, correlationId: request.correlationId ?? randomUUID(), occurredAt: this.clock.now() };
    }
  }
}

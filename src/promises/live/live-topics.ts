import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';

/**
 * How far one subscriber may fall behind (a client that stops reading its
 * socket): beyond this its subscription ends with SUBSCRIBER_TOO_SLOW, rather
 * than the server holding every change for it in memory.
 */
export const MAX_BACKLOG = 1000;

/**
 * Topics and their subscribers, in this process. Every instance publishes
 * what its own read models committed (LiveUpdates), so subscribers on any
 * instance hear of every change without a broker between instances.
 */
@Injectable()
export class LiveTopics {
  private readonly subscribers = new Map<string, Set<Backlog>>();

  publish(topic: string, payload: unknown): void {
    for (const backlog of this.subscribers.get(topic) ?? []) backlog.push(payload);
  }

  subscribe(topic: string): AsyncIterableIterator<unknown> {
    const listeners = this.subscribers.get(topic) ?? new Set<Backlog>();
    this.subscribers.set(topic, listeners);
    const backlog = new Backlog(() => listeners.delete(backlog));
    listeners.add(backlog);
    return backlog;
  }
}

/** One subscriber's changes not yet taken, and the taker waiting for the next. */
class Backlog implements AsyncIterableIterator<unknown> {
  private readonly values: unknown[] = [];
  private waiting: ((step: IteratorResult<unknown>) => void) | null = null;
  private failure: GraphQLError | null = null;
  private ended = false;

  constructor(private readonly leave: () => void) {}

  push(value: unknown): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
    } else if (this.values.length < MAX_BACKLOG) {
      this.values.push(value);
    } else {
      this.failure = new GraphQLError(`The subscriber fell more than ${MAX_BACKLOG} changes behind; subscribe again`, {
        extensions: { code: 'SUBSCRIBER_TOO_SLOW' },
      });
      this.values.length = 0;
      this.finish();
    }
  }

  next(): Promise<IteratorResult<unknown>> {
    if (this.values.length > 0) return Promise.resolve({ value: this.values.shift(), done: false });
    if (this.failure) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<unknown>> {
    this.values.length = 0;
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.leave();
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
  }
}

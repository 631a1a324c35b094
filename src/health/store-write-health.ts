import { Injectable } from '@nestjs/common';
import { StoreUnavailableError } from '../event-store/event-store.errors';

/**
 * Whether the last append could be written. A full disk or a read-only store
 * still answers reads (the head position), so readiness learns of it here:
 * from the last append refused as STORE_UNAVAILABLE, until one succeeds.
 */
@Injectable()
export class StoreWriteHealth {
  private failure: { error: string; at: Date } | null = null;

  readonly record = (error?: unknown): void => {
    if (error === undefined) this.failure = null;
    else if (error instanceof StoreUnavailableError) this.failure = { error: error.message, at: new Date() };
  };

  get lastFailure(): { error: string; at: string } | null {
    return this.failure && { error: this.failure.error, at: this.failure.at.toISOString() };
  }
}

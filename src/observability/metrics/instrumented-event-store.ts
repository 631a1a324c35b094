import { EventStore } from '../../event-store/event-store.port';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../../event-store/event-store.errors';
import { eventStoreAppendDuration } from './metrics';

/**
 * The configured store with its appends timed (samverkan_event_store_append_duration_seconds)
 * and their outcome reported to `onAppend` (readiness: a full disk).
 * A Proxy rather than a wrapper class, so whatever else the adapter offers
 * (raw reads for the verifier, diagnostics) passes through untouched.
 */
export function withAppendMetrics<S extends EventStore>(store: S, onAppend?: (error?: unknown) => void): S {
  const append: EventStore['append'] = async (...args) => {
    const stopTimer = eventStoreAppendDuration.startTimer();
    try {
      const result = await store.append(...args);
      stopTimer({ outcome: 'ok' });
      onAppend?.();
      return result;
    } catch (error) {
      stopTimer({ outcome: outcomeOf(error) });
      onAppend?.(error);
      throw error;
    }
  };
  return new Proxy(store, {
    get: (target, property) => (property === 'append' ? append : bound(Reflect.get(target, property), target)),
  });
}

function bound(value: unknown, target: object): unknown {
  return typeof value === 'function' ? value.bind(target) : value;
}

function outcomeOf(error: unknown): string {
  if (error instanceof WrongExpectedRevisionError) return 'conflict';
  if (error instanceof StoreUnavailableError) return 'unavailable';
  return 'error';
}

import { BusinessTimeInput, resolveBusinessTime } from './business-time';
import { Decider } from './decider';
import { DomainError } from './domain-error';
import { fold } from './fold';
import { findNonJson } from './json';

/**
 * Emmett-style decider tests:
 *   given(promiseDecider, [drafted, adopted]).when(logActivity).then([activityLogged]);
 *   given(promiseDecider, []).when(adopt).thenThrows('PROMISE_NOT_FOUND');
 * Besides comparing events it checks what every decider owes the event store:
 * produced payloads are plain JSON, and neither decide nor evolve mutates its
 * inputs (events, state and command are deep-frozen, so a mutation throws).
 * No jest import: this file compiles with the production build too. When jest's
 * global `expect` is present it is used for readable diffs.
 */
export function given<C, E, S>(decider: Decider<C, E, S>, events: readonly E[] = []) {
  return {
    when(command: C) {
      const decide = () => decider.decide(deepFreeze(command), deepFreeze(fold(decider, deepFreeze(events))));
      /** As the executor does it: the command must be accepted, then its business time is resolved. */
      const businessTime = (clock: BusinessTimeInput) => {
        const state = deepFreeze(fold(decider, deepFreeze(events)));
        decider.decide(deepFreeze(command), state);
        return resolveBusinessTime(decider.businessTime?.(command, state) ?? {}, clock);
      };
      return {
        /** The business instant the command's events carry, given the client's `occurredAt` and the clock. */
        happensAt(clock: BusinessTimeInput): Date {
          return businessTime(clock);
        },
        /** Asserts its business time is refused with this code; returns the error. */
        refusesBusinessTime(clock: BusinessTimeInput, code: string): DomainError {
          try {
            businessTime(clock);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            if (error.code !== code) throw new Error(`Expected DomainError ${code} but got ${error.code}: ${error.message}`);
            return error;
          }
          throw new Error(`Expected business time to be refused with ${code}`);
        },
        then(expected: readonly E[]): E[] {
          // An object with a `then` method is a thenable: awaiting it would call then(resolve, reject).
          if (!Array.isArray(expected)) throw new Error('then() takes the expected events; do not await the when() result');
          const actual = decide();
          actual.forEach((event, i) => {
            const bad = findNonJson(event);
            if (bad) throw new Error(`Event #${i} is not plain JSON at ${bad}: ${show(event)}`);
          });
          const jestExpect = (globalThis as { expect?: (v: unknown) => { toStrictEqual(e: unknown): void } }).expect;
          if (jestExpect) jestExpect(actual).toStrictEqual(expected);
          else if (canonical(actual) !== canonical(expected)) {
            throw new Error(`Expected events ${show(expected)}\nbut got ${show(actual)}`);
          }
          return actual;
        },
        /** Asserts the command is refused with this DomainError code; returns the error for detail checks. */
        thenThrows(code: string): DomainError {
          let produced: E[];
          try {
            produced = decide();
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            if (error.code !== code) throw new Error(`Expected DomainError ${code} but got ${error.code}: ${error.message}`);
            return error;
          }
          throw new Error(`Expected DomainError ${code} but decide produced ${show(produced)}`);
        },
      };
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** JSON with sorted keys, so key order does not matter when comparing without jest. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const show = (value: unknown) => JSON.stringify(value, null, 2);

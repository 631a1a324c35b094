/** Returned by a mapping to leave a value out of the stream. */
export const SKIP: unique symbol = Symbol('skip');

/**
 * A stream of `map(value)` for each value of `source`, leaving out SKIPs, one
 * after the other. Written out rather than as an async generator: a generator
 * waiting for its source's next value cannot be ended until that value comes,
 * while `return()` here ends the source at once (a subscriber that leaves
 * must not keep its listener until the next change).
 */
export function mapAsyncIterable<T, U>(source: AsyncIterable<T>, map: (value: T) => Promise<U | typeof SKIP> | U | typeof SKIP): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const end = async (): Promise<IteratorResult<U>> => {
    await iterator.return?.();
    return { value: undefined, done: true };
  };
  return {
    async next(): Promise<IteratorResult<U>> {
      for (;;) {
        const step = await iterator.next();
        if (step.done) return { value: undefined, done: true };
        let mapped: U | typeof SKIP;
        try {
          mapped = await map(step.value);
        } catch (error) {
          await iterator.return?.();
          throw error;
        }
        if (mapped !== SKIP) return { value: mapped, done: false };
      }
    },
    return: end,
    async throw(error: unknown) {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** What a caller waiting for read models learns: they got there, one of them is stopped, or time ran out. */
export type WaitOutcome = { reached: true } | { reached: false; failing?: string };

interface Waiter {
  check(): WaitOutcome | undefined;
  resolve(outcome: WaitOutcome): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Callers waiting for some read models to reach a position (read-your-writes).
 * Each waiter says by itself when it is done; they are looked at again whenever
 * a projection moves or changes state.
 */
export class ProjectionWaiters {
  private waiters: Waiter[] = [];

  add(check: () => WaitOutcome | undefined, timeoutMs: number): Promise<WaitOutcome> {
    const now = check();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        check,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve({ reached: false });
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  recheck(): void {
    if (this.waiters.length === 0) return;
    const pending: Waiter[] = [];
    for (const waiter of this.waiters) {
      const outcome = waiter.check();
      if (!outcome) {
        pending.push(waiter);
        continue;
      }
      clearTimeout(waiter.timer);
      waiter.resolve(outcome);
    }
    this.waiters = pending;
  }

  rejectAll(error: Error): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters = [];
  }
}

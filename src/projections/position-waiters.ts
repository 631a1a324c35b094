import { Position } from '../event-store/event-store.port';
import { comparePositions } from '../event-store/position';

interface Waiter {
  position: Position;
  resolve(reached: boolean): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Callers waiting for the read models to reach a position (read-your-writes). */
export class PositionWaiters {
  private waiters: Waiter[] = [];

  add(position: Position, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  resolveUpTo(reached: Position): void {
    const [done, pending] = partition(this.waiters, (w) => comparePositions(w.position, reached) <= 0);
    this.waiters = pending;
    for (const waiter of done) {
      clearTimeout(waiter.timer);
      waiter.resolve(true);
    }
  }

  rejectAll(error: Error): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters = [];
  }
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

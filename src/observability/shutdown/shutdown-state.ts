import { Injectable } from '@nestjs/common';

/**
 * Whether this process is on its way out. Set first thing on SIGTERM, so
 * readiness fails and load balancers stop sending new requests while the
 * listener still serves the ones already on their way.
 */
@Injectable()
export class ShutdownState {
  private since: Date | null = null;

  get shuttingDown(): boolean {
    return this.since !== null;
  }

  /** When the shutdown began (null while running normally). */
  get shuttingDownSince(): Date | null {
    return this.since;
  }

  begin(): void {
    this.since ??= new Date();
  }
}

import type { INestApplication, LoggerService } from '@nestjs/common';
import { ShutdownState } from './shutdown-state';

export interface GracefulShutdownOptions {
  /** SIGTERM: how long readiness fails before the listener closes (load balancers need a moment to notice). */
  delayMs: number;
  /** After the signal: how long in-flight requests and shutdown hooks may take before the process exits anyway. */
  timeoutMs: number;
  logger: LoggerService;
}

/**
 * On SIGTERM (an orchestrator stopping the instance): readiness fails at once,
 * the listener stays open for `delayMs`, then closes and lets in-flight
 * requests finish, then the projections and stores stop. SIGINT (Ctrl-C at a
 * terminal) skips the delay. A second signal, or `timeoutMs`, exits at once.
 */
export function installGracefulShutdown(app: INestApplication, options: GracefulShutdownOptions): void {
  const state = app.get(ShutdownState);
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.shuttingDown) {
      options.logger.warn(`${signal} again: exiting without waiting`, 'Shutdown');
      process.exit(1);
    }
    state.begin();
    const delayMs = signal === 'SIGTERM' ? options.delayMs : 0;
    options.logger.log(`${signal}: shutting down; readiness fails now, the listener closes in ${delayMs} ms`, 'Shutdown');
    setTimeout(() => {
      options.logger.error(`Shutdown took longer than ${options.timeoutMs} ms: exiting anyway`, 'Shutdown');
      process.exit(1);
    }, delayMs + options.timeoutMs).unref();
    void new Promise((resolve) => setTimeout(resolve, delayMs))
      .then(() => app.close())
      .then(
        () => {
          options.logger.log('Stopped: in-flight requests finished, stores closed', 'Shutdown');
          process.exit(0); // a client library's idle timer must not keep a stopped service around
        },
        (error: unknown) => {
          options.logger.error(`Shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 'Shutdown');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

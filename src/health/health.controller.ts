import { Controller, Get, Inject } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { positionToString } from '../event-store/position';
import { ProjectionService } from '../projections/projection-service';
import { IntegrityStatus } from '../audit/integrity/integrity-status';
import { ShutdownState } from '../observability/shutdown/shutdown-state';

/** GET /health: is the store reachable, and how far behind it are the read models? */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionService,
    private readonly config: AppConfig,
    private readonly integrity: IntegrityStatus,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get()
  async health() {
    const projections = await this.projections.status();
    let head: string | null = null;
    let storeError: string | null = null;
    try {
      const position = await this.store.headPosition();
      head = position ? positionToString(position) : null;
    } catch (error) {
      storeError = error instanceof Error ? error.message : String(error);
    }
    const integrity = this.integrity.health();
    return {
      status: storeError || projections.lastError || integrity.status === 'failed' ? 'degraded' : 'ok',
      store: { kind: this.config.EVENT_STORE, reachable: storeError === null, headPosition: head, error: storeError },
      projections: { ...projections, upToDate: head === projections.checkpoint },
      integrity,
      // Readiness fails on this first when SIGTERM arrives (src/observability/shutdown).
      shuttingDown: this.shutdown.shuttingDown,
    };
  }
}

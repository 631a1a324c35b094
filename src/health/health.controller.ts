import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app-config';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { ProjectionService, ProjectionServiceStatus } from '../projections/projection-service';
import { IntegrityStatus } from '../audit/integrity/integrity-status';
import { ShutdownState } from '../observability/shutdown/shutdown-state';
import { notReadyReasons } from './readiness';
import { StoreWriteHealth } from './store-write-health';

/**
 * Probes. `/health/live`: the process can serve at all (a restart would not
 * help with anything /health/ready reports, so it stays 200 through them).
 * `/health/ready`: whether to send it traffic, 503 with the reasons when not.
 * `/health`: the detailed report, 503 when degraded.
 */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionService,
    private readonly config: AppConfig,
    private readonly integrity: IntegrityStatus,
    private readonly shutdown: ShutdownState,
    private readonly writes: StoreWriteHealth,
  ) {}

  @Get('live')
  live() {
    // Answering at all is the proof: the event loop turns and the listener serves.
    return { status: 'live' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const { reasons } = await this.gather();
    reply.status(reasons.length > 0 ? 503 : 200);
    return { status: reasons.length > 0 ? 'not_ready' : 'ready', reasons };
  }

  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const { reasons, projections, storeError } = await this.gather();
    const integrity = this.integrity.health();
    reply.status(reasons.length > 0 ? 503 : 200);
    return {
      status: reasons.length > 0 ? 'degraded' : 'ok',
      reasons,
      store: {
        kind: this.config.EVENT_STORE,
        reachable: storeError === null,
        headPosition: projections?.headPosition ?? null,
        error: storeError,
        lastWriteFailure: this.writes.lastFailure,
      },
      projections: projections && { ...projections, upToDate: projections.projections.every((p) => p.upToDate) },
      integrity,
      // Readiness fails on this first when SIGTERM arrives (src/observability/shutdown).
      shuttingDown: this.shutdown.shuttingDown,
    };
  }

  private async gather() {
    let projections: ProjectionServiceStatus | null = null;
    let storeError: string | null = null;
    try {
      projections = await this.projections.status();
    } catch (error) {
      storeError = error instanceof Error ? error.message : String(error);
    }
    const reasons = notReadyReasons({
      storeError,
      writeFailure: this.writes.lastFailure,
      projections,
      maxLagEvents: this.config.READY_MAX_LAG_EVENTS,
      shuttingDown: this.shutdown.shuttingDown,
      integrityFailed: this.integrity.health().status === 'failed',
    });
    return { reasons, projections, storeError };
  }
}

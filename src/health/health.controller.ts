import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { TokenVerifier } from '../auth/token-verifier';
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
 *
 * In production an outsider learns only up or down from them: what the store,
 * the projections and the failing events are is for an admin or an auditor
 * (Bearer token), or for the metrics port's operators.
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
    private readonly verifier: TokenVerifier,
  ) {}

  @Get('live')
  live() {
    // Answering at all is the proof: the event loop turns and the listener serves.
    return { status: 'live' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply, @Headers('authorization') authorization?: string) {
    const { reasons } = await this.gather();
    reply.status(reasons.length > 0 ? 503 : 200);
    const status = reasons.length > 0 ? 'not_ready' : 'ready';
    return (await this.mayReadDetails(authorization)) ? { status, reasons } : { status };
  }

  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply, @Headers('authorization') authorization?: string) {
    const { reasons, projections, storeError, shuttingDown } = await this.gather();
    const integrity = this.integrity.health();
    reply.status(reasons.length > 0 ? 503 : 200);
    const status = reasons.length > 0 ? 'degraded' : 'ok';
    if (!(await this.mayReadDetails(authorization))) return { status };
    return {
      status,
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
      shuttingDown,
    };
  }

  /** Outside production anyone may (development, tests); in production an admin's or an auditor's valid token. */
  private async mayReadDetails(authorization: string | undefined): Promise<boolean> {
    if (this.config.NODE_ENV !== 'production') return true;
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return false;
    const identity = await this.verifier.verify(token).catch(() => null);
    return identity !== null && identity.roles.some((role) => role === 'admin' || role === 'auditor');
  }

  private async gather() {
    let projections: ProjectionServiceStatus | null = null;
    let storeError: string | null = null;
    try {
      projections = await this.projections.status();
    } catch (error) {
      storeError = error instanceof Error ? error.message : String(error);
    }
    // Read once, so the report and its status agree when SIGTERM lands mid-request.
    const shuttingDown = this.shutdown.shuttingDown;
    const reasons = notReadyReasons({
      storeError,
      writeFailure: this.writes.lastFailure,
      projections,
      maxLagEvents: this.config.READY_MAX_LAG_EVENTS,
      shuttingDown,
      integrityFailed: this.integrity.health().status === 'failed',
    });
    return { reasons, projections, storeError, shuttingDown };
  }
}

import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { positionFromString } from '../../event-store/position';
import { ProjectionService } from '../../projections/projection-service';
import { IntegrityService } from '../../audit/integrity/integrity.service';
import { watchIntegrityLag, watchProjectionLag } from './lag-metrics';

const at = (position: string | null) => (position ? positionFromString(position) : undefined);

/** Points the lag gauges at the projections (each by its own checkpoint) and the integrity chainer. */
@Injectable()
export class LagMetricsWiring implements OnApplicationBootstrap, OnApplicationShutdown {
  private unwatch: (() => void)[] = [];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    const projections = this.moduleRef.get(ProjectionService, { strict: false });
    this.unwatch.push(
      watchProjectionLag(this.store, () => projections.checkpoints()),
    );
    const integrity = this.moduleRef.get(IntegrityService, { strict: false });
    // Only the projection leader chains; the others report no integrity lag of their own.
    this.unwatch.push(
      watchIntegrityLag(this.store, () => {
        const chained = integrity.chainedUpTo();
        return chained ? [{ name: 'events', position: at(chained.lastPosition) }] : [];
      }),
    );
  }

  onApplicationShutdown(): void {
    this.unwatch.forEach((stop) => stop());
    this.unwatch = [];
  }
}

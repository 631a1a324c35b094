import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { positionFromString } from '../../event-store/position';
import { ALL_PROJECTIONS } from '../../projections/all-projections';
import { ProjectionService } from '../../projections/projection-service';
import { IntegrityService } from '../../audit/integrity/integrity.service';
import { watchIntegrityLag, watchProjectionLag } from './lag-metrics';

const at = (position: string | null) => (position ? positionFromString(position) : undefined);

/**
 * Points the lag gauges at the projections and the integrity chainer. Today
 * every projection moves with one shared checkpoint, so each reports the same
 * lag; a runner with one checkpoint per projection reports its own here.
 */
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
      watchProjectionLag(this.store, async () => {
        const checkpoint = at((await projections.status()).checkpoint);
        return ALL_PROJECTIONS.map(({ name }) => ({ name, position: checkpoint }));
      }),
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

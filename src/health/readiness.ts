import { ProjectionServiceStatus } from '../projections/projection-service';

/** Why this instance should not take traffic now; an empty list means ready. */
export interface NotReadyReason {
  reason: 'store_unreachable' | 'store_refuses_writes' | 'projection_failing' | 'projection_lagging' | 'shutting_down' | 'integrity_failed';
  message: string;
  projection?: string;
  event?: unknown;
  error?: string;
  lagEvents?: number;
}

export interface ReadinessInputs {
  storeError: string | null;
  writeFailure: { error: string; at: string } | null;
  projections: ProjectionServiceStatus | null;
  maxLagEvents: number;
  shuttingDown: boolean;
  integrityFailed: boolean;
}

/** The reasons, from what /health gathered: pure, so every probe judges alike. */
export function notReadyReasons(inputs: ReadinessInputs): NotReadyReason[] {
  const reasons: NotReadyReason[] = [];
  if (inputs.shuttingDown) reasons.push({ reason: 'shutting_down', message: 'The process is shutting down' });
  if (inputs.storeError) reasons.push({ reason: 'store_unreachable', message: `The event store cannot be reached: ${inputs.storeError}`, error: inputs.storeError });
  if (inputs.writeFailure) {
    reasons.push({ reason: 'store_refuses_writes', message: `The event store refused the last write (full or read-only?): ${inputs.writeFailure.error}`, error: inputs.writeFailure.error });
  }
  for (const p of inputs.projections?.projections ?? []) {
    if (p.failure) {
      const at = p.failure.event ? ` on event ${p.failure.event.id} (${p.failure.event.type} at ${p.failure.event.position} in ${p.failure.event.stream})` : '';
      reasons.push({ reason: 'projection_failing', message: `Projection ${p.name} is stopped${at}: ${p.failure.error}`, projection: p.name, event: p.failure.event, error: p.failure.error });
    } else if (p.lagEvents > inputs.maxLagEvents) {
      reasons.push({ reason: 'projection_lagging', message: `Projection ${p.name} is ${p.lagEvents} events behind (more than ${inputs.maxLagEvents})`, projection: p.name, lagEvents: p.lagEvents });
    }
  }
  if (inputs.integrityFailed) reasons.push({ reason: 'integrity_failed', message: 'The store failed its integrity check: writes are refused' });
  return reasons;
}

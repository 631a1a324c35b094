import { Injectable } from '@nestjs/common';
import { PERSONAL_DATA_READ_CATEGORY } from '../read-access/personal-data-read.event';
import { WriteGate } from './authenticating-event-store';
import { describeReport, IntegrityFailure, VerifyReport } from './verify-report';

/** A command refused because the store failed its integrity check (GraphQL `INTEGRITY_FAILED`). */
export class IntegrityFailedError extends Error {
  readonly code = 'INTEGRITY_FAILED';

  constructor(readonly summary: string) {
    super(`Writes are refused until an operator has looked into it: the event store failed its integrity check. ${summary}`);
    this.name = 'IntegrityFailedError';
  }
}

export interface IntegrityHealth {
  readonly status: 'checking' | 'intact' | 'failed';
  readonly writes: 'accepted' | 'refused';
  /** Whether this instance chains (the projection leader does). */
  readonly chaining: boolean;
  /** Position of the last event this instance chained. */
  readonly chainedUpTo: string | null;
  /** How far the last self-check got. */
  readonly verifiedUpTo: string | null;
  readonly lastCheckedAt: string | null;
  readonly failure: (Omit<IntegrityFailure, 'count'> & { count: string | null }) | null;
  readonly summary: string | null;
}

/**
 * What this instance knows about the integrity of the store, from its own
 * checks and its chainer. A failure sticks until restart: someone must look.
 * Until then the instance is read-only, but for the read-access log, which
 * keeps recording who looks at what (auditors will, and no read goes unlogged).
 */
@Injectable()
export class IntegrityStatus implements WriteGate {
  private state: IntegrityHealth['status'] = 'checking';
  private report: VerifyReport | null = null;
  private lastCheckedAt: Date | null = null;
  private chainer: () => { chaining: boolean; chainedUpTo: string | null } = () => ({ chaining: false, chainedUpTo: null });

  get failed(): boolean {
    return this.state === 'failed';
  }

  /** The outcome of a check, or of chaining; a failure is kept over any later success. */
  checked(report: VerifyReport, at: Date): void {
    this.lastCheckedAt = at;
    if (this.state === 'failed') return;
    this.report = report;
    this.state = report.intact ? 'intact' : 'failed';
  }

  reportChaining(chainer: () => { chaining: boolean; chainedUpTo: string | null }): void {
    this.chainer = chainer;
  }

  assertWritable(streamName: string): void {
    if (this.state !== 'failed' || streamName.startsWith(`${PERSONAL_DATA_READ_CATEGORY}-`)) return;
    throw new IntegrityFailedError(describeReport(this.report!));
  }

  health(): IntegrityHealth {
    const failure = this.report?.failure;
    return {
      status: this.state,
      writes: this.state === 'failed' ? 'refused' : 'accepted',
      ...this.chainer(),
      verifiedUpTo: this.report?.intactUpTo ?? null,
      lastCheckedAt: this.lastCheckedAt?.toISOString() ?? null,
      failure: failure ? { ...failure, count: failure.count?.toString() ?? null } : null,
      summary: this.report ? describeReport(this.report) : null,
    };
  }
}

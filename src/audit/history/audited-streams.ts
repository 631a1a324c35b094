import { agreementDecider } from '../../agreements/domain';
import { organisationDecider } from '../../organisations/domain';
import { promiseDecider } from '../../promises/domain';
import { Decider, DomainEvent } from '../../shared/domain/decider';
import { agreementStream, organisationStream, promiseStream } from '../../shared/streams';

/** What an auditor can ask the history of. A new aggregate is one more entry here. */
export const AUDITED_KINDS = ['agreement', 'promise', 'organisation'] as const;
export type AuditedKind = (typeof AUDITED_KINDS)[number];

/** Events arrive from the store untyped; the decider's own `evolve` is what gives them meaning. */
export type AnyDecider = Decider<unknown, DomainEvent, unknown>;

export interface AuditedStream {
  readonly streamOf: (id: string) => string;
  readonly decider: AnyDecider;
}

export const AUDITED_STREAMS: Record<AuditedKind, AuditedStream> = {
  agreement: { streamOf: agreementStream, decider: agreementDecider as unknown as AnyDecider },
  promise: { streamOf: promiseStream, decider: promiseDecider as unknown as AnyDecider },
  organisation: { streamOf: organisationStream, decider: organisationDecider as unknown as AnyDecider },
};

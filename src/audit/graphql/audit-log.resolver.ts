import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { CommandContextFactory, RequestInfo } from '../../shared/commands/command-context.factory';
import { Connection } from '../../shared/graphql/connection';
import { PageArgs } from '../../shared/graphql/page.args';
import { AUDITOR_ROLES, requireRole } from '../audit-access';
import { AuditLogQueries, AuditLogRow } from '../audit-log/audit-log.queries';
import { PersonalDataReadRow, PersonalDataReadsQueries } from '../read-access/personal-data-reads.queries';
import { instant } from './instant-arg';
import { AuditLogEntry, AuditLogEntryConnection, PersonalDataRead, PersonalDataReadConnection } from './audit-log.types';

const toEntry = (r: AuditLogRow): AuditLogEntry => ({
  position: r.position, stream: r.stream, revision: String(r.revision), eventId: r.event_id, type: r.type,
  occurredAt: r.occurred_at, recordedAt: r.recorded_at,
  actor: { userId: r.actor_user_id, displayName: r.actor_name, organisationId: r.actor_organisation_id, role: r.actor_role },
  commandId: r.command_id, commandType: r.command_type, correlationId: r.correlation_id, causationId: r.causation_id,
});

const toRead = (r: PersonalDataReadRow): PersonalDataRead => ({
  readAt: r.read_at, correlationId: r.correlation_id, operationName: r.operation_name, documentHash: r.document_hash,
  field: r.field, count: r.count, path: r.path === '' ? null : r.path, subjectId: r.subject_id, eventId: r.event_id,
  reader: { userId: r.reader_user_id, displayName: r.reader_name, organisationId: r.reader_organisation_id, role: r.reader_role },
});

const mapConnection = <A, B>(c: Connection<A>, map: (a: A) => B): Connection<B> => ({
  pageInfo: c.pageInfo,
  edges: c.edges.map((e) => ({ cursor: e.cursor, node: map(e.node) })),
});

@Resolver()
export class AuditLogResolver {
  constructor(
    private readonly contexts: CommandContextFactory,
    private readonly auditLogQueries: AuditLogQueries,
    private readonly reads: PersonalDataReadsQueries,
  ) {}

  @Query(() => AuditLogEntryConnection, { description: 'Every stored event, oldest first (auditors). Times are inclusive ISO instants.' })
  async auditLog(
    @Context() request: RequestInfo,
    @Args() page: PageArgs,
    @Args('actorUserId', { type: () => ID, nullable: true }) actorUserId?: string,
    @Args('organisationId', { type: () => ID, nullable: true, description: 'The actor’s organisation.' }) organisationId?: string,
    @Args('eventType', { nullable: true }) eventType?: string,
    @Args('stream', { nullable: true }) stream?: string,
    @Args('category', { nullable: true, description: 'Stream category: agreement, promise, organisation, ...' }) category?: string,
    @Args('correlationId', { nullable: true }) correlationId?: string,
    @Args('occurredFrom', { nullable: true, description: 'Business time: when it happened in the world (ISO instant or date).' }) occurredFrom?: string,
    @Args('occurredTo', { nullable: true }) occurredTo?: string,
    @Args('recordedFrom', { nullable: true, description: 'Store time: when the system recorded it (ISO instant or date).' }) recordedFrom?: string,
    @Args('recordedTo', { nullable: true }) recordedTo?: string,
    @Args('businessOnly', {
      nullable: true,
      description: 'Only events of agreements, promises, organisations and assessments: no read-access log entries, no integrity checkpoints.',
    }) businessOnly?: boolean,
  ) {
    requireRole(this.contexts, request, AUDITOR_ROLES);
    // As instants, so "2018-03-31" means all of that day and the stored ISO strings compare as times.
    const iso = (text: string | undefined, field: string, end: 'start' | 'end') => instant(text, field, end)?.toISOString();
    const filter = {
      actorUserId, organisationId, eventType, stream, category, correlationId,
      occurredFrom: iso(occurredFrom, 'occurredFrom', 'start'), occurredTo: iso(occurredTo, 'occurredTo', 'end'),
      recordedFrom: iso(recordedFrom, 'recordedFrom', 'start'), recordedTo: iso(recordedTo, 'recordedTo', 'end'),
      businessOnly,
    };
    return mapConnection(await this.auditLogQueries.list(filter, page.first, page.after), toEntry);
  }

  @Query(() => PersonalDataReadConnection, {
    description: 'Who read which personal data about whom, when, through which operation (auditors). Newest first.',
  })
  async personalDataReads(
    @Context() request: RequestInfo,
    @Args() page: PageArgs,
    @Args('readerUserId', { type: () => ID, nullable: true }) readerUserId?: string,
    @Args('field', { nullable: true, description: 'e.g. Signature.signatoryName' }) field?: string,
    @Args('subjectId', { type: () => ID, nullable: true, description: 'An agreement, promise or person: who read personal data about it.' }) subjectId?: string,
    @Args('correlationId', { nullable: true }) correlationId?: string,
    @Args('from', { nullable: true }) from?: string,
    @Args('to', { nullable: true }) to?: string,
  ) {
    requireRole(this.contexts, request, AUDITOR_ROLES);
    return mapConnection(await this.reads.list({ readerUserId, field, subjectId, correlationId, from, to }, page.first, page.after), toRead);
  }
}

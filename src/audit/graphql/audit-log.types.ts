import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../shared/graphql/connection';

@ObjectType({ description: 'Who ran the command that caused an event (or who read personal data).' })
export class AuditActor {
  @Field(() => String, { nullable: true }) userId!: string | null;
  @Field(() => String, { nullable: true, description: 'Personal data: reading it is logged.' }) displayName!: string | null;
  @Field(() => String, { nullable: true }) organisationId!: string | null;
  @Field(() => String, { nullable: true }) role!: string | null;
}

@ObjectType({ description: 'One stored event, with who did it, when and why.' })
export class AuditLogEntry {
  @Field({ description: 'Global position, "commit/prepare".' }) position!: string;
  @Field() stream!: string;
  @Field({ description: 'Revision in its stream (decimal).' }) revision!: string;
  @Field() eventId!: string;
  @Field() type!: string;
  @Field(() => String, { nullable: true, description: 'Business time the command carried.' }) occurredAt!: string | null;
  @Field({ description: 'When the store recorded the event.' }) recordedAt!: string;
  @Field(() => AuditActor) actor!: AuditActor;
  @Field(() => String, { nullable: true }) commandId!: string | null;
  @Field(() => String, { nullable: true }) commandType!: string | null;
  @Field(() => String, { nullable: true }) correlationId!: string | null;
  @Field(() => String, { nullable: true }) causationId!: string | null;
}

@ObjectType()
export class AuditLogEntryConnection extends ConnectionType(AuditLogEntry, 'AuditLogEntry') {}

@ObjectType({
  description: 'Personal data of one kind about one subject that one operation returned to someone, and how often (brottsdatalagen: log of consultation).',
})
export class PersonalDataRead {
  @Field() readAt!: string;
  @Field(() => AuditActor) reader!: AuditActor;
  @Field() correlationId!: string;
  @Field(() => String, { nullable: true }) operationName!: string | null;
  @Field(() => String, { nullable: true, description: 'sha256 of the operation’s document (its text is not stored); null on entries recorded before.' })
  documentHash!: string | null;
  @Field({ description: 'Schema coordinate, e.g. Signature.signatoryName.' }) field!: string;
  @Field(() => Int, { description: 'How many times the operation returned this field about this subject.' }) count!: number;
  @Field(() => String, { nullable: true, description: 'Where in the response: only on entries recorded before reads were counted.' })
  path!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The agreement, promise or person the data is about (null only on entries recorded before subjects were kept for every read).',
  })
  subjectId!: string | null;
  @Field({ description: 'The PersonalDataRead event recording it.' }) eventId!: string;
}

@ObjectType()
export class PersonalDataReadConnection extends ConnectionType(PersonalDataRead, 'PersonalDataRead') {}

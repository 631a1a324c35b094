import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JsonValue } from '../../shared/domain/json';
import { AuditActor } from './audit-log.types';
import { AuditJSON } from './audit-json.scalar';

export enum AuditedKindInput {
  AGREEMENT = 'agreement',
  PROMISE = 'promise',
  ORGANISATION = 'organisation',
}
registerEnumType(AuditedKindInput, { name: 'AuditedKind', description: 'What an auditor can ask the history of.' });

export enum TimeAxisInput {
  RECORDED = 'recorded',
  OCCURRED = 'occurred',
}
registerEnumType(TimeAxisInput, {
  name: 'TimeAxis',
  description: 'RECORDED: what the system knew at that instant. OCCURRED: by the business time each command carried.',
});

@ObjectType()
export class StateChange {
  @Field({ description: 'e.g. signatures[1].signatory.name' }) path!: string;
  @Field(() => AuditJSON, { nullable: true }) before!: JsonValue;
  @Field(() => AuditJSON, { nullable: true }) after!: JsonValue;
}

@ObjectType({ description: 'One event of a thing’s history, with the state it moved the thing from and to.' })
export class HistoryEntry {
  @Field() stream!: string;
  @Field() revision!: string;
  @Field() position!: string;
  @Field() eventId!: string;
  @Field() type!: string;
  @Field(() => String, { nullable: true }) occurredAt!: string | null;
  @Field() recordedAt!: string;
  @Field(() => AuditActor) actor!: AuditActor;
  @Field(() => String, { nullable: true }) commandId!: string | null;
  @Field(() => String, { nullable: true }) commandType!: string | null;
  @Field(() => String, { nullable: true }) correlationId!: string | null;
  @Field(() => String, { nullable: true }) causationId!: string | null;
  @Field(() => AuditJSON) data!: JsonValue;
  @Field(() => AuditJSON) stateBefore!: JsonValue;
  @Field(() => AuditJSON) stateAfter!: JsonValue;
  @Field(() => [StateChange]) changes!: StateChange[];
  @Field(() => String, { nullable: true, description: 'Set when the decider could not fold this event.' }) foldError!: string | null;
}

@ObjectType()
export class ActivityAsOf {
  @Field() entryId!: string;
  @Field(() => AuditJSON) data!: JsonValue;
  @Field(() => [String]) eventTypes!: string[];
}

@ObjectType({ description: 'A thing as it was at an instant or revision, folded from its stream.' })
export class Snapshot {
  @Field() stream!: string;
  @Field() exists!: boolean;
  @Field(() => String, { nullable: true }) revision!: string | null;
  @Field(() => String, { nullable: true }) position!: string | null;
  @Field(() => String, { nullable: true }) lastEventAt!: string | null;
  @Field(() => AuditJSON) state!: JsonValue;
  @Field(() => [ActivityAsOf], { nullable: true, description: 'Promises only: the activity log as it stood.' })
  activities!: ActivityAsOf[] | null;
}

import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FollowUpStatus } from '../commands/follow-up/follow-up.input';
import { ConnectionType } from '../../shared/graphql/connection';

@ObjectType()
export class ActivityStatusReport {
  @Field(() => ID) plannedActivityId!: string;
  @Field(() => FollowUpStatus) status!: FollowUpStatus;
  @Field(() => String, { nullable: true }) comment!: string | null;
}

@ObjectType()
export class IndicatorMeasurement {
  @Field(() => ID) indicatorId!: string;
  @Field(() => Float) value!: number;
  @Field() measuredOn!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType({ description: 'A planned follow-up point (uppföljning) and, once recorded, its report.' })
export class FollowUp {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field() dueOn!: string;
  @Field() periodFrom!: string;
  @Field() periodTo!: string;
  @Field(() => String, { nullable: true, description: 'Null until recorded.' }) reportedOn!: string | null;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => [ActivityStatusReport]) activityStatuses!: ActivityStatusReport[];
  @Field(() => [IndicatorMeasurement]) measurements!: IndicatorMeasurement[];
  @Field(() => String, { nullable: true, description: 'What citizens were told.' }) communicatedToCitizens!: string | null;
  @Field(() => [String], { description: 'Where they were told.' }) communicationChannels!: string[];
}

@ObjectType({ description: 'The final report (slutrapport) of one period: due, and once submitted, its text.' })
export class FinalReport {
  @Field() periodFrom!: string;
  @Field() periodTo!: string;
  @Field(() => String, { nullable: true }) dueOn!: string | null;
  @Field(() => String, { nullable: true }) submittedOn!: string | null;
  @Field(() => String, { nullable: true }) summary!: string | null;
}

export enum ProgressStatus {
  NoTarget = 'NoTarget',
  Done = 'Done',
  OnTrack = 'OnTrack',
  Behind = 'Behind',
}
registerEnumType(ProgressStatus, { name: 'ProgressStatus', description: 'Logged count against the target, pro rata for the time gone.' });

@ObjectType({ description: 'Target vs logged count of one planned activity, as of `today`.' })
export class ActivityProgress {
  @Field(() => ID) plannedActivityId!: string;
  @Field(() => Int, { nullable: true }) target!: number | null;
  @Field(() => Int, { description: 'Sum of counts of entries realising it (superseded entries excluded) in the window.' }) logged!: number;
  @Field(() => Float, { description: 'What the target asks for by today, pro rata.' }) expectedByNow!: number;
  @Field() windowFrom!: string;
  @Field() windowTo!: string;
  @Field(() => ProgressStatus) status!: ProgressStatus;
}

@ObjectType()
export class PromiseProgress {
  @Field({ description: 'True when no targeted activity is behind.' }) onTrack!: boolean;
  @Field(() => Int) behind!: number;
  @Field(() => [ActivityProgress]) activities!: ActivityProgress[];
}

export enum DeadlineKind {
  FollowUp = 'FollowUp',
  FinalReport = 'FinalReport',
  AgreementExpiry = 'AgreementExpiry',
  MissingFinalReport = 'MissingFinalReport',
}
registerEnumType(DeadlineKind, { name: 'DeadlineKind' });

@ObjectType({ description: 'Something due: a follow-up or final report not yet in, an agreement ending, a period ended without a report.' })
export class Deadline {
  @Field(() => DeadlineKind) kind!: DeadlineKind;
  @Field() dueOn!: string;
  @Field() overdue!: boolean;
  @Field(() => Int, { description: 'Negative when overdue.' }) daysLeft!: number;
  @Field() title!: string;
  @Field(() => ID, { nullable: true }) promiseId!: string | null;
  @Field(() => ID, { nullable: true }) agreementId!: string | null;
  @Field(() => ID, { nullable: true }) followUpId!: string | null;
  @Field(() => String, { nullable: true }) label!: string | null;
}

@ObjectType()
export class DeadlineConnection extends ConnectionType(Deadline, 'Deadline') {}

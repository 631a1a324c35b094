import { Field, Float, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CommandInput } from '../../../shared/graphql/command-input';
import { IsEntityId, IsLocalDate, IsText } from '../../../shared/graphql/input-validators';
import { FOLLOW_UP_STATUSES } from '../../domain/promise.events';

export const FollowUpStatus = Object.fromEntries(FOLLOW_UP_STATUSES.map((k) => [k, k])) as { [K in (typeof FOLLOW_UP_STATUSES)[number]]: K };
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
registerEnumType(FollowUpStatus, { name: 'FollowUpStatus', description: 'Where a planned activity stands at a follow-up.' });

@InputType()
export class PlannedFollowUpInput {
  @Field(() => ID) @IsEntityId() followUpId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() dueOn!: string;
  @Field({ description: 'e.g. "Maj", "Tertial 2"' }) @IsString() @IsNotEmpty() @IsText(100) label!: string;
}

@InputType({ description: 'The follow-up points of the current period and when the final report is due.' })
export class PlanFollowUpsInput extends CommandInput {
  @Field(() => ID) @IsEntityId() promiseId!: string;
  @Field(() => [PlannedFollowUpInput]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(24) @ValidateNested({ each: true }) @Type(() => PlannedFollowUpInput) followUps!: PlannedFollowUpInput[];
  @Field({ description: 'YYYY-MM-DD, after the period, e.g. 31 January.' }) @IsLocalDate() finalReportDueOn!: string;
}

@InputType()
export class ActivityStatusInput {
  @Field(() => ID) @IsEntityId() plannedActivityId!: string;
  @Field(() => FollowUpStatus) @IsIn(FOLLOW_UP_STATUSES) status!: FollowUpStatus;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsText(5000) comment?: string | null;
}

@InputType()
export class IndicatorMeasurementInput {
  @Field(() => ID) @IsEntityId() indicatorId!: string;
  @Field(() => Float) @IsNumber() value!: number;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() measuredOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsText(2000) note?: string | null;
}

@InputType()
export class RecordFollowUpInput extends CommandInput {
  @Field(() => ID) @IsEntityId() promiseId!: string;
  @Field(() => ID, { description: 'A follow-up of the current plan.' }) @IsEntityId() followUpId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() reportedOn!: string;
  @Field() @IsString() @IsNotEmpty() @IsText(20000) summary!: string;
  @Field(() => [ActivityStatusInput], { defaultValue: [] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ActivityStatusInput) activityStatuses!: ActivityStatusInput[];
  @Field(() => [IndicatorMeasurementInput], { defaultValue: [] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => IndicatorMeasurementInput) measurements!: IndicatorMeasurementInput[];
  @Field(() => String, { nullable: true, description: 'What was told to citizens.' }) @IsOptional() @IsString() @IsText(20000) communicatedToCitizens?: string | null;
  @Field(() => [String], { defaultValue: [], description: 'Where it was told (web, local paper, citizen dialogue).' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  communicationChannels!: string[];
}

@InputType()
export class SubmitFinalReportInput extends CommandInput {
  @Field(() => ID) @IsEntityId() promiseId!: string;
  @Field({ description: 'YYYY-MM-DD, after the period.' }) @IsLocalDate() submittedOn!: string;
  @Field() @IsString() @IsNotEmpty() @IsText(50000) summary!: string;
}

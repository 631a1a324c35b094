import { Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { IsEntityId, IsText } from '../../shared/graphql/input-validators';
import { INDICATOR_KINDS, TARGET_PERIODS } from '../domain/promise.events';

export const TargetPer = Object.fromEntries(TARGET_PERIODS.map((k) => [k, k])) as { [K in (typeof TARGET_PERIODS)[number]]: K };
export type TargetPer = (typeof TARGET_PERIODS)[number];
registerEnumType(TargetPer, { name: 'TargetPer', description: 'A target counted per calendar year or over the whole period.' });
export const IndicatorKind = Object.fromEntries(INDICATOR_KINDS.map((k) => [k, k])) as { [K in (typeof INDICATOR_KINDS)[number]]: K };
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
registerEnumType(IndicatorKind, { name: 'IndicatorKind' });

/** "at least three times a year" = { quantity: 3, per: Year, text: "minst tre gånger per år" }. */
@InputType()
export class ActivityTargetInput {
  @Field(() => Int) @IsInt() @Min(1) @Max(100000) quantity!: number;
  @Field(() => TargetPer) @IsIn(TARGET_PERIODS) per!: TargetPer;
  @Field({ description: 'The words the promise used.' }) @IsString() @IsNotEmpty() @IsText(300) text!: string;
}

@InputType()
export class IndicatorInput {
  @Field(() => ID) @IsEntityId() indicatorId!: string;
  @Field() @IsString() @IsNotEmpty() @IsText(300) name!: string;
  @Field(() => IndicatorKind) @IsIn(INDICATOR_KINDS) kind!: IndicatorKind;
  @Field({ description: 'e.g. "%", "antal", "anmälningar"' }) @IsString() @IsNotEmpty() @IsText(50) unit!: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() baseline?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() target?: number | null;
  @Field(() => String, { nullable: true, description: 'e.g. "Polisens trygghetsmätning"' }) @IsOptional() @IsString() @IsText(300) source?: string | null;
}

/** A planned activity as drafted or revised; shared by DraftPromise and ExtendPromise. */
@InputType()
export class PlannedActivityInput {
  @Field(() => ID, { nullable: true, description: 'Keep an id to carry an activity over an extension.' })
  @IsOptional()
  @IsEntityId()
  plannedActivityId?: string;

  @Field() @IsString() @IsNotEmpty() @IsText(2000) description!: string;

  @Field(() => [ID], { description: 'Responsible parties; several means joint.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsEntityId({ each: true })
  responsibleOrganisationIds!: string[];

  @Field(() => ActivityTargetInput, { nullable: true, description: 'A quantified target, where the promise gives one.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActivityTargetInput)
  target?: ActivityTargetInput | null;

  @Field(() => [IndicatorInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IndicatorInput)
  indicators?: IndicatorInput[] | null;
}
